import { backupsToDelete } from '../core/backup/rotation';
import { freshAutoBackupName, listedAutoBackups } from './auto-backup-names';
import { BridgeError, type AutoBackupList, type AutoBackupReason, type AutoBackupWritten, type OpenedFile } from './contract';
import { bt } from '../core/model/common';

/**
 * Automatic backups in a plain browser: there is no app folder, so they live in their own IndexedDB
 * database, apart from the app's. The app writes one there only before a database upgrade (the desktop
 * shell also writes on quit and daily). Clearing the site's data in the browser removes them too.
 */

export const BROWSER_BACKUPS_DB = 'outage-loss-desk-auto-backups';
/** Fewer than the desktop's ten: they share the browser's storage quota with the app's own data. */
export const BROWSER_BACKUPS_KEPT = 3;
const STORE = 'backups';

interface StoredBackup {
  name: string;
  size: number;
  reason: AutoBackupReason;
  bytes: Uint8Array;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openStore(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(BROWSER_BACKUPS_DB, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'name' });
  return request(req);
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    tx.onerror = () => reject(tx.error);
  });
}

function failed(action: 'save' | 'read', error: unknown): BridgeError {
  const reason = error instanceof Error ? error.message : String(error);
  return action === 'save'
    ? new BridgeError('io-failed', bt(`자동 백업을 저장하지 못했어요 (${reason})`, `Could not save the automatic backup (${reason})`))
    : new BridgeError('io-failed', bt(`자동 백업을 읽지 못했어요 (${reason})`, `Could not read the automatic backups (${reason})`));
}

export function createBrowserAutoBackups(factory: () => IDBFactory = () => globalThis.indexedDB, clock: () => Date = () => new Date()) {
  async function withDb<T>(work: (db: IDBDatabase) => Promise<T>): Promise<T> {
    const db = await openStore(factory());
    try {
      return await work(db);
    } finally {
      db.close();
    }
  }

  return {
    async write(bytes: Uint8Array, reason: AutoBackupReason): Promise<AutoBackupWritten> {
      try {
        return await withDb(async (db) => {
          // Names, the new row and the deletions in one transaction: a crash leaves the old set or the new one.
          const tx = db.transaction(STORE, 'readwrite');
          const store = tx.objectStore(STORE);
          const names = (await request(store.getAllKeys())).map(String);
          const name = freshAutoBackupName(clock(), new Set(names));
          store.put({ name, size: bytes.byteLength, reason, bytes: bytes.slice() } satisfies StoredBackup);
          const deleted = backupsToDelete([...names, name], { keep: BROWSER_BACKUPS_KEPT, protect: [name] });
          for (const old of deleted) store.delete(old);
          await done(tx);
          return { name, size: bytes.byteLength, deleted };
        });
      } catch (error) {
        throw failed('save', error);
      }
    },

    async list(): Promise<AutoBackupList> {
      try {
        return await withDb(async (db) => {
          const rows = (await request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll())) as StoredBackup[];
          return { backups: listedAutoBackups(rows.map((r) => ({ name: r.name, size: r.size }))) };
        });
      } catch (error) {
        throw failed('read', error);
      }
    },

    async read(name: string): Promise<OpenedFile> {
      let row: StoredBackup | undefined;
      try {
        row = await withDb(async (db) => (await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(name))) as StoredBackup | undefined);
      } catch (error) {
        throw failed('read', error);
      }
      if (!row) throw new BridgeError('io-failed', bt(`자동 백업을 찾을 수 없어요: ${name}`, `Automatic backup not found: ${name}`));
      return { name: row.name, bytes: new Uint8Array(row.bytes), size: row.size };
    },
  };
}
