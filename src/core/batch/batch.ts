import { sha256Hex, type Sha256Hex } from '../packet/hash';
import { isoKst } from '../packet/format';
import type { Cp949Decoder } from '../io/encoding';
import type { BatchAggregates } from './aggregate';
import { findDuplicates, type DuplicateDecision, type DuplicatePair, type MemberStatus } from './dedupe';
import { itemFormat, readClaimItem, readPacketItem, unknownItem, type ItemFormat, type ItemResult } from './items';
import { maskFreeText, redactMember } from './redact';
import { readRosterItem } from './roster';
import { batchCounts, resolveBatch, type AnalyseOptions, type BatchCounts, type BatchResult } from './resolve';
import { reasonLine, type BatchMember, type InvalidItem, type ItemStatus } from './types';
import type { Crc32Update } from '../zip/index';

/**
 * A batch, start to end, as pure steps the CLI and the app share: read each item as it arrives (its bytes
 * can be dropped right after), then dedupe, decide, aggregate. `readBatchItem` never throws for bad
 * input: a file that is not a packet, claim or roster is an invalid item with its reason.
 */

export type ReadItemOptions = {
  decodeCp949?: Cp949Decoder;
  /** WebCrypto's by default; the CLI passes node:crypto's. */
  sha256?: Sha256Hex;
  /** The zip reader's table CRC-32 by default; the CLI passes Node's native zlib.crc32. */
  crc32?: Crc32Update;
};
export type ReadItem = ItemResult & { file: string; format: ItemFormat; fileSha256: string };

export async function readBatchItem(file: string, bytes: Uint8Array, options: ReadItemOptions = {}): Promise<ReadItem> {
  const hash = options.sha256 ?? sha256Hex;
  const fileSha256 = await hash(bytes);
  const format = itemFormat(file, bytes);
  let result: ItemResult;
  switch (format) {
    case 'packet':
      result = await readPacketItem(file, bytes, fileSha256, hash, options.crc32 ? { crc32: options.crc32 } : undefined);
      break;
    case 'claim':
      result = await readClaimItem(file, bytes, fileSha256);
      break;
    case 'roster-csv':
    case 'roster-xlsx':
      result = await readRosterItem(file, bytes, fileSha256, format === 'roster-xlsx' ? 'xlsx' : 'csv', options);
      break;
    default:
      result = unknownItem(file);
  }
  return { ...result, file, format, fileSha256 };
}

export function analyseBatch(members: readonly BatchMember[], invalid: readonly InvalidItem[], options: AnalyseOptions): BatchResult {
  return resolveBatch(members, invalid, findDuplicates(members), options);
}

export const BATCH_FORMAT = 'outage-loss-desk/batch';
export const BATCH_FORMAT_VERSION = 1;

export type BatchManifestItem = {
  file: string;
  row?: number;
  status: ItemStatus;
  reason?: string;
  duplicateOf?: string;
  suspectedWith?: string[];
  mergedFrom?: string[];
  claimId?: string;
  /** The member's identifiers as shared (masked when the batch is redacted). */
  name?: string;
  businessNumber?: string;
  mobile?: string;
  sha256: string;
};

export type BatchManifest = {
  format: typeof BATCH_FORMAT;
  formatVersion: typeof BATCH_FORMAT_VERSION;
  app: { name: string; version: string };
  madeAt: string;
  redacted: boolean;
  /** Why packets are or are not in the zip (a redacted batch leaves them out: a packet is sealed by its hashes). */
  packets: { included: boolean; count: number; note: string };
  counts: { files: number; items: number; members: number; kept: number; invalid: number; duplicatesRemoved: number; suspectedPairs: number; exactPairs: number };
  items: BatchManifestItem[];
  pairs: DuplicatePair[];
  decisions: DuplicateDecision[];
  aggregates: BatchAggregates;
  files: { path: string; size: number; sha256: string }[];
};

export type ManifestMeta = {
  files: number;
  appVersion: string;
  now: Date;
  redact: boolean;
  packetsIncluded: boolean;
  packetCount: number;
  zipped: { path: string; size: number; sha256: string }[];
};

export function batchManifest(result: BatchResult, meta: ManifestMeta): BatchManifest {
  const items = [
    ...result.members.map((m) => manifestItem(m, result.applied.status.get(m.id)!, meta.redact)),
    ...result.invalid.map((i) => invalidManifestItem(i, meta.redact)),
  ];
  return { ...manifestWithoutItems({ counts: batchCounts(result), pairs: result.pairs, decisions: result.decisions, aggregates: result.aggregates }, meta), items };
}

/** One member's line in the manifest (masked when the batch is redacted). */
export function manifestItem(original: BatchMember, s: MemberStatus, redact: boolean): BatchManifestItem {
  const m = redact ? redactMember(original) : original;
  return {
    file: m.source.file,
    ...(m.source.row !== undefined ? { row: m.source.row } : {}),
    status: s.status,
    ...(s.duplicateOf ? { duplicateOf: s.duplicateOf } : {}),
    ...(s.suspectedWith ? { suspectedWith: s.suspectedWith } : {}),
    ...(s.mergedFrom ? { mergedFrom: s.mergedFrom } : {}),
    ...(m.claimId ? { claimId: m.claimId } : {}),
    name: m.businessName ? `${m.businessName} ${m.name}` : m.name,
    ...(m.businessNumber ? { businessNumber: m.businessNumber } : {}),
    ...(m.mobile ? { mobile: m.mobile } : {}),
    sha256: m.source.fileSha256,
  };
}

export function invalidManifestItem(i: InvalidItem, redact: boolean): BatchManifestItem {
  return {
    file: i.file,
    ...(i.row !== undefined ? { row: i.row } : {}),
    status: 'invalid',
    reason: redact ? maskFreeText(reasonLine(i)) : reasonLine(i),
    sha256: '',
  };
}

type ManifestParts = { counts: BatchCounts; pairs: DuplicatePair[]; decisions: DuplicateDecision[]; aggregates: BatchAggregates };

/** Everything in the manifest but its items, in the manifest's key order (items stays in its place). */
export function manifestWithoutItems(parts: ManifestParts, meta: ManifestMeta): BatchManifest {
  return {
    format: BATCH_FORMAT,
    formatVersion: BATCH_FORMAT_VERSION,
    app: { name: 'Outage Loss Desk', version: meta.appVersion },
    madeAt: isoKst(meta.now),
    redacted: meta.redact,
    packets: {
      included: meta.packetsIncluded,
      count: meta.packetCount,
      note: meta.packetsIncluded
        ? '정상 회원의 묶음을 packets/에 그대로 넣었어요 / every kept member packet is in packets/ unchanged'
        : '개인정보 가림 모드라 묶음을 넣지 않았어요: 묶음은 해시로 봉인되어 가릴 수 없어요 / redacted batch: packets are left out (they are sealed by their hashes and cannot be masked)',
    },
    counts: { files: meta.files, ...parts.counts },
    items: [],
    pairs: parts.pairs,
    // A person's note on a decision is free text: masked like complaints when the batch is redacted.
    decisions: meta.redact ? parts.decisions.map((d) => ({ ...d, reason: maskFreeText(d.reason) })) : parts.decisions,
    aggregates: parts.aggregates,
    files: meta.zipped,
  };
}

/** The manifest file's text: `JSON.stringify(manifest, null, 2)` and a newline. */
export function batchManifestText(manifest: BatchManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

const ITEMS_MARK = '\u2063items\u2063';

/**
 * The same text written a piece at a time, so a manifest of 105,116 items is never one string: `head`,
 * then `item(i, first)` for each item in order, then `tail(count)`. The pieces joined are exactly
 * `batchManifestText` of the whole manifest (tests/cli/batch-stream.test.ts).
 */
export function manifestTextPieces(withoutItems: BatchManifest): { head: string; item: (item: BatchManifestItem, first: boolean) => string; tail: (count: number) => string } {
  const text = batchManifestText({ ...withoutItems, items: ITEMS_MARK as unknown as BatchManifestItem[] });
  const mark = `"items": ${JSON.stringify(ITEMS_MARK)}`;
  const at = text.indexOf(mark);
  return {
    head: `${text.slice(0, at)}"items": [`,
    item: (item, first) => `${first ? '\n' : ',\n'}${JSON.stringify(item, null, 2).replace(/^/gm, '    ')}`,
    tail: (count) => `${count ? '\n  ]' : ']'}${text.slice(at + mark.length)}`,
  };
}
