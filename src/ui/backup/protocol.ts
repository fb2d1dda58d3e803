/** Messages between the page and backup.worker.ts. */

export interface BuildBackupRequest {
  /** The IndexedDB database to copy (the app's, or a test's). */
  dbName: string;
  passphrase?: string;
}

export type BackupWorkerReply =
  | { type: 'started' }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'error'; name: string; message: string; code?: string };
