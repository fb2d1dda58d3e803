import type { ActivityRecord } from '../model/record';
import { bt, type BilingualText } from '../model/common';

/**
 * Bringing a new import next to records already kept: which buckets clash, and what the user decided.
 * A daily record and hourly records of the same date and channel clash too: keeping both would count
 * that day twice.
 */
export type OverlapDecision = 'replace' | 'keep';

export type Overlap = {
  channel: string;
  /** The date or hour both sides cover. */
  bucket: string;
  existing: ActivityRecord[];
  incoming: ActivityRecord[];
};

export type OverlapResolution = {
  /** The records to keep after the decision: untouched existing ones, then the incoming ones that stay. */
  records: ActivityRecord[];
  added: ActivityRecord[];
  removed: ActivityRecord[];
  /** Incoming records dropped because the user kept what was there. */
  skipped: ActivityRecord[];
  overlaps: Overlap[];
};

function dayOf(bucket: string): string {
  return bucket.slice(0, 10);
}

/** Group key at day level: any two records of one channel on one KST date may clash. */
function dayKey(record: ActivityRecord): string {
  return `${record.channel}\u0000${dayOf(record.bucket)}`;
}

function clash(a: ActivityRecord, b: ActivityRecord): boolean {
  if (a.channel !== b.channel) return false;
  if (a.bucket === b.bucket) return true;
  // Daily vs hourly on the same date.
  const aDaily = a.bucket.length === 10;
  const bDaily = b.bucket.length === 10;
  return aDaily !== bDaily && dayOf(a.bucket) === dayOf(b.bucket);
}

export function findOverlaps(existing: readonly ActivityRecord[], incoming: readonly ActivityRecord[]): Overlap[] {
  const existingByDay = new Map<string, ActivityRecord[]>();
  for (const record of existing) {
    const key = dayKey(record);
    const list = existingByDay.get(key);
    if (list) list.push(record);
    else existingByDay.set(key, [record]);
  }
  const overlaps = new Map<string, Overlap>();
  for (const record of incoming) {
    const sameDay = existingByDay.get(dayKey(record));
    if (!sameDay) continue;
    const clashing = sameDay.filter((e) => clash(e, record));
    if (clashing.length === 0) continue;
    // Name the overlap by the coarser bucket so a day against its hours is one overlap, not 24.
    const bucket = record.bucket.length === 10 || clashing.some((e) => e.bucket.length === 10) ? dayOf(record.bucket) : record.bucket;
    const key = `${record.channel}\u0000${bucket}`;
    const overlap = overlaps.get(key) ?? { channel: record.channel, bucket, existing: [], incoming: [] };
    for (const e of clashing) if (!overlap.existing.includes(e)) overlap.existing.push(e);
    overlap.incoming.push(record);
    overlaps.set(key, overlap);
  }
  return [...overlaps.values()];
}

/**
 * Apply one decision to every overlap: `replace` drops the clashing existing records and adds the new
 * ones; `keep` leaves the existing records and drops the clashing new ones. Non-clashing records always
 * pass through.
 */
export function resolveOverlaps(existing: readonly ActivityRecord[], incoming: readonly ActivityRecord[], decision: OverlapDecision): OverlapResolution {
  if (decision !== 'replace' && decision !== 'keep') throw new Error(`unknown overlap decision: ${String(decision)}`);
  const overlaps = findOverlaps(existing, incoming);
  const clashingExisting = new Set<ActivityRecord>();
  const clashingIncoming = new Set<ActivityRecord>();
  for (const o of overlaps) {
    o.existing.forEach((r) => clashingExisting.add(r));
    o.incoming.forEach((r) => clashingIncoming.add(r));
  }
  if (decision === 'replace') {
    const kept = existing.filter((r) => !clashingExisting.has(r));
    return { records: [...kept, ...incoming], added: [...incoming], removed: [...clashingExisting], skipped: [], overlaps };
  }
  const added = incoming.filter((r) => !clashingIncoming.has(r));
  return { records: [...existing, ...added], added, removed: [], skipped: [...clashingIncoming], overlaps };
}

export type KnownImport = string | { fileSha256: string; fileName?: string; importedAt?: string };

/** A refused re-import says why in both languages (`message`), with the earlier import it matched. */
export type ReimportCheck = { ok: true } | { ok: false; message: BilingualText; previous: { fileSha256: string; fileName?: string; importedAt?: string } };

/** Refuse a file whose SHA-256 was imported before: its rows are already in, and twice would double them. */
export function checkReimport(sha: string, knownShas: Iterable<KnownImport>): ReimportCheck {
  const wanted = sha.toLowerCase();
  for (const known of knownShas) {
    const previous = typeof known === 'string' ? { fileSha256: known } : known;
    if (previous.fileSha256.toLowerCase() !== wanted) continue;
    const name = previous.fileName ? ` '${previous.fileName}'` : '';
    const when = previous.importedAt ? ` (${previous.importedAt})` : '';
    return {
      ok: false,
      previous,
      message: bt(
        `이미 가져온 파일이에요${name}${when}. 같은 내용을 두 번 넣으면 건수가 두 배가 돼요: 다시 가져오려면 먼저 이전 가져오기를 지워 주세요 (SHA-256 ${wanted.slice(0, 12)}…)`,
        `this file was already imported${name}${when}; importing it again would double its rows: delete the earlier import first (SHA-256 ${wanted.slice(0, 12)}…)`,
      ),
    };
  }
  return { ok: true };
}
