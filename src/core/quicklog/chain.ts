/**
 * The quick log's tamper-evident chain (issue 19): each logged call carries its time and the hash of the
 * entry before it, so an entry edited, removed or moved afterwards shows exactly where the chain breaks.
 * The first entry hangs off a hash of the claim's id, so a log from another claim does not fit. SHA-256 is
 * synchronous here (@noble/hashes), so an entry is sealed inside the same database transaction that stores it.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { z } from 'zod';

export const chainEntrySchema = z.object({
  /** 1, 2, 3 ... in the order logged. */
  seq: z.number().int().positive(),
  /** When the call was logged, KST with offset (`2022-10-15T15:42:10+09:00`). */
  at: z.string().min(10).max(40),
  channel: z.string().min(1).max(40),
  kind: z.enum(['taken', 'missed']),
  fare: z.number().int().nonnegative().max(100_000_000).optional(),
  /** Set when the call was entered later for an earlier time (back-dated explicitly): a reconstructed entry. */
  backdated: z.literal(true).optional(),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ChainEntry = z.infer<typeof chainEntrySchema>;
export type ChainFields = Omit<ChainEntry, 'seq' | 'prev' | 'hash'>;

/** The hash the first entry of a claim's log points back to. */
export function genesisHash(claimId: string): string {
  return bytesToHex(sha256(utf8ToBytes(`outage-loss-desk quick log\n${claimId}`)));
}

/** The hash of an entry: its fields in a fixed order, so the same entry always hashes the same. */
export function entryHash(claimId: string, e: Omit<ChainEntry, 'hash'>): string {
  const canonical = JSON.stringify([claimId, e.seq, e.at, e.channel, e.kind, e.fare ?? null, e.backdated ?? false, e.prev]);
  return bytesToHex(sha256(utf8ToBytes(canonical)));
}

/** The next entry after `last` (or the first of the claim's log). */
export function sealEntry(claimId: string, last: ChainEntry | undefined, fields: ChainFields): ChainEntry {
  const body = { ...fields, seq: (last?.seq ?? 0) + 1, prev: last?.hash ?? genesisHash(claimId) };
  return { ...body, hash: entryHash(claimId, body) };
}

export type ChainCheck =
  | { intact: true; entries: number; head: string | null; ko: string; en: string }
  | { intact: false; entries: number; brokenAt: number; problem: 'edited' | 'missing' | 'other-claim' | 'truncated'; ko: string; en: string };

/** Walks the chain from its start: "n entries, chain intact", or the first place it breaks and how. */
export function checkChain(claimId: string, entries: readonly ChainEntry[], head?: { seq: number; hash: string }): ChainCheck {
  let prev = genesisHash(claimId);
  for (const [i, e] of entries.entries()) {
    const n = i + 1;
    if (i === 0 && e.prev !== prev && e.seq === 1) {
      return { intact: false, entries: entries.length, brokenAt: 1, problem: 'other-claim', ko: '첫 기록이 이 신고서의 것이 아니에요 (다른 신고서의 기록이에요)', en: 'the first entry does not belong to this claim (it is from another claim)' };
    }
    if (e.seq !== n || e.prev !== prev) {
      return { intact: false, entries: entries.length, brokenAt: n, problem: 'missing', ko: `${n}번째 기록 앞에서 사슬이 끊겼어요: 기록이 빠졌거나 순서가 바뀌었어요`, en: `the chain breaks before entry ${n}: an entry was removed or moved` };
    }
    if (entryHash(claimId, e) !== e.hash) {
      return { intact: false, entries: entries.length, brokenAt: n, problem: 'edited', ko: `${n}번째 기록(${e.at.slice(0, 16).replace('T', ' ')})이 기록된 뒤에 바뀌었어요`, en: `entry ${n} (${e.at.slice(0, 16).replace('T', ' ')}) was changed after it was logged` };
    }
    prev = e.hash;
  }
  if (head && (head.seq !== entries.length || head.hash !== (entries[entries.length - 1]?.hash ?? genesisHash(claimId)))) {
    return { intact: false, entries: entries.length, brokenAt: entries.length + 1, problem: 'truncated', ko: `끝이 잘렸어요: 내보낸 기록은 ${head.seq}개인데 ${entries.length}개만 있어요`, en: `truncated: ${head.seq} entries were exported, ${entries.length} are here` };
  }
  return { intact: true, entries: entries.length, head: entries[entries.length - 1]?.hash ?? null, ko: `기록 ${entries.length}개, 사슬이 온전해요`, en: `${entries.length} entries, chain intact` };
}

// ---------------------------------------------------------------------------------------------------
// The exported log: one file the phone sends to the desktop.

export const QUICK_LOG_FORMAT = 'outage-loss-desk/quick-log';

export const quickLogFileSchema = z.object({
  format: z.literal(QUICK_LOG_FORMAT),
  formatVersion: z.literal(1),
  claimId: z.string().min(1).max(100),
  exportedAt: z.string(),
  entries: z.array(chainEntrySchema).max(200_000),
  head: z.object({ seq: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type QuickLogFile = z.infer<typeof quickLogFileSchema>;

export function quickLogFile(claimId: string, entries: readonly ChainEntry[], exportedAt: string): QuickLogFile {
  const last = entries[entries.length - 1];
  return { format: QUICK_LOG_FORMAT, formatVersion: 1, claimId, exportedAt, entries: [...entries], head: { seq: last?.seq ?? 0, hash: last?.hash ?? genesisHash(claimId) } };
}

export class QuickLogFileError extends Error {
  constructor(
    readonly ko: string,
    readonly en: string,
  ) {
    super(`${ko} / ${en}`);
    this.name = 'QuickLogFileError';
  }
}

/**
 * Reads a log file sent from the phone for the claim open on the desktop, and says which entries are new.
 * Refused whole (nothing merged half-way): not a log file, another claim's log, a chain edited or cut short,
 * or a log that does not continue the one the desktop already holds.
 */
export function readQuickLogFile(text: string, fileName: string, claimId: string, held: readonly ChainEntry[]): { fresh: ChainEntry[]; skipped: number; check: ChainCheck } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new QuickLogFileError(`${fileName}: 빠른 기록 파일이 아니에요 (JSON이 아니거나 끝이 잘렸어요)`, `${fileName}: not a quick-log file (not JSON, or cut short)`);
  }
  const parsed = quickLogFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new QuickLogFileError(`${fileName}: 빠른 기록 파일 형식이 아니에요 (${issue.path.join('.') || '파일'}: ${issue.message})`, `${fileName}: not a quick-log file (${issue.path.join('.') || 'file'}: ${issue.message})`);
  }
  const file = parsed.data;
  if (file.claimId !== claimId) {
    throw new QuickLogFileError(`${fileName}: 다른 신고서의 빠른 기록이에요. 이 신고서에 합치지 않았어요`, `${fileName}: the quick log of another claim; nothing was merged`);
  }
  const check = checkChain(claimId, file.entries, file.head);
  if (!check.intact) throw new QuickLogFileError(`${fileName}: ${check.ko}. 아무것도 합치지 않았어요`, `${fileName}: ${check.en}; nothing was merged`);
  // The desktop's entries must be the start of the phone's chain: the same entry at each place.
  const mismatch = held.findIndex((h, i) => file.entries[i] !== undefined && file.entries[i]!.hash !== h.hash);
  if (mismatch >= 0) {
    throw new QuickLogFileError(`${fileName}: ${mismatch + 1}번째 기록이 이미 가진 기록과 달라요. 아무것도 합치지 않았어요`, `${fileName}: entry ${mismatch + 1} differs from the one already held; nothing was merged`);
  }
  const fresh = file.entries.slice(held.length);
  return { fresh, skipped: Math.min(held.length, file.entries.length), check };
}
