/** Builds a backup off the main thread (see build.ts). */
import '../no-eval';
import { exportBackupByName } from '../../db/backup';
import type { BackupWorkerReply, BuildBackupRequest } from './protocol';

// The DOM lib types `self` as a Window; inside a worker it is the worker scope (only these two are used).
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BuildBackupRequest>) => void) | null;
  postMessage(reply: BackupWorkerReply, transfer?: Transferable[]): void;
};

scope.onmessage = async (event: MessageEvent<BuildBackupRequest>) => {
  const { dbName, passphrase } = event.data;
  try {
    scope.postMessage({ type: 'started' });
    const bytes = await exportBackupByName(dbName, passphrase !== undefined ? { passphrase } : {});
    scope.postMessage({ type: 'done', bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (err) {
    scope.postMessage({
      type: 'error',
      name: err instanceof Error ? err.name : 'Error',
      message: err instanceof Error ? err.message : String(err),
      code: (err as { code?: string }).code,
    });
  }
};
