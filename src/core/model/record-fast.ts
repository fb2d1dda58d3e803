/**
 * A fast, strict check of the claim file's `records` (most of a claim's bytes), used by parseClaimFile in
 * front of zod. It accepts a record only when `activityRecordSchema` (record.ts) would accept it AND zod's
 * output would equal the input: no unknown key to strip, no default to fill, no transform. It returns a
 * fresh copy in the schema's key order (exactly what zod builds), or null when it is not sure; then the
 * caller runs the full zod parse, which gives the verdict and the messages. Never widen what it accepts
 * without the property test (tests/core/model/claim-fast-path.test.ts) proving it still matches zod.
 */
import { isKstDate, isKstHour } from '../time/kst';
import { MAX_AMOUNT_KRW, type ActivityRecord, type Provenance } from './record';

/** The keys this checker knows, per shape; a test compares them with the zod schema's own shapes. */
export const FAST_RECORD_KEYS = ['bucket', 'channel', 'count', 'revenue', 'provenance'] as const;
export const FAST_PROVENANCE_KEYS = {
  imported: ['kind', 'fileSha256', 'fileName', 'row'],
  logged: ['kind', 'loggedAt'],
  reconstructed: ['kind', 'note', 'screenshotSha256', 'ocrConfidence'],
} as const;

const SHA_RE = /^[0-9a-f]{64}$/;
const CHANNEL_RE = /^[a-z0-9][a-z0-9-]*$/;

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Strings already found valid in this claim: a claim's records repeat a few buckets, channels and file
 * hashes many times over (each bucket once per channel), and each check is a regex. Only ever a cache of
 * verdicts that are pure functions of the string.
 */
export type FastSeen = { buckets: Set<string>; channels: Set<string>; shas: Set<string> };

export function freshSeen(): FastSeen {
  return { buckets: new Set(), channels: new Set(), shas: new Set() };
}

function isSha(s: unknown, seen: FastSeen): s is string {
  if (typeof s !== 'string') return false;
  if (seen.shas.has(s)) return true;
  if (!SHA_RE.test(s)) return false;
  seen.shas.add(s);
  return true;
}

function fastProvenance(p: unknown, seen: FastSeen): Provenance | null {
  if (!isPlainObject(p)) return null;
  const keys = Object.keys(p).length;
  let n = 1;
  switch (p.kind) {
    case 'imported': {
      const out: Record<string, unknown> = { kind: 'imported' };
      if (!isSha(p.fileSha256, seen)) return null;
      out.fileSha256 = p.fileSha256;
      n++;
      if (has(p, 'fileName')) {
        if (typeof p.fileName !== 'string' || p.fileName.length > 260) return null;
        out.fileName = p.fileName;
        n++;
      }
      if (has(p, 'row')) {
        if (typeof p.row !== 'number' || !Number.isSafeInteger(p.row) || p.row <= 0) return null;
        out.row = p.row;
        n++;
      }
      return n === keys ? (out as Provenance) : null;
    }
    case 'logged': {
      const out: Record<string, unknown> = { kind: 'logged' };
      if (has(p, 'loggedAt')) {
        if (typeof p.loggedAt !== 'string') return null;
        out.loggedAt = p.loggedAt;
        n++;
      }
      return n === keys ? (out as Provenance) : null;
    }
    case 'reconstructed': {
      const out: Record<string, unknown> = { kind: 'reconstructed' };
      if (has(p, 'note')) {
        if (typeof p.note !== 'string' || p.note.length > 500) return null;
        out.note = p.note;
        n++;
      }
      if (has(p, 'screenshotSha256')) {
        if (!isSha(p.screenshotSha256, seen)) return null;
        out.screenshotSha256 = p.screenshotSha256;
        n++;
      }
      if (has(p, 'ocrConfidence')) {
        const c = p.ocrConfidence;
        if (typeof c !== 'number' || !Number.isFinite(c) || !(c >= 0 && c <= 100)) return null;
        out.ocrConfidence = c;
        n++;
      }
      return n === keys ? (out as Provenance) : null;
    }
    default:
      return null;
  }
}

/** One record as zod would output it, or null when the fast check is not sure (then zod decides). */
export function fastRecord(r: unknown, seen: FastSeen = freshSeen()): ActivityRecord | null {
  if (!isPlainObject(r)) return null;
  const { bucket, channel, count } = r;
  if (typeof bucket !== 'string') return null;
  if (!seen.buckets.has(bucket)) {
    if (!(isKstHour(bucket) || isKstDate(bucket))) return null;
    seen.buckets.add(bucket);
  }
  if (typeof channel !== 'string') return null;
  if (!seen.channels.has(channel)) {
    if (channel.length < 1 || channel.length > 40 || !CHANNEL_RE.test(channel)) return null;
    seen.channels.add(channel);
  }
  if (typeof count !== 'number' || !Number.isFinite(count) || !(count >= 0 && count <= 1_000_000)) return null;
  let n = 4;
  let hasRevenue = false;
  const revenue = r.revenue;
  if (has(r, 'revenue')) {
    if (revenue !== null && (typeof revenue !== 'number' || !Number.isFinite(revenue) || !(revenue >= 0 && revenue <= MAX_AMOUNT_KRW))) return null;
    hasRevenue = true;
    n++;
  }
  if (Object.keys(r).length !== n) return null;
  const provenance = fastProvenance(r.provenance, seen);
  if (!provenance) return null;
  return hasRevenue
    ? { bucket, channel, count, revenue: revenue as number | null, provenance }
    : { bucket, channel, count, provenance };
}

/** Every record checked fast and copied, or null when any one needs zod (then zod parses the whole claim). */
export function fastRecords(records: unknown): ActivityRecord[] | null {
  if (!Array.isArray(records)) return null;
  const out = new Array<ActivityRecord>(records.length);
  const seen = freshSeen();
  for (let i = 0; i < records.length; i++) {
    const r = fastRecord(records[i], seen);
    if (!r) return null;
    out[i] = r;
  }
  return out;
}
