import Dexie from 'dexie';
import { version as packageVersion } from '../../package.json';
import { buildBackup, readBackup, writeBackupZip, type BackupContents, type BackupEvidence, type BackupRecord } from '../core/backup';

/**
 * The copy taken BEFORE the app opens an older database with its newer schema (architecture.md, "never
 * the only copy"): if an upgrade goes wrong, the data as the old app left it is still there.
 *
 * The database is opened with plain Dexie and no declared version, which never upgrades or creates
 * anything, and read as it is. If its rows still fit the backup format (every shipped version so far:
 * backup rows are the stored rows minus derived fields), the copy is a normal `.odbackup` that the
 * restore screen opens; that is decided by reading it back through every check of `readBackup`, not by
 * a list of versions. If they do not fit, the copy is a raw dump: a zip of every table as JSON and the
 * evidence bytes, for recovery by hand (docs/reliability.md).
 */

export const RAW_DUMP_FORMAT = 'outage-loss-desk/raw-dump';
export const RAW_DUMP_PATH = 'raw-dump.json';

export interface InstalledDatabaseCopy {
  kind: 'backup' | 'raw-dump';
  dbVersion: number;
  bytes: Uint8Array;
  /** Why the rows did not fit the backup format (raw dump only). */
  reason?: string;
}

const TABLES = ['claims', 'records', 'evidence', 'imports', 'settings', 'packs'] as const;
const encoder = new TextEncoder();

async function readTables(name: string): Promise<{ version: number; tables: Record<string, Record<string, unknown>[]> }> {
  const probe = new Dexie(name);
  try {
    await probe.open();
    const present = TABLES.filter((t) => probe.tables.some((table) => table.name === t));
    const tables: Record<string, Record<string, unknown>[]> = {};
    // One read transaction: a consistent copy even if another tab writes meanwhile.
    await probe.transaction('r', present, async () => {
      for (const t of present) tables[t] = (await probe.table(t).toArray()) as Record<string, unknown>[];
    });
    return { version: probe.verno, tables };
  } finally {
    probe.close();
  }
}

async function blobBytes(value: unknown): Promise<Uint8Array | null> {
  if (value && typeof (value as Blob).arrayBuffer === 'function') return new Uint8Array(await (value as Blob).arrayBuffer());
  return null;
}

/** The database `name` as it is on disk, copied without upgrading it. */
export async function copyInstalledDatabase(name: string, options: { now?: Date; appVersion?: string } = {}): Promise<InstalledDatabaseCopy> {
  const now = options.now ?? new Date();
  const { version, tables } = await readTables(name);
  const rows = (t: (typeof TABLES)[number]) => tables[t] ?? [];

  const evidence: BackupEvidence[] = [];
  const blobs = new Map<string, Uint8Array>();
  for (const row of rows('evidence')) {
    const { blob, ...meta } = row;
    const bytes = (await blobBytes(blob)) ?? new Uint8Array(0);
    blobs.set(String(meta.id), bytes);
    evidence.push({ ...(meta as unknown as Omit<BackupEvidence, 'bytes'>), bytes });
  }
  const contents: BackupContents = {
    claims: rows('claims') as unknown as BackupContents['claims'],
    records: rows('records').map(({ day: _day, ...r }) => r as unknown as BackupRecord),
    evidence,
    imports: rows('imports') as unknown as BackupContents['imports'],
    settings: rows('settings') as unknown as BackupContents['settings'],
    // Absent before database version 4: an empty list.
    packs: rows('packs') as unknown as BackupContents['packs'],
  };

  let reason: string;
  try {
    const { bytes } = await buildBackup(contents, { appVersion: options.appVersion ?? packageVersion, dbVersion: version, now });
    // The same checks a restore makes: a copy that could not be restored is not called a backup.
    await readBackup(bytes, { supportedDbVersion: version });
    return { kind: 'backup', dbVersion: version, bytes };
  } catch (err) {
    reason = err instanceof Error ? err.message : String(err);
  }

  const plain = Object.fromEntries(
    TABLES.map((t) => [t, t === 'evidence' ? rows(t).map(({ blob: _blob, ...meta }) => meta) : rows(t)]),
  );
  const manifest = { format: RAW_DUMP_FORMAT, dbVersion: version, createdAt: now.toISOString(), reason, tables: plain };
  const bytes = writeBackupZip(
    [
      { path: RAW_DUMP_PATH, bytes: encoder.encode(`${JSON.stringify(manifest, null, 1)}\n`) },
      ...[...blobs].filter(([id]) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(id)).map(([id, b]) => ({ path: `evidence/${id}`, bytes: b, store: true })),
    ],
    now,
  );
  return { kind: 'raw-dump', dbVersion: version, bytes, reason };
}
