import type { PacketJobMessage, PacketJobRequest, PacketJobStage } from './packet-job';
import { runWorkerJob } from '../worker-job';
import type { BilingualText } from '../../core/model/common';

export type BuiltPacketResult = Extract<PacketJobMessage, { type: 'done' }>;

/** A packet the worker could not build: `text` in both languages when the worker sent one (errorText reads it). */
export class PacketBuildError extends Error {
  override name = 'PacketBuildError';
  constructor(message: string, readonly input: boolean, readonly text?: BilingualText) {
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
  return runWorkerJob<PacketJobMessage, BuiltPacketResult>(
    new Worker(new URL('./packet.worker.ts', import.meta.url), { type: 'module', name: 'packet' }),
    request,
    (message) => {
      if (message.type === 'progress') {
        onStage(message.stage);
        return { progress: true };
      }
      return message.type === 'done' ? { done: message } : { error: new PacketBuildError(message.message, message.input, message.text) };
    },
    { failed: (message) => new PacketBuildError(message, false), cancelled: () => new PacketBuildCancelled() },
  );
}
