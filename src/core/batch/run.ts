import { bt, joined, type BilingualText } from '../model/common';
import { findBundledPack } from '../incidents/bundled';
import { KAKAO_2022_10_ID } from '../incidents/kakao-2022-10';
import type { Cp949Decoder } from '../io/encoding';
import { sha256Hex, type Sha256Hex } from '../packet/hash';
import type { PacketFonts } from '../packet/pdf';
import { batchManifest, batchManifestText, readBatchItem, type BatchManifest } from './batch';
import { batchCounts, type BatchCounts, type BatchResult } from './resolve';
import { rosterCsv, rosterTable, rosterXlsx, type RosterCell } from './roster-export';
import { summaryPdf, type SummaryMeta } from './summary-pdf';
import { BatchZipWriter } from './zip-stream';
import type { ItemResult } from './items';
import { itemReason, type BatchMember, type InvalidItem } from './types';
import type { Crc32Update } from '../zip/index';

/**
 * The batch pipeline's orchestration, shared by the CLI (files on disk) and the app (File objects in a
 * Web Worker): read items a few at a time in input order, then the shared outputs (roster CSV/XLSX,
 * summary PDF, the zip with its manifest). Where the bytes come from and where they go are callbacks.
 */

/** What a folder holds that a batch reads; a file named directly is read whatever its name. */
export const BATCH_FILE_PATTERN = /\.(zip|json|csv|xlsx)$/i;

export function isBatchFileName(name: string): boolean {
  return BATCH_FILE_PATTERN.test(name);
}

/** The summary's title without an outage (a roster alone does not say which outage its members were hit by). */
export const SUMMARY_TITLE_BASE = '회원 피해 집계';

/**
 * The outages a batch's members come from, by their claims' packs (a roster row names none): the incidents'
 * names, in the order first met (a user's own incident by its claim's incident name when known), and how many
 * members are Kakao 2022's. One pass, small state: the streaming batch feeds it member by member.
 */
export class MemberIncidents {
  readonly names: string[] = [];
  kakaoMembers = 0;
  add(m: BatchMember): void {
    if (!m.incidentId || m.incidentId === KAKAO_2022_10_ID) this.kakaoMembers++;
    if (!m.incidentId) return;
    const name = findBundledPack(m.incidentId)?.incident.name.ko ?? m.incidentName ?? m.incidentId;
    if (!this.names.includes(name)) this.names.push(name);
  }
}

export function memberIncidents(members: readonly BatchMember[]): MemberIncidents {
  const seen = new MemberIncidents();
  for (const m of members) seen.add(m);
  return seen;
}

export function batchIncidentNames(members: readonly BatchMember[]): string[] {
  return memberIncidents(members).names;
}

/** The summary PDF's title from the members' pack(s): one outage by name, several said so, none: the plain title. */
export function summaryTitleOf(names: readonly string[]): string {
  if (names.length === 0) return SUMMARY_TITLE_BASE;
  // After a colon, not in brackets: an outage's own name often ends in brackets ("... (2022년 10월 ... 화재)").
  if (names.length === 1) return `${SUMMARY_TITLE_BASE}: ${names[0]}`;
  return `${SUMMARY_TITLE_BASE}: 여러 장애 — ${names.join(', ')}`;
}

export function summaryTitle(members: readonly BatchMember[]): string {
  return summaryTitleOf(batchIncidentNames(members));
}

export type BatchSource<T> = { label: string; ref: T };

export type ReadFilesOptions = {
  /** Files read and checked at once: enough to keep hashing busy, few enough to bound memory. */
  inFlight?: number;
  decodeCp949?: Cp949Decoder;
  /** SHA-256 of files and entries: WebCrypto's unless given (the CLI passes node:crypto's, synchronous). */
  sha256?: Sha256Hex;
  /** CRC-32 for the zip reader: the table form unless given (the CLI passes Node's native zlib.crc32). */
  crc32?: Crc32Update;
  /** Called after each file with how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** The short reason a read failed (an errno code on disk, the message in a browser). */
  readErrorDetail?: (err: unknown) => string;
  /**
   * Checks one file's bytes; `readBatchItem` by default. The CLI passes its worker pool here, which runs
   * that same function on another thread, so both paths give the same items.
   */
  readItem?: (label: string, bytes: Uint8Array) => Promise<ItemResult>;
  /**
   * Reads and checks one source in one step (the CLI's worker pool: each thread reads its own files, as the
   * floor does, so the main thread neither reads nor hands over bytes). When given, pass 1 uses it instead of
   * `read` + `readItem`; a file it cannot read must come back as `unreadableItem`.
   */
  readSource?: (label: string, ref: unknown) => Promise<ItemResult>;
};

/** A source that could not be read: an invalid item naming the file and why (an errno code on disk). */
export function unreadableItem(label: string, detail: string): ItemResult {
  return { members: [], invalid: [{ file: label, code: 'unreadable', reasons: [itemReason('파일을 읽을 수 없어요', `cannot read the file (${detail})`)] }] };
}

/**
 * Pass 1: every source read once, checked, and turned into members or invalid items, kept in input order
 * whatever order the reads finish in. Only the member summaries stay; the bytes are dropped.
 */
export async function readBatchSources<T>(
  sources: readonly BatchSource<T>[],
  read: (ref: T) => Promise<Uint8Array>,
  options: ReadFilesOptions = {},
): Promise<{ members: BatchMember[]; invalid: InvalidItem[] }> {
  const members: BatchMember[] = [];
  const invalid: InvalidItem[] = [];
  await streamBatchSources(sources, read, options, (item) => {
    members.push(...item.members);
    invalid.push(...item.invalid);
  });
  return { members, invalid };
}

/**
 * Pass 1 as a stream: each source's members and invalid items handed to `onItem` in input order as soon
 * as the sources before it are done (a few reads in flight finish in any order; at most those wait here).
 * Nothing is kept: a streaming batch spills the members to disk as they come.
 */
export async function streamBatchSources<T>(
  sources: readonly BatchSource<T>[],
  read: (ref: T) => Promise<Uint8Array>,
  options: ReadFilesOptions,
  onItem: (item: ItemResult, index: number) => void,
): Promise<void> {
  const waiting = new Map<number, ItemResult>();
  let emitted = 0;
  const detail = options.readErrorDetail ?? ((err: unknown) => (err instanceof Error ? err.message : String(err)));
  const readItem = options.readItem ?? ((label: string, bytes: Uint8Array) => readBatchItem(label, bytes, { decodeCp949: options.decodeCp949, sha256: options.sha256, crc32: options.crc32 }));
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < sources.length) {
      const index = next++;
      const source = sources[index]!;
      let bytes: Uint8Array | null = null;
      let result: ItemResult | null = null;
      if (options.readSource) {
        result = await options.readSource(source.label, source.ref);
      } else {
        try {
          bytes = await read(source.ref);
        } catch (err) {
          result = unreadableItem(source.label, detail(err));
        }
        if (bytes) {
          const item = await readItem(source.label, bytes);
          result = { members: item.members, invalid: item.invalid };
        }
      }
      waiting.set(index, result!);
      while (waiting.has(emitted)) {
        const item = waiting.get(emitted)!;
        waiting.delete(emitted);
        onItem(item, emitted++);
      }
      options.onProgress?.(++done, sources.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.inFlight ?? 4) }, worker));
}

export type OutputOptions = { now: Date; redact: boolean; appVersion: string };

/** The roster as rows, in the order every roster output uses (members, then invalid items). */
export function batchRosterRows(result: BatchResult, redact: boolean): RosterCell[][] {
  return rosterTable(result.members, result.applied.status, result.invalid, { redact });
}

export function batchRosterCsv(result: BatchResult, redact: boolean): Uint8Array {
  return rosterCsv(batchRosterRows(result, redact));
}

export function batchRosterXlsx(result: BatchResult, options: Pick<OutputOptions, 'now' | 'redact'>): Promise<Uint8Array> {
  return rosterXlsx(batchRosterRows(result, options.redact), options.now);
}

export function batchSummaryMeta(result: BatchResult, options: OutputOptions): SummaryMeta {
  return summaryMetaOf(batchCounts(result), options, memberIncidents(result.members));
}

export function summaryMetaOf(counts: BatchCounts, options: OutputOptions, who: Pick<MemberIncidents, 'names' | 'kakaoMembers'>): SummaryMeta {
  return {
    title: summaryTitleOf(who.names),
    incidents: who.names,
    kakaoMembers: who.kakaoMembers,
    madeAt: options.now,
    appVersion: options.appVersion,
    items: counts.items,
    invalid: counts.invalid,
    duplicatesRemoved: counts.duplicatesRemoved,
    suspectedPairs: counts.suspectedPairs,
    redacted: options.redact,
  };
}

export function batchSummaryPdf(result: BatchResult, options: OutputOptions, fonts: PacketFonts): Promise<Uint8Array> {
  return summaryPdf(result.aggregates, batchSummaryMeta(result, options), fonts);
}

/** A packet read a second time for the zip is not the file the first pass checked. */
export class BatchFileChangedError extends Error {
  /** The reason as a `{ ko, en }` text; the message (the CLI's line) is its joined shape. */
  readonly text: BilingualText;
  constructor(readonly file: string) {
    const text = bt(`확인하는 동안 파일이 바뀌었어요: ${file}`, 'the file changed while the batch was running');
    super(joined(text));
    this.text = text;
    this.name = 'BatchFileChangedError';
  }
}

/** The last part of a path, with / or \ (a browser's relative path, a Windows path). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

export type ZipOptions = OutputOptions & {
  /** How many files (or folder entries) the batch read. */
  files: number;
  /** The kept member's packet bytes, read again (never kept from pass 1). */
  readPacket: (member: BatchMember) => Promise<Uint8Array>;
  onChunk: (chunk: Uint8Array) => void;
  onPacket?: (done: number, total: number) => void;
  sha256?: Sha256Hex;
};

/**
 * Pass 2: the batch zip, streamed through `onChunk`: every kept member's packet under packets/ (unless
 * redacted: a packet is sealed by its hashes and cannot be masked), the roster, workbook and summary
 * given, and the batch manifest last, listing every file's size and SHA-256.
 */
export async function writeBatchZip(
  result: BatchResult,
  outputs: { csv: Uint8Array; xlsx: Uint8Array; pdf: Uint8Array },
  options: ZipOptions,
): Promise<{ manifest: BatchManifest; manifestText: string; packetCount: number }> {
  const hash = options.sha256 ?? sha256Hex;
  const zip = new BatchZipWriter(options.onChunk, options.now, hash);
  let packetCount = 0;
  if (!options.redact) {
    const packets = result.applied.kept.filter((m) => m.source.kind === 'packet');
    for (const m of packets) {
      const bytes = await options.readPacket(m);
      const sha256 = await hash(bytes);
      if (sha256 !== m.source.fileSha256) throw new BatchFileChangedError(m.source.file);
      await zip.add(zip.uniquePath('packets', baseName(m.source.file)), bytes, { store: true, sha256 });
      packetCount++;
      options.onPacket?.(packetCount, packets.length);
    }
  }
  await zip.add('roster.csv', outputs.csv);
  await zip.add('roster.xlsx', outputs.xlsx);
  await zip.add('summary.pdf', outputs.pdf);
  const manifest = batchManifest(result, {
    files: options.files,
    appVersion: options.appVersion,
    now: options.now,
    redact: options.redact,
    packetsIncluded: !options.redact,
    packetCount,
    zipped: zip.files,
  });
  const manifestText = batchManifestText(manifest);
  await zip.add('batch-manifest.json', new TextEncoder().encode(manifestText));
  zip.end();
  return { manifest, manifestText, packetCount };
}
