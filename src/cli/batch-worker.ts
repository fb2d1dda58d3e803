import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { readBatchItem } from '../core/batch/batch';
import type { ItemResult } from '../core/batch/items';
import { unreadableItem } from '../core/batch/run';
import { fileErrorDetail } from './file-error.js';
import { iconvCp949Decoder } from '../core/io/cp949-iconv';
import type { PoolMessage, PoolReplies, PoolReply, PoolRequest } from './batch-pool.js';
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

// Each batch of requests checked one after another and answered in one message; batches in the order they
// came (the next one waits, so the first is answered as soon as it is done, not interleaved with the next).
let queue = Promise.resolve();
port.on('message', (batch: PoolMessage) => {
  queue = queue.then(async () => {
    const replies: PoolReplies = [];
    for (const req of batch) replies.push(await check(req));
    port.postMessage(replies);
  });
});
