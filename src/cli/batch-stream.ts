import { closeSync, openSync, readSync, rmSync, writeSync, writevSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BatchAggregator, type BatchAggregates } from '../core/batch/aggregate';
import { invalidManifestItem, manifestItem, manifestTextPieces, manifestWithoutItems } from '../core/batch/batch';
import { automaticDecisions, decideMembers, dedupeEntry, duplicatePairsWith, findDuplicatePairs, nameEntries, type DedupeEntry, type MemberStatus } from '../core/batch/dedupe';
import { nameGroups, namePairsOfGroups, splitNameGroups, type NameEntry } from '../core/batch/name-pairs';
import { batchCountsOf, type BatchCounts } from '../core/batch/resolve';
import { invalidRosterRow, rosterCsvHead, rosterCsvLine, rosterRow, rosterXlsxCell } from '../core/batch/roster-export';
import { baseName, BatchFileChangedError, streamBatchSources, MemberIncidents, summaryMetaOf, type BatchSource, type ReadFilesOptions } from '../core/batch/run';
import { summaryPdf, type SummaryMeta } from '../core/batch/summary-pdf';
import { BatchZipWriter } from '../core/batch/zip-stream';
import type { BatchMember, InvalidItem } from '../core/batch/types';
import { isoKst } from '../core/packet/format';
import type { PacketFonts } from '../core/packet/pdf';
import { nodeCrc32Update, nodeSha256Hex } from './hash.js';
import { MemberSpill } from './member-spill.js';
import { rosterWorkbookWriter, type WorkbookSink } from './roster-workbook.js';

/**
 * The batch CLI's pipeline with bounded memory (issue 18): pass 1 spills each member to an NDJSON file in
 * the hidden work folder as it is read and keeps only its dedupe entry (keys, 시도, compared name); pairs and
 * decisions are found over those; the tables are counted and the roster, workbook, zip and manifest are
 * written while the spill streams past, each to a file in the work folder. The outputs are the files the
 * in-memory pipeline of core/batch/run.ts (the app's) writes for the same input, byte for byte except the
 * workbook's zip timestamps (tests/cli/batch-stream.test.ts runs both).
 */

export type StreamedBatch = {
  members: number;
  invalid: InvalidItem[];
  counts: BatchCounts;
  aggregates: BatchAggregates;
  packetCount: number;
};

type Step = { start(ko: string, en: string): void; report(done: number, total: number): void };

export type StreamOptions = {
  work: string;
  now: Date;
  redact: boolean;
  appVersion: string;
  files: number;
  read: ReadFilesOptions;
  readPacket: (file: string) => Promise<Uint8Array>;
  /**
   * The bytes pass 1 checked for a packet, when they were kept (the CLI's read pool keeps them): the zip
   * takes them as they are, with the hash pass 1 found, instead of reading the file again and checking
   * it did not change. Null: read it again.
   */
  checkedPacket?: (file: string) => Uint8Array | null;
  fonts: () => Promise<PacketFonts>;
  progress: Step;
  /**
   * The workbook and the summary PDF made on other threads (the CLI's read pool, idle once the files are
   * read), so they are made while this thread zips the packets. Without it both are made here.
   */
  offload?: {
    workbook(path: string, madeAt: Date): WorkbookSink;
    pdf(aggregates: BatchAggregates, meta: SummaryMeta): Promise<Uint8Array>;
    /** The near-identical-name search of some 시도 groups on another thread (`namePairsOfGroups` there). */
    namePairs?(groups: NameEntry[][]): Promise<[number, number, number][][]>;
  };
};

/** Text appended to a file through one descriptor, in 256 KB writes. */
class TextSink {
  private readonly fd: number;
  private parts: string[] = [];
  private length = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= 256 * 1024) this.flush();
  }
  private flush(): void {
    if (!this.parts.length) return;
    writeSync(this.fd, Buffer.from(this.parts.join(''), 'utf8'));
    this.parts = [];
    this.length = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Bytes appended to a file through one descriptor, gathered into 1 MB writes (a packet's zip entry comes as three chunks). */
class ChunkSink {
  private readonly fd: number;
  private parts: Uint8Array[] = [];
  private length = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(chunk: Uint8Array): void {
    this.parts.push(chunk);
    this.length += chunk.length;
    if (this.length >= 1024 * 1024) this.flush();
  }
  flush(): void {
    if (!this.parts.length) return;
    // One gathered write (no copy into one buffer); a short write's rest goes one part at a time.
    let done = writevSync(this.fd, this.parts);
    for (const part of this.parts) {
      if (done >= part.length) {
        done -= part.length;
        continue;
      }
      let at = done;
      while (at < part.length) at += writeSync(this.fd, part, at, part.length - at);
      done = 0;
    }
    this.parts = [];
    this.length = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** A file's bytes appended to a sink, a megabyte at a time. */
function copyInto(path: string, sink: ChunkSink): void {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(1024 * 1024);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      sink.write(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

export async function streamBatch<T>(sources: readonly BatchSource<T>[], read: (ref: T) => Promise<Uint8Array>, o: StreamOptions): Promise<StreamedBatch> {
  const spill = new MemberSpill(join(o.work, '.members.ndjson'));
  try {
    return await run(sources, read, o, spill);
  } finally {
    spill.close();
    rmSync(spill.path, { force: true });
  }
}

/**
 * `BATCH_TIMINGS=1`: one stderr line per closing step with its wall and main-thread CPU milliseconds
 * (for measuring the closing phase; off by default).
 */
function phaseClock() {
  const on = process.env.BATCH_TIMINGS === '1';
  let wall = performance.now();
  let cpu = process.cpuUsage();
  return (name: string) => {
    if (!on) return;
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    process.stderr.write(`timing ${name}: ${(now - wall).toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms cpu, rss ${(process.memoryUsage.rss() / 1048576).toFixed(0)} MB\n`);
    wall = now;
    cpu = process.cpuUsage();
  };
}

async function run<T>(sources: readonly BatchSource<T>[], read: (ref: T) => Promise<Uint8Array>, o: StreamOptions, spill: MemberSpill): Promise<StreamedBatch> {
  const phase = phaseClock();
  // Pass 1: read and check; each member goes to disk, only its dedupe entry stays.
  const entries: DedupeEntry[] = [];
  const invalid: InvalidItem[] = [];
  const incidents = new MemberIncidents();
  o.progress.start('읽기·확인', 'reading');
  await streamBatchSources(sources, read, o.read, (item) => {
    for (const m of item.members) {
      entries.push(dedupeEntry(m));
      incidents.add(m);
      spill.add(m);
    }
    invalid.push(...item.invalid);
  });
  phase('read');

  // Pairs and decisions over the entries; a merge loads its two members back from the spill.
  const namePairs = o.offload?.namePairs;
  const pairs = namePairs ? duplicatePairsWith(entries, await namePairsApart(nameEntries(entries), namePairs)) : findDuplicatePairs(entries);
  const decisions = automaticDecisions(entries, pairs, isoKst(o.now));
  const indexOf = new Map(entries.map((e, i) => [e.id, i]));
  const { status, merged } = decideMembers(entries, pairs, decisions, (id) => spill.get(indexOf.get(id)!));
  const statusOf = (m: BatchMember): MemberStatus => status.get(m.id)!;
  const keptForm = (m: BatchMember): BatchMember | null => (statusOf(m).status === 'duplicate' ? null : (merged.get(m.id) ?? m));
  phase('dedupe');

  // One pass over the spill, in batch order: the tables counted over the members that stay (merged ones as
  // merged), the roster (every item as read, with its status) as CSV and workbook, the manifest's items
  // (to a side file: the manifest's head needs the zip's file list, known only at the end) and the kept
  // packets' files and hashes for the zip. Each member is parsed back once, not once per output.
  const aggregator = new BatchAggregator();
  let kept = 0;
  const keptPackets: { file: string; sha256: string }[] = [];
  const csvPath = join(o.work, 'roster.csv');
  const xlsxPath = join(o.work, 'roster.xlsx');
  const itemsPath = join(o.work, '.manifest-items');
  const csv = new TextSink(csvPath);
  csv.write(rosterCsvHead());
  const workbook = o.offload ? o.offload.workbook(xlsxPath, o.now) : await rosterWorkbookWriter(xlsxPath, o.now);
  const addRow = (row: ReturnType<typeof rosterRow>) => {
    csv.write(rosterCsvLine(row));
    workbook.addRow(row.map(rosterXlsxCell));
  };
  // An item's text does not depend on the rest of the manifest (see manifestTextPieces).
  const itemText = manifestTextPieces(manifestWithoutItems({ counts: batchCountsOf({ members: 0, kept: 0, invalid: 0, pairs: [], decisions: [] }), pairs: [], decisions: [], aggregates: aggregator.result() }, { files: 0, appVersion: '', now: o.now, redact: o.redact, packetsIncluded: false, packetCount: 0, zipped: [] })).item;
  const items = new TextSink(itemsPath);
  let itemCount = 0;
  try {
    for (const m of spill.all()) {
      const s = statusOf(m);
      const k = keptForm(m);
      if (k) {
        aggregator.add(k);
        kept++;
        if (k.source.kind === 'packet') keptPackets.push({ file: k.source.file, sha256: k.source.fileSha256 });
      }
      addRow(rosterRow(m, s, { redact: o.redact }));
      items.write(itemText(manifestItem(m, s, o.redact), itemCount++ === 0));
    }
    for (const i of invalid) {
      addRow(invalidRosterRow(i, { redact: o.redact }));
      items.write(itemText(invalidManifestItem(i, o.redact), itemCount++ === 0));
    }
  } finally {
    csv.close();
    items.close();
  }
  // The workbook's last writes and the summary PDF go on while the packets are zipped (on pool threads
  // when there are some); each is awaited where the zip takes it.
  const xlsxDone = settleLater(workbook.commit());
  const aggregates = aggregator.result();
  const counts = batchCountsOf({ members: entries.length, kept, invalid: invalid.length, pairs, decisions });
  phase('aggregate+roster+items');

  const outputOptions = { now: o.now, redact: o.redact, appVersion: o.appVersion };
  const meta = summaryMetaOf(counts, outputOptions, incidents);
  const pdfDone = settleLater(o.offload ? o.offload.pdf(aggregates, meta) : o.fonts().then((fonts) => summaryPdf(aggregates, meta, fonts)));

  // Pass 2: the zip, streamed to disk; each kept packet is read again and must be the file pass 1 checked.
  o.progress.start('묶기', 'zipping');
  const zipOut = new ChunkSink(join(o.work, 'batch.zip'));
  let packetCount = 0;
  const manifestPath = join(o.work, 'batch-manifest.json');
  try {
    const zip = new BatchZipWriter((chunk) => zipOut.write(chunk), o.now, nodeSha256Hex, nodeCrc32Update);
    if (!o.redact) {
      for (const k of keptPackets) {
        const checked = o.checkedPacket?.(k.file) ?? null;
        const bytes = checked ?? (await o.readPacket(k.file));
        const sha256 = checked ? k.sha256 : nodeSha256Hex(bytes);
        if (sha256 !== k.sha256) throw new BatchFileChangedError(k.file);
        await zip.add(zip.uniquePath('packets', baseName(k.file)), bytes, { store: true, sha256 });
        o.progress.report(++packetCount, keptPackets.length);
      }
    }
    phase('zip-packets');
    // One output in memory at a time, read back from the work folder.
    await zip.add('roster.csv', new Uint8Array(await readFile(csvPath)));
    await xlsxDone;
    phase('roster.csv, workbook (waited for)');
    await zip.add('roster.xlsx', new Uint8Array(await readFile(xlsxPath)));
    const pdf = await pdfDone;
    phase('roster.xlsx, pdf (waited for)');
    await zip.add('summary.pdf', pdf);
    // The manifest: its head, the items written above, its tail; then the whole file into the zip, last.
    const pieces = manifestTextPieces(
      manifestWithoutItems({ counts, pairs, decisions, aggregates }, {
        files: o.files,
        appVersion: o.appVersion,
        now: o.now,
        redact: o.redact,
        packetsIncluded: !o.redact,
        packetCount,
        zipped: zip.files,
      }),
    );
    const text = new ChunkSink(manifestPath);
    try {
      text.write(Buffer.from(pieces.head, 'utf8'));
      copyInto(itemsPath, text);
      text.write(Buffer.from(pieces.tail(itemCount), 'utf8'));
    } finally {
      text.close();
      rmSync(itemsPath, { force: true });
    }
    await zip.add('batch-manifest.json', new Uint8Array(await readFile(manifestPath)));
    zip.end();
    phase('manifest');
  } finally {
    zipOut.close();
  }
  await writeFileFrom(join(o.work, 'summary.pdf'), await pdfDone);
  return { members: entries.length, invalid, counts, aggregates, packetCount };
}

/**
 * The near-identical-name search split between this thread and another (each 시도 is searched whole on
 * one of them, about half the work each), its pairs put back in the order of the whole search: the same
 * pairs `findDuplicatePairs` finds here alone (at 105,641 members the search was ~7 s of one thread).
 */
async function namePairsApart(named: NameEntry[], far: (groups: NameEntry[][]) => Promise<[number, number, number][][]>): Promise<[number, number, number][]> {
  const groups = nameGroups(named);
  const [here, there] = splitNameGroups(groups, 2) as [number[], number[]];
  // Sent first: the other thread searches its groups while this one searches the rest.
  const farPairs = there.length ? far(there.map((g) => groups[g]!)) : Promise.resolve([]);
  settleLater(farPairs);
  const byGroup: [number, number, number][][] = new Array(groups.length);
  namePairsOfGroups(here.map((g) => groups[g]!)).forEach((pairs, k) => (byGroup[here[k]!] = pairs));
  (await farPairs).forEach((pairs, k) => (byGroup[there[k]!] = pairs));
  return byGroup.flat();
}

/**
 * A promise awaited later, after other awaits: marked handled now, so a failure while the zip is being
 * written is not an unhandled rejection (it is thrown where the promise is awaited, or the batch has
 * already failed for another reason).
 */
function settleLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

async function writeFileFrom(path: string, bytes: Uint8Array): Promise<void> {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}
