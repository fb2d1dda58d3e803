import type { PacketJobMessage, PacketJobRequest, PacketJobStage } from './packet-job';

export type BuiltPacketResult = Extract<PacketJobMessage, { type: 'done' }>;

export class PacketBuildError extends Error {
  override name = 'PacketBuildError';
  constructor(message: string, readonly input: boolean) {
    super(message);
  }
}

export class PacketBuildCancelled extends Error {
  override name = 'PacketBuildCancelled';
}

/**
 * Builds a packet in a fresh Web Worker. `cancel()` ends the worker at once (pdfmake cannot be interrupted
 * any other way) and rejects with PacketBuildCancelled.
 */
export function startPacketBuild(request: PacketJobRequest, onStage: (stage: PacketJobStage) => void): { result: Promise<BuiltPacketResult>; cancel: () => void } {
  const worker = new Worker(new URL('./packet.worker.ts', import.meta.url), { type: 'module', name: 'packet' });
  let settle: { resolve: (r: BuiltPacketResult) => void; reject: (e: Error) => void } | null = null;
  const result = new Promise<BuiltPacketResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (fn: (s: NonNullable<typeof settle>) => void) => {
    if (!settle) return;
    const s = settle;
    settle = null;
    worker.terminate();
    fn(s);
  };
  worker.onmessage = (event: MessageEvent<PacketJobMessage>) => {
    const message = event.data;
    if (message.type === 'progress') onStage(message.stage);
    else if (message.type === 'done') finish((s) => s.resolve(message));
    else finish((s) => s.reject(new PacketBuildError(message.message, message.input)));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish((s) => s.reject(new PacketBuildError(event.message || 'worker failed', false)));
  };
  worker.postMessage(request);
  return { result, cancel: () => finish((s) => s.reject(new PacketBuildCancelled())) };
}
