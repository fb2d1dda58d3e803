import Dexie from 'dexie';
import { DB_NAME, OutageDeskDB } from './database';
import { LATEST_VERSION } from './versions';

/** What a database made by a newer app holds, read without writing a byte. */
export interface ReadOnlySnapshot {
  claims: { id: string; title: string; updatedAt?: string }[];
}

export type OpenResult =
  | { kind: 'ready'; db: OutageDeskDB }
  | { kind: 'newer'; foundVersion: number; supportedVersion: number; snapshot: ReadOnlySnapshot }
  | { kind: 'failed'; error: unknown };

/**
 * The version of the database on disk (0 if there is none), read by opening it without declaring a
 * version: that never upgrades or creates anything.
 */
export async function readInstalledVersion(name: string = DB_NAME): Promise<number> {
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.verno;
  } catch (err) {
    if ((err as { name?: string })?.name === 'NoSuchDatabaseError') return 0;
    throw err;
  } finally {
    probe.close();
  }
}

async function readSnapshot(name: string): Promise<ReadOnlySnapshot> {
  const probe = new Dexie(name);
  try {
    await probe.open();
    if (!probe.tables.some((t) => t.name === 'claims')) return { claims: [] };
    const rows = (await probe.table('claims').toArray()) as { id?: unknown; title?: unknown; updatedAt?: unknown }[];
    return {
      claims: rows.map((r) => ({
        id: String(r.id ?? ''),
        title: String(r.title ?? ''),
        updatedAt: typeof r.updatedAt === 'string' ? r.updatedAt : undefined,
      })),
    };
  } catch {
    return { claims: [] };
  } finally {
    probe.close();
  }
}

async function newer(name: string, foundVersion: number): Promise<OpenResult> {
  return { kind: 'newer', foundVersion, supportedVersion: LATEST_VERSION, snapshot: await readSnapshot(name) };
}

export interface OpenDeskOptions {
  /**
   * Called when the database on disk is older than this app, before it is opened with the new schema
   * (which upgrades it): the caller keeps a copy of the old one (src/ui/backup/auto.ts). A failure here
   * does not stop the app from opening; the callback reports it itself.
   */
  beforeUpgrade?: (upgrade: { name: string; fromVersion: number; toVersion: number }) => Promise<void>;
}

/**
 * Opens the app's database, upgrading it from any older version.
 *
 * A database from a NEWER app must never be written. Dexie 4 does not refuse it: on IndexedDB's
 * VersionError it reopens at the installed version (and may even patch the schema), so the version is
 * checked first and again after opening, and the newer case comes back as a read-only snapshot.
 */
export async function openDesk(name: string = DB_NAME, options: OpenDeskOptions = {}): Promise<OpenResult> {
  try {
    const installed = await readInstalledVersion(name);
    if (installed > LATEST_VERSION) return await newer(name, installed);
    if (installed > 0 && installed < LATEST_VERSION && options.beforeUpgrade) {
      await options.beforeUpgrade({ name, fromVersion: installed, toVersion: LATEST_VERSION }).catch(() => undefined);
    }

    const db = new OutageDeskDB(name);
    try {
      await db.open();
    } catch (err) {
      db.close();
      if ((err as { name?: string })?.name === 'VersionError') return await newer(name, await readInstalledVersion(name));
      throw err;
    }
    // Another window of a newer app may have upgraded between the check and the open.
    const opened = (db.backendDB()?.version ?? 0) / 10;
    if (opened > LATEST_VERSION) {
      db.close();
      return await newer(name, opened);
    }
    return { kind: 'ready', db };
  } catch (error) {
    return { kind: 'failed', error };
  }
}
