import { activityRecordSchema } from '../core/model/record';
import type { ActivityRecord } from '../core/model/record';
import type { OutageDeskDB } from './database';
import type { ImportRow, RecordRow } from './schema';
import { nowKst } from './time';

/** A record failed its schema; names the row (1-based) and field. Nothing was stored. */
export class RecordInputError extends Error {
  override name = 'RecordInputError';
}

/** Duplicate file import: the same bytes were already imported into this claim. */
export class DuplicateImportError extends Error {
  override name = 'DuplicateImportError';
  constructor(
    readonly fileName: string,
    readonly previous: ImportRow,
  ) {
    super(
      `이미 가져온 파일이에요: ${fileName} (${previous.importedAt.slice(0, 10)}에 ${previous.fileName}로 가져왔어요) / ` +
        `already imported: ${fileName} (as ${previous.fileName} on ${previous.importedAt.slice(0, 10)})`,
    );
  }
}

function validate(records: readonly unknown[]): ActivityRecord[] {
  return records.map((r, i) => {
    const parsed = activityRecordSchema.safeParse(r);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.') || '(record)';
      throw new RecordInputError(`${i + 1}번째 기록, ${field}: ${issue.message} / record ${i + 1}, ${field}: ${issue.message}`);
    }
    return parsed.data;
  });
}

const keyOf = (claimId: string, r: { channel: string; bucket: string }) => [claimId, r.channel, r.bucket] as [string, string, string];

/**
 * Rows per write inside the one transaction: small enough that a 100,000-row import reports progress
 * about every half second, large enough that the per-call cost stays negligible (measured: 5,000-row
 * chunks took no longer than one 100,000-row bulkPut).
 */
export const WRITE_CHUNK = 5_000;

/** Records stored so far of `total`, reported after each chunk of one all-or-nothing write. */
export type WriteProgress = (stored: number, total: number) => void;

async function upsert(db: OutageDeskDB, claimId: string, records: ActivityRecord[], onProgress?: WriteProgress): Promise<number> {
  // One row per claim, channel and bucket: entering the same hour again corrects it. Looked up chunk by
  // chunk, so a key repeated in a later chunk finds the row an earlier chunk wrote.
  for (let start = 0; start < records.length; start += WRITE_CHUNK) {
    const chunk = records.slice(start, start + WRITE_CHUNK);
    const existing = await db.records.where('[claimId+channel+bucket]').anyOf(chunk.map((r) => keyOf(claimId, r))).toArray();
    const idByKey = new Map(existing.map((row) => [JSON.stringify(keyOf(claimId, row)), row.id]));
    const rows: RecordRow[] = chunk.map((r) => {
      const id = idByKey.get(JSON.stringify(keyOf(claimId, r)));
      return { ...r, claimId, ...(id !== undefined ? { id } : {}) };
    });
    await db.records.bulkPut(rows);
    onProgress?.(start + chunk.length, records.length);
  }
  await db.claims.update(claimId, { updatedAt: nowKst() });
  return records.length;
}

/** Validates every record, then stores them all in one transaction (or none). */
export async function putRecords(db: OutageDeskDB, claimId: string, records: readonly unknown[]): Promise<number> {
  const valid = validate(records);
  return db.transaction('rw', [db.records, db.claims], () => upsert(db, claimId, valid));
}

/**
 * Stores records from an imported file and marks the file as imported, in one transaction; the same
 * bytes imported into the same claim again are refused and nothing is stored.
 */
export async function importRecords(
  db: OutageDeskDB,
  claimId: string,
  file: { sha256: string; fileName: string },
  records: readonly unknown[],
  options: { onProgress?: WriteProgress } = {},
): Promise<number> {
  const valid = validate(records);
  return db.transaction('rw', [db.records, db.claims, db.imports], async () => {
    const previous = await db.imports.get([claimId, file.sha256]);
    if (previous) throw new DuplicateImportError(file.fileName, previous);
    const n = await upsert(db, claimId, valid, options.onProgress);
    await db.imports.add({ claimId, sha256: file.sha256, fileName: file.fileName, importedAt: nowKst(), recordCount: n });
    return n;
  });
}

export async function listRecords(db: OutageDeskDB, claimId: string): Promise<RecordRow[]> {
  return db.records.where('[claimId+bucket]').between([claimId, ''], [claimId, '\uffff']).toArray();
}

/**
 * Records of one KST day, hourly and daily buckets alike: both forms start with the date
 * (`2022-10-15`, `2022-10-15T20:00+09:00`), so the day is one `[claimId+bucket]` range.
 */
export async function recordsOfDay(db: OutageDeskDB, claimId: string, day: string): Promise<RecordRow[]> {
  return db.records.where('[claimId+bucket]').between([claimId, day], [claimId, `${day}\uffff`], true, true).toArray();
}

/** Counted from `[claimId+bucket]`: there is no index on `claimId` alone since version 3. */
export async function countRecords(db: OutageDeskDB, claimId: string): Promise<number> {
  return db.records.where('[claimId+bucket]').between([claimId, ''], [claimId, '\uffff']).count();
}
