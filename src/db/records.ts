import { activityRecordSchema, MAX_CLAIM_RECORDS } from '../core/model/record';
import { bilingualErrorMap } from '../core/model/issues';
import type { ActivityRecord } from '../core/model/record';
import type { OutageDeskDB } from './database';
import type { ImportRow, RecordRow } from './schema';
import { nowKst } from './time';
import { bt, joined, readJoined, type BilingualText } from '../core/model/common';
import type { z } from 'zod';

/** A record failed its schema; names the row (1-based) and field. Nothing was stored. */
/** A record that fails the record format: `text` names the record and field in each language. */
export class RecordInputError extends Error {
  override name = 'RecordInputError';
  constructor(readonly text: BilingualText) {
    super(joined(text));
  }
}

/** The first problem of a record that fails the record format, said for the person (record number, field, reason). */
export function recordInputError(index: number, error: z.ZodError): RecordInputError {
  const issue = error.issues[0]!;
  const field = issue.path.join('.');
  const reason = readJoined(issue.message);
  return new RecordInputError(
    bt(`${index + 1}번째 기록, ${field || '(기록 전체)'}: ${reason.ko}`, `record ${index + 1}, ${field || '(whole record)'}: ${reason.en || reason.ko}`),
  );
}

const duplicateText = (fileName: string, previous: ImportRow): BilingualText =>
  bt(
    `이미 가져온 파일이에요: ${fileName} (${previous.importedAt.slice(0, 10)}에 ${previous.fileName}로 가져왔어요)`,
    `already imported: ${fileName} (as ${previous.fileName} on ${previous.importedAt.slice(0, 10)})`,
  );

/** Duplicate file import: the same bytes were already imported into this claim. */
export class DuplicateImportError extends Error {
  override name = 'DuplicateImportError';
  constructor(
    readonly fileName: string,
    readonly previous: ImportRow,
  ) {
    super(joined(duplicateText(fileName, previous)));
  }

  /** Why, in each language. */
  get text(): BilingualText {
    return duplicateText(this.fileName, this.previous);
  }
}

/**
 * The write would leave the claim with more records than a claim holds (MAX_CLAIM_RECORDS, the claim
 * file's cap), so it could no longer be exported or estimated. Checked inside the write's transaction,
 * before anything is stored; nothing was.
 */
export class ClaimRecordCapError extends Error {
  override name = 'ClaimRecordCapError';
  readonly fits: number;
  /** Why, in each language: the file, what it brings, what fits, what to do. */
  readonly text: BilingualText;
  constructor(
    readonly existing: number,
    readonly added: number,
    readonly fileName?: string,
    readonly cap: number = MAX_CLAIM_RECORDS,
  ) {
    const fits = Math.max(0, cap - existing);
    const n = (x: number) => x.toLocaleString('en-US');
    const fileKo = fileName ? `'${fileName}'의 ` : '';
    const fileEn = fileName ? `'${fileName}' brings` : 'this adds';
    const text = bt(
      `${fileKo}새 기록 ${n(added)}건은 이 신고서에 다 들어가지 않아요. 신고서 하나에는 기록을 최대 ${n(cap)}건까지 담을 수 있고, ` +
        `지금 ${n(existing)}건이 있어 ${n(fits)}건만 더 넣을 수 있어요. 아무것도 저장하지 않았어요. 기간을 나누거나 다른 신고서로 가져와 주세요.`,
      `${fileEn} ${n(added)} new records, more than this claim can take: a claim holds at most ${n(cap)} records and this one has ` +
        `${n(existing)}, so ${n(fits)} more fit. Nothing was stored. Split the file by period or import it into another claim.`,
    );
    super(joined(text));
    this.text = text;
    this.fits = fits;
  }
}

function validate(records: readonly unknown[]): ActivityRecord[] {
  return records.map((r, i) => {
    const parsed = activityRecordSchema.safeParse(r, { error: bilingualErrorMap });
    if (!parsed.success) throw recordInputError(i, parsed.error);
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

export type WriteOptions = {
  onProgress?: WriteProgress;
  /** The claim's record cap; always MAX_CLAIM_RECORDS in the app (tests use a smaller one to stay fast). */
  recordCap?: number;
};

async function upsert(
  db: OutageDeskDB,
  claimId: string,
  input: ActivityRecord[],
  options: WriteOptions & { fileName?: string } = {},
): Promise<number> {
  // One row per claim, channel and bucket: entering the same hour again corrects it, and of one key
  // given twice the later record wins.
  const lastOfKey = new Map<string, ActivityRecord>();
  for (const r of input) {
    const key = JSON.stringify(keyOf(claimId, r));
    lastOfKey.delete(key); // keep the order of the last occurrence
    lastOfKey.set(key, r);
  }
  const records = lastOfKey.size === input.length ? input : [...lastOfKey.values()];
  // First every key's existing row, chunk by chunk: the cap is checked before the first write.
  const ids: (number | undefined)[] = new Array<number | undefined>(records.length);
  let added = 0;
  for (let start = 0; start < records.length; start += WRITE_CHUNK) {
    const chunk = records.slice(start, start + WRITE_CHUNK);
    const existing = await db.records.where('[claimId+channel+bucket]').anyOf(chunk.map((r) => keyOf(claimId, r))).toArray();
    const idByKey = new Map(existing.map((row) => [JSON.stringify(keyOf(claimId, row)), row.id]));
    chunk.forEach((r, i) => {
      const id = idByKey.get(JSON.stringify(keyOf(claimId, r)));
      ids[start + i] = id;
      if (id === undefined) added++;
    });
  }
  if (added > 0) {
    const stored = await countRecords(db, claimId);
    const cap = options.recordCap ?? MAX_CLAIM_RECORDS;
    if (stored + added > cap) throw new ClaimRecordCapError(stored, added, options.fileName, cap);
  }
  for (let start = 0; start < records.length; start += WRITE_CHUNK) {
    const rows: RecordRow[] = records.slice(start, start + WRITE_CHUNK).map((r, i) => {
      const id = ids[start + i];
      return { ...r, claimId, ...(id !== undefined ? { id } : {}) };
    });
    await db.records.bulkPut(rows);
    options.onProgress?.(start + rows.length, records.length);
  }
  await db.claims.update(claimId, { updatedAt: nowKst() });
  return input.length;
}

/** Validates every record, then stores them all in one transaction (or none). */
export async function putRecords(db: OutageDeskDB, claimId: string, records: readonly unknown[], options: WriteOptions = {}): Promise<number> {
  const valid = validate(records);
  return db.transaction('rw', [db.records, db.claims], () => upsert(db, claimId, valid, options));
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
  options: WriteOptions = {},
): Promise<number> {
  const valid = validate(records);
  return db.transaction('rw', [db.records, db.claims, db.imports], async () => {
    const previous = await db.imports.get([claimId, file.sha256]);
    if (previous) throw new DuplicateImportError(file.fileName, previous);
    const n = await upsert(db, claimId, valid, { ...options, fileName: file.fileName });
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
