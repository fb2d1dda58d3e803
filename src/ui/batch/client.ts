import type { BatchJobDone, BatchJobMessage, BatchJobRequest } from './protocol';
import { runWorkerJob } from '../worker-job';
import type { BilingualText } from '../../core/model/common';

export type BatchProgress = Extract<BatchJobMessage, { type: 'progress' }>;

/** A job that failed in its worker: `text` is the reason in both languages when the worker sent one. */
export class BatchJobError extends Error {
  override name = 'BatchJobError';
  constructor(message: string, readonly text?: BilingualText) {
    super(message);
  }
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
export const workerRunner: BatchRunner = (request, onProgress) =>
  runWorkerJob<BatchJobMessage, BatchJobDone>(
    new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module', name: 'batch' }),
    request,
    (message) => {
      if (message.type === 'progress') {
        onProgress(message);
        return { progress: true };
      }
      return message.type === 'error' ? { error: new BatchJobError(message.message, message.text) } : { done: message };
    },
    { failed: (message) => new BatchJobError(message), cancelled: () => new BatchJobCancelled() },
  );
