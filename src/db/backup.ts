import { bt } from '../core/model/common';
import { version as packageVersion } from '../../package.json';
import {
  BackupError,
  buildBackup,
  PACKS_PATH,
  readBackup,
  type BackupContents,
  type BackupEvidence,
  type BackupRecord,
  type BackupSummary,
  type ReadBackupResult,
} from '../core/backup';
import { OutageDeskDB } from './database';
import { samePack } from '../core/incidents/pack';
import type { ClaimRow, EvidenceRow, ImportRow, PackRow, RecordRow, SettingRow } from './schema';
import { LATEST_VERSION } from './versions';

/**
 * Backup and restore of the whole database (architecture.md, "Never the only copy"). The file format and
 * every check live in core/backup; this module only moves rows between Dexie and that format.
 */

export interface ExportBackupOptions {
  passphrase?: string;
  /** Injected clock; defaults to now. */
  now?: Date;
  appVersion?: string;
}

/** The tables a restore replaces. Stored incident packs are not among them: they are merged (restoreBackup). */
const tablesOf = (db: OutageDeskDB) => [db.claims, db.records, db.evidence, db.imports, db.settings];

/** Every row of every table, read in one transaction so the copy is consistent. */
async function readAll(db: OutageDeskDB) {
  return db.transaction('r', [...tablesOf(db), db.packs], async () => ({
    claims: await db.claims.toArray(),
    records: await db.records.toArray(),
    evidence: await db.evidence.toArray(),
    imports: await db.imports.toArray(),
    settings: await db.settings.toArray(),
    packs: await db.packs.toArray(),
  }));
}

/** A backup of the database named `dbName` through a connection of its own (the backup worker's), closed after. */
export async function exportBackupByName(dbName: string, options: ExportBackupOptions = {}): Promise<Uint8Array> {
  const db = new OutageDeskDB(dbName);
  try {
    await db.open();
    return await exportBackup(db, options);
  } finally {
    db.close();
  }
}

/** The whole database as one `.odbackup` file's bytes. */
export async function exportBackup(db: OutageDeskDB, options: ExportBackupOptions = {}): Promise<Uint8Array> {
  const rows = await readAll(db);
  // Blobs are read after the transaction: awaiting a non-IndexedDB promise inside it would end it early.
  const evidence: BackupEvidence[] = [];
  for (const { blob, ...meta } of rows.evidence) evidence.push({ ...meta, bytes: new Uint8Array(await blob.arrayBuffer()) });
  const contents: BackupContents = {
    claims: rows.claims,
    records: rows.records as BackupRecord[],
    evidence,
    imports: rows.imports,
    settings: rows.settings,
    packs: rows.packs,
  };
  const { bytes } = await buildBackup(contents, {
    appVersion: options.appVersion ?? packageVersion,
    dbVersion: LATEST_VERSION,
    now: options.now ?? new Date(),
    ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
  });
  return bytes;
}

export type BackupPreview = { ok: true; summary: BackupSummary } | { ok: false; error: BackupError };

/** Reads and checks the whole file without touching the database: what the preview screen shows. */
export async function previewBackup(bytes: Uint8Array, passphrase?: string): Promise<BackupPreview> {
  try {
    const { summary } = await readBackup(bytes, { supportedDbVersion: LATEST_VERSION, ...(passphrase !== undefined ? { passphrase } : {}) });
    return { ok: true, summary };
  } catch (err) {
    if (err instanceof BackupError) return { ok: false, error: err };
    throw err;
  }
}

export interface RestoreBackupOptions {
  passphrase?: string;
  /** Replace everything in the database with the backup; the only mode (no partial restore). */
  mode: 'replace-all';
}

function toRows(contents: ReadBackupResult['contents']) {
  return {
    claims: contents.claims as ClaimRow[],
    // A backup from any version holds records without `day` (version 2 derived it; version 3 dropped it).
    records: contents.records as RecordRow[],
    evidence: contents.evidence.map(({ bytes, ...meta }): EvidenceRow => ({
      ...meta,
      blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: meta.mimeType || 'application/octet-stream' }),
    })),
    imports: contents.imports as ImportRow[],
    settings: contents.settings as SettingRow[],
    packs: contents.packs as PackRow[],
  };
}

/**
 * The backup's packs against the ones stored here: a pack is known by its id and version, and a claim
 * names the version it was made from, so a stored version is never overwritten with other content (the
 * rule an imported pack file follows). The same version with the same content is already here.
 */
async function packsToAdd(db: OutageDeskDB, packs: readonly PackRow[]): Promise<PackRow[]> {
  const add: PackRow[] = [];
  for (const row of packs) {
    const stored = await db.packs.get([row.id, row.version]);
    if (!stored) add.push(row);
    else if (!samePack(stored.pack, row.pack)) {
      throw new BackupError(
        'pack-conflict',
        bt(
          `백업의 장애 팩 「${row.pack.incident.name.ko}」(${row.id}, 버전 ${row.version})이 이 컴퓨터에 있는 같은 버전과 내용이 달라요. 아무것도 바꾸지 않았어요. 이 컴퓨터의 팩을 고쳤다면 버전을 올려 다시 저장한 뒤 복원해 주세요`,
          `the backup's pack ${row.id} version ${row.version} differs from the same version stored here; nothing was changed`,
        ),
        PACKS_PATH,
      );
    }
  }
  return add;
}

/**
 * Replaces the whole database with a backup, all or nothing: the file is read and checked completely
 * first (a bad file throws BackupError and nothing is touched), then every table is cleared and refilled
 * in ONE transaction, so a failure half way (quota, a crash, a closed tab) leaves the old data as it was.
 * The caller should export a backup of the current data first (the preview screen does): restore replaces it.
 * Incident packs are the exception: those stored here stay, the backup's are added, and a backup pack with the
 * id and version of a stored one but other content refuses the whole restore (BackupError 'pack-conflict').
 */
export async function restoreBackup(db: OutageDeskDB, bytes: Uint8Array, options: RestoreBackupOptions): Promise<BackupSummary> {
  if (options.mode !== 'replace-all') throw new RangeError(`unknown restore mode: ${String(options.mode)}`);
  const read = await readBackup(bytes, {
    supportedDbVersion: LATEST_VERSION,
    ...(options.passphrase !== undefined ? { passphrase: options.passphrase } : {}),
  });
  const rows = toRows(read.contents);
  await db.transaction('rw', [...tablesOf(db), db.packs], async () => {
    // Packs first: a conflict throws here and the transaction leaves everything as it was.
    const packs = await packsToAdd(db, rows.packs);
    await Promise.all(tablesOf(db).map((t) => t.clear()));
    await db.claims.bulkAdd(rows.claims);
    await db.records.bulkAdd(rows.records);
    await db.evidence.bulkAdd(rows.evidence);
    await db.imports.bulkAdd(rows.imports);
    await db.settings.bulkAdd(rows.settings);
    // Packs stored here are kept (claims on this computer or in the backup may be made from them); the
    // backup's are added. A version 1 backup has none.
    await db.packs.bulkAdd(packs);
  });
  return read.summary;
}
