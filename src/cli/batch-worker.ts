import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { readBatchItem } from '../core/batch/batch';
import type { ItemResult } from '../core/batch/items';
import { unreadableItem } from '../core/batch/run';
import { fileErrorDetail } from './file-error.js';
import { iconvCp949Decoder } from '../core/io/cp949-iconv';
import type { PoolMessage, PoolReplies, PoolReply, PoolRequest, SideJob, SideReply } from './batch-pool.js';
import { rosterWorkbookWriter, type WorkbookSink } from './roster-workbook.js';
import { summaryPdf } from '../core/batch/summary-pdf';
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

/** One request's reply; never rejects. */
async function check(req: PoolRequest): Promise<PoolReply> {
  try {
    const bytes = bytesOf(req);
    const item = bytes instanceof Uint8Array ? await readBatchItem(req.label, bytes, { decodeCp949: iconvCp949Decoder, sha256: nodeSha256Hex, crc32: nodeCrc32Update }) : bytes;
    return { id: req.id, ok: true, members: item.members, invalid: item.invalid };
  } catch (err) {
    // Not bad input (readBatchItem turns that into an invalid item): a bug, surfaced as the single-threaded path would.
    return { id: req.id, ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}

const failed = (job: 'xlsx' | 'pdf', err: unknown): SideReply => ({ kind: 'side-failed', job, message: err instanceof Error ? (err.stack ?? err.message) : String(err) });

let book: Promise<WorkbookSink> | null = null;
let bookFailure: unknown = null;

/** A closing-phase job (the workbook, the summary PDF); only a commit or a PDF is answered. */
async function side(job: SideJob): Promise<void> {
  switch (job.kind) {
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
    case 'pdf':
      try {
        const bytes = await summaryPdf(job.aggregates, job.meta, await readPacketFonts());
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
    port.postMessage(replies);
  });
});
