import type { BatchJobDone, BatchJobMessage, BatchJobRequest } from './protocol';

export type BatchProgress = Extract<BatchJobMessage, { type: 'progress' }>;

export class BatchJobError extends Error {
  override name = 'BatchJobError';
}

export class BatchJobCancelled extends Error {
  override name = 'BatchJobCancelled';
}

/** Runs one job; `cancel()` stops it at once and rejects with BatchJobCancelled. */
export type BatchRunner = (request: BatchJobRequest, onProgress: (p: BatchProgress) => void) => { result: Promise<BatchJobDone>; cancel: () => void };

/**
 * Each job in a fresh Web Worker: cancelling ends the worker (pdfmake and exceljs cannot be interrupted
 * any other way), and the workspace itself lives on the page, so nothing is lost but the job.
 */
export const workerRunner: BatchRunner = (request, onProgress) => {
  const worker = new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module', name: 'batch' });
  let settle: { resolve: (r: BatchJobDone) => void; reject: (e: Error) => void } | null = null;
  const result = new Promise<BatchJobDone>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (fn: (s: NonNullable<typeof settle>) => void) => {
    if (!settle) return;
    const s = settle;
    settle = null;
    worker.terminate();
    fn(s);
  };
  worker.onmessage = (event: MessageEvent<BatchJobMessage>) => {
    const message = event.data;
    if (message.type === 'progress') onProgress(message);
    else if (message.type === 'error') finish((s) => s.reject(new BatchJobError(message.message)));
    else finish((s) => s.resolve(message));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish((s) => s.reject(new BatchJobError(event.message || 'worker failed')));
  };
  worker.postMessage(request);
  return { result, cancel: () => finish((s) => s.reject(new BatchJobCancelled())) };
};
