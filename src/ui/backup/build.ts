/**
 * Builds a whole-database backup off the main thread: the worker opens its own connection to the same
 * IndexedDB database (a read transaction gives it a consistent copy), zips and, with a passphrase, seals
 * it. Where there is no Worker (component tests) the same code runs in-process. Either way the page
 * stays responsive (and can cancel: terminating the worker stops it at once).
 */
import { exportBackup } from '../../db/backup';
import type { OutageDeskDB } from '../../db';
import type { BackupWorkerReply, BuildBackupRequest } from './protocol';
import { bi } from '../../core/model/text';

export class BackupCancelledError extends Error {
  override name = 'BackupCancelledError';
  constructor() {
    super(bi('백업을 취소했어요', 'backup cancelled'));
  }
}

/** An error thrown inside the worker, with its name and code (BackupError codes survive the trip). */
export class BackupWorkerError extends Error {
  constructor(
    override name: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface BackupJob {
  done: Promise<Uint8Array>;
  cancel(): void;
}

export interface BuildOptions {
  passphrase?: string;
  /** The work has begun (the worker has started reading). */
  onStarted?: () => void;
  /** Force in-process (tests; also the fallback without Worker). */
  inline?: boolean;
}

function inlineJob(db: OutageDeskDB, options: BuildOptions): BackupJob {
  let cancelled = false;
  options.onStarted?.();
  const done = exportBackup(db, options.passphrase !== undefined ? { passphrase: options.passphrase } : {}).then((bytes) => {
    if (cancelled) throw new BackupCancelledError();
    return bytes;
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
    },
  };
}

export function startBackup(db: OutageDeskDB, options: BuildOptions = {}): BackupJob {
  if (options.inline || typeof Worker === 'undefined') return inlineJob(db, options);
  const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'backup' });
  let reject: (e: unknown) => void = () => undefined;
  const done = new Promise<Uint8Array>((resolve, rej) => {
    reject = rej;
    worker.onmessage = (event: MessageEvent<BackupWorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'started') options.onStarted?.();
      else {
        worker.terminate();
        if (reply.type === 'done') resolve(reply.bytes);
        else rej(new BackupWorkerError(reply.name, reply.message, reply.code));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      rej(new BackupWorkerError('Error', event.message || 'backup worker failed'));
    };
  });
  const request: BuildBackupRequest = { dbName: db.name, ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}) };
  worker.postMessage(request);
  return {
    done,
    cancel() {
      worker.terminate();
      reject(new BackupCancelledError());
    },
  };
}
