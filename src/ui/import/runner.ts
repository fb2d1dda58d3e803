import { bi, type BilingualText } from '../../core/model/common';
import { errorText, pickLanguage } from '../format';
/**
 * How the wizard reaches the import engine: a Web Worker in the app, the same engine in-process where
 * there is no Worker (component tests, which pass Node's CP949 decoder since Node's TextDecoder lacks
 * the extension syllables).
 */
import type { Cp949Decoder } from '../../core/io';
import { buildImport, openImportFile } from './engine';
import type { BuildRequest, BuildResponse, OpenRequest, OpenResponse, ProgressListener } from './engine';
import type { WorkerReply, WorkerRequest } from './protocol';

export interface ImportRunner {
  open(request: OpenRequest, onProgress: ProgressListener): Promise<OpenResponse>;
  build(request: BuildRequest, onProgress: ProgressListener): Promise<BuildResponse>;
  /** Stops the work under way; its promise rejects with ImportCancelledError. */
  cancel(): void;
}

export class ImportCancelledError extends Error {
  override name = 'ImportCancelledError';
  constructor() {
    super(bi('가져오기를 취소했어요', 'import cancelled'));
  }
}

/** An error thrown inside the worker, brought back with its name, message and code. */
export class ImportWorkerError extends Error {
  constructor(
    override name: string,
    message: string,
    readonly code?: string,
    /** The error's text in each language, when it carried one (ImportFileError, ZipError). */
    readonly text?: BilingualText,
  ) {
    super(message);
  }
}

/** What a screen says for a failed import: the error's text in the reader's language, else its message's half. */
export function importProblemText(err: unknown, language: string): string {
  return pickLanguage(errorText(err), language);
}

export function createWorkerRunner(): ImportRunner {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void; onProgress: ProgressListener }>();

  function ensure(): Worker {
    if (worker) return worker;
    const w = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const job = pending.get(reply.id);
      if (!job) return;
      if (reply.type === 'progress') job.onProgress(reply.progress);
      else {
        pending.delete(reply.id);
        if (reply.type === 'done') job.resolve(reply.result);
        else job.reject(new ImportWorkerError(reply.error.name, reply.error.message, reply.error.code, reply.error.text));
      }
    };
    w.onerror = (event) => {
      for (const job of pending.values()) job.reject(new ImportWorkerError('Error', event.message || 'import worker failed'));
      pending.clear();
      w.terminate();
      if (worker === w) worker = null;
    };
    worker = w;
    return w;
  }

  function send<T>(message: Omit<WorkerRequest, 'id'>, onProgress: ProgressListener): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      ensure().postMessage({ ...message, id } as WorkerRequest);
    });
  }

  return {
    open: (request, onProgress) => send<OpenResponse>({ kind: 'open', request }, onProgress),
    build: (request, onProgress) => send<BuildResponse>({ kind: 'build', request }, onProgress),
    cancel() {
      // Terminating is the only way to stop a parse midway; the next call starts a fresh worker.
      worker?.terminate();
      worker = null;
      for (const job of pending.values()) job.reject(new ImportCancelledError());
      pending.clear();
    },
  };
}

export function createInlineRunner(decodeCp949?: Cp949Decoder): ImportRunner {
  let generation = 0;
  async function run<T>(work: (onProgress: ProgressListener) => Promise<T>, onProgress: ProgressListener): Promise<T> {
    const mine = ++generation;
    const result = await work((p) => mine === generation && onProgress(p));
    if (mine !== generation) throw new ImportCancelledError();
    return result;
  }
  return {
    open: (request, onProgress) => run((p) => openImportFile(request, decodeCp949, p), onProgress),
    build: (request, onProgress) => run((p) => buildImport(request, decodeCp949, p), onProgress),
    cancel() {
      generation++;
    },
  };
}

let testRunner: ImportRunner | null = null;
let appRunner: ImportRunner | null = null;

export function getImportRunner(): ImportRunner {
  if (testRunner) return testRunner;
  if (!appRunner) appRunner = typeof Worker !== 'undefined' ? createWorkerRunner() : createInlineRunner();
  return appRunner;
}

export function setImportRunnerForTests(runner: ImportRunner | null): void {
  testRunner = runner;
}
