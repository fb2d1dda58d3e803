import { parentPort, workerData } from 'node:worker_threads';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { readBatchItem } from '../core/batch/batch';
import type { ItemResult } from '../core/batch/items';
import { unreadableItem } from '../core/batch/run';
import { fileErrorDetail } from './file-error.js';
import { iconvCp949Decoder } from '../core/io/cp949-iconv';
import type { KeptAt, PoolMessage, PoolReplies, PoolReply, PoolRequest, SideJob, SideJobName, SideReply, WorkerSetup } from './batch-pool.js';
import { namePairsOfGroups } from '../core/batch/name-pairs';
import { rosterWorkbookWriter, type WorkbookSink } from './roster-workbook.js';
import { summaryPdf } from '../core/batch/summary-pdf';
import { preloadPdfMake } from '../core/packet/pdf';
import { readPacketFonts } from './commands/packet.js';
import { nodeCrc32Update, nodeSha256Hex } from './hash.js';

/**
 * One thread of the batch CLI's read pool: the same pure `readBatchItem` the single-threaded path runs
 * (guarded unzip, hashes, zod over claim.json, the recomputed estimate), over the bytes it is handed.
 * Only the member summaries and invalid items go back; the bytes die here.
 */
const port = parentPort;
if (!port) throw new Error('batch-worker.ts runs only as a worker thread');

/** The file's bytes: sent, or read here (a read error becomes the same unreadable item the main thread makes). */
function bytesOf(req: PoolRequest): Uint8Array | ItemResult {
  if ('bytes' in req) return new Uint8Array(req.bytes);
  try {
    return readFileSync(req.path);
  } catch (err) {
    return unreadableItem(req.label, fileErrorDetail(err));
  }
}

const setup = (workerData ?? { keepFile: null }) as WorkerSetup;
/**
 * This thread's keep file (see PoolOptions.keepPacketsIn): every valid packet's bytes, appended. Written
 * in one write per batch of requests, before its replies go (the main thread reads the file only after).
 * Created at the first write, not when the thread starts: the pool starts before the batch's work folder
 * is made (its threads load their code while the main thread lists the files).
 */
const keep = setup.keepFile ? { path: setup.keepFile, fd: null as number | null, closed: false, end: 0, waiting: [] as Uint8Array[] } : null;

function kept(bytes: Uint8Array): KeptAt {
  const at = keep!.end;
  keep!.waiting.push(bytes);
  keep!.end += bytes.length;
  return { at, size: bytes.length };
}

function writeKept(): void {
  if (!keep?.waiting.length) return;
  const all = keep.waiting.length === 1 ? keep.waiting[0]! : Buffer.concat(keep.waiting);
  keep.waiting = [];
  if (keep.closed) throw new Error('batch worker: a packet was kept after the reads were done');
  keep.fd ??= openSync(keep.path, 'w');
  let done = 0;
  while (done < all.length) done += writeSync(keep.fd, all, done, all.length - done);
}

/** One request's reply; never rejects. */
async function check(req: PoolRequest): Promise<PoolReply> {
  try {
    const bytes = bytesOf(req);
    if (!(bytes instanceof Uint8Array)) return { id: req.id, ok: true, members: bytes.members, invalid: bytes.invalid };
    const item = await readBatchItem(req.label, bytes, { decodeCp949: iconvCp949Decoder, sha256: nodeSha256Hex, crc32: nodeCrc32Update });
    // A valid packet's bytes are kept for the zip: the zip then holds exactly what was checked here.
    const keepIt = keep && item.format === 'packet' && item.members.length === 1 && item.invalid.length === 0;
    return { id: req.id, ok: true, members: item.members, invalid: item.invalid, ...(keepIt ? { kept: kept(bytes) } : {}) };
  } catch (err) {
    // Not bad input (readBatchItem turns that into an invalid item): a bug, surfaced as the single-threaded path would.
    return { id: req.id, ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

const failed = (job: SideJobName, err: unknown): SideReply => ({ kind: 'side-failed', job, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });

let book: Promise<WorkbookSink> | null = null;
let fonts: ReturnType<typeof readPacketFonts> | null = null;
let bookFailure: unknown = null;

/** A closing-phase job (the name search, the workbook, the summary PDF); only the pairs, a commit or a PDF is answered. */
async function side(job: SideJob): Promise<void> {
  switch (job.kind) {
    case 'reads-done':
      // The main thread reads the keep file from here on; an open handle would also stop Windows removing it.
      if (keep) {
        if (keep.fd !== null) closeSync(keep.fd);
        keep.fd = null;
        keep.closed = true;
      }
      if (job.stop) process.exit(0);
      return;
    case 'warm':
      // Only a head start: a failure here is met again, and reported, by the job itself.
      try {
        if (job.for.includes('xlsx')) await import('exceljs');
        if (job.for.includes('pdf')) {
          fonts ??= readPacketFonts();
          await Promise.all([fonts, preloadPdfMake()]);
        }
      } catch {
        fonts = null;
      }
      return;
    case 'xlsx-open':
      book = rosterWorkbookWriter(job.path, job.madeAt);
      bookFailure = null;
      return;
    case 'xlsx-rows':
      if (bookFailure) return;
      try {
        const sink = await book!;
        for (const row of job.rows) sink.addRow(row);
      } catch (err) {
        bookFailure = err;
      }
      return;
    case 'xlsx-commit':
      try {
        if (bookFailure) throw bookFailure;
        await (await book!).commit();
        port!.postMessage({ kind: 'xlsx-done' } satisfies SideReply);
      } catch (err) {
        port!.postMessage(failed('xlsx', err));
      }
      return;
    case 'name-pairs':
      try {
        port!.postMessage({ kind: 'name-pairs-done', pairs: namePairsOfGroups(job.groups) } satisfies SideReply);
      } catch (err) {
        port!.postMessage(failed('names', err));
      }
      return;
    case 'pdf':
      try {
        fonts ??= readPacketFonts();
        const bytes = await summaryPdf(job.aggregates, job.meta, await fonts);
        port!.postMessage({ kind: 'pdf-done', bytes } satisfies SideReply, [bytes.buffer as ArrayBuffer]);
      } catch (err) {
        port!.postMessage(failed('pdf', err));
      }
  }
}

// Each message handled after the one before: a batch of requests checked one after another and answered in
// one message (the next batch waits, so the first is answered as soon as it is done, not interleaved with
// the next); the workbook's rows in the order they were sent.
let queue = Promise.resolve();
port.on('message', (message: PoolMessage | SideJob) => {
  queue = queue.then(async () => {
    if (!Array.isArray(message)) return side(message);
    const replies: PoolReplies = [];
    for (const req of message) replies.push(await check(req));
    writeKept();
    port.postMessage(replies);
  });
});
