import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ItemResult } from '../core/batch/items';
import type { BatchAggregates } from '../core/batch/aggregate';
import type { RosterCell } from '../core/batch/roster-export';
import type { SummaryMeta } from '../core/batch/summary-pdf';
import type { WorkbookSink } from './roster-workbook.js';
import type { NameEntry } from '../core/batch/name-pairs';

/**
 * The batch CLI's read pool: `node:worker_threads`, one per core (1-8), each running the pure
 * `readBatchItem` of src/core/batch on the file bytes it is sent (the ArrayBuffer is transferred, not
 * copied). Verifying a packet is ~2 ms of CPU (zod over claim.json, the recomputed estimate), so on one
 * thread the batch used one core; the core library itself stays single-threaded (the app runs it in a
 * Web Worker).
 */

/** Bytes to check, or a path the worker reads itself (the read pass: no bytes cross the main thread). */
export type PoolRequest = { id: number; label: string; bytes: ArrayBuffer } | { id: number; label: string; path: string };
/** Where a thread kept a checked packet's bytes: its keep file, at this offset. */
export type KeptAt = { at: number; size: number };
export type PoolReply =
  | ({ id: number; ok: true; kept?: KeptAt } & ItemResult)
  | { id: number; ok: false; message: string };
/**
 * Requests travel in batches and so do their replies: a message between threads costs ~0.1 ms whatever it
 * carries (it was 0.7 s of each thread's 10 s at 10,000 packets, one message per file).
 */
export type PoolMessage = PoolRequest[];
export type PoolReplies = PoolReply[];

/**
 * The closing phase's jobs for a pool thread, once the files are read: the roster workbook (opened, fed
 * rows in chunks, committed) and the summary PDF. Each answers with a `SideReply`.
 */
export type SideJob =
  | { kind: 'xlsx-open'; path: string; madeAt: Date }
  | { kind: 'xlsx-rows'; rows: RosterCell[][] }
  | { kind: 'xlsx-commit' }
  | { kind: 'pdf'; aggregates: BatchAggregates; meta: SummaryMeta }
  /** The near-identical-name search of some 시도 groups (core/batch/name-pairs `namePairsOfGroups`). */
  | { kind: 'name-pairs'; groups: NameEntry[][] }
  /** Load what the closing jobs need (exceljs; pdfmake and the fonts) while the thread would wait. */
  | { kind: 'warm'; for: ('xlsx' | 'pdf')[] }
  /** Every file is read: close the keep file; `stop`: no closing job here either, end the thread. */
  | { kind: 'reads-done'; stop: boolean };
/** Which closing job a reply answers (one of each kind at a time per thread). */
export type SideJobName = 'xlsx' | 'pdf' | 'names';
export type SideReply =
  | { kind: 'xlsx-done' }
  | { kind: 'pdf-done'; bytes: Uint8Array }
  | { kind: 'name-pairs-done'; pairs: [number, number, number][][] }
  | { kind: 'side-failed'; job: SideJobName; message: string };

/** Roster rows sent to the workbook's thread at once. */
const ROWS_PER_MESSAGE = 1000;

/** Requests gathered into one message, at most (and a thread's queue is flushed at the end of each tick). */
export const POOL_CHUNK = 16;
/** Files to keep in flight per thread: two chunks, so a thread has the next chunk when it replies to one. */
export const POOL_IN_FLIGHT_PER_THREAD = POOL_CHUNK * 2;

export const MAX_THREADS = 8;

/** Threads for the read pass when none are asked for: the cores Node may use, 1 to 8. */
export function defaultThreads(): number {
  return Math.min(MAX_THREADS, Math.max(1, availableParallelism()));
}

/**
 * Under tsx, a worker on a .ts file needs tsx's loader, and Node 20 does not apply `--import` hooks inside workers
 * (nor inherit `register()` from bin/outage-desk.mjs), so each worker registers tsx itself, resolved from
 * this file so it works from any working directory. execArgv is empty so a parent's preloads (tsx's CLI
 * flags, a bench's RSS hook) do not run again per thread.
 */
export function workerBootstrap(name: 'batch-worker' | 'synth-worker'): string {
  // In the prebuilt bundle (dist-cli/, bin/outage-desk.mjs) the worker is plain JavaScript beside this chunk.
  if (!import.meta.url.endsWith('.ts')) return `import(${JSON.stringify(new URL(`./${name}.js`, import.meta.url).href)});`;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const worker = new URL(`./${name}.ts`, import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
}

type Pending = { resolve: (r: ItemResult) => void; reject: (e: Error) => void };
type Side = { resolve: (r: SideReply) => void; reject: (e: Error) => void };
/** A piece of a keep file read back: `bytes` are the file's bytes from offset `at`. */
type KeepWindow = { at: number; bytes: Uint8Array };
type Slot = {
  worker: Worker;
  pending: Map<number, Pending & { label: string }>;
  queue: PoolRequest[];
  transfer: ArrayBuffer[];
  side: Map<SideJobName, Side>;
  keepFile: string | null;
  keepFd: number | null;
  keepWindow: KeepWindow | null;
};

/**
 * Keep files are read back in windows of this size: the zip asks for the kept packets in batch order, which
 * is each thread's file order, so one read serves hundreds of packets (one read per packet was ~0.5 s of
 * the closing phase at 10,000 packets).
 */
const KEEP_WINDOW = 4 * 1024 * 1024;

/** Worker data: the file a thread appends the packets it checked to (null: it keeps none). */
export type WorkerSetup = { keepFile: string | null };

export type PoolOptions = {
  /**
   * A folder (the batch's hidden work folder) where each thread appends every packet it found valid, so
   * the zip takes the very bytes pass 1 checked from one file per thread instead of opening each packet
   * again and hashing it to see it did not change. The files are removed by `close()`.
   */
  keepPacketsIn?: string;
};

export class BatchReadPool {
  private readonly workers: Slot[] = [];
  private flushScheduled = false;
  private nextId = 0;
  private failure: Error | null = null;

  readonly size: number;

  /** Where each checked packet's bytes are, by the label it was read under. */
  private readonly kept = new Map<string, { slot: Slot } & KeptAt>();

  /** The thread that makes the summary PDF: the last. */
  private readonly pdfSlot: number;

  constructor(size: number, options: PoolOptions = {}) {
    // Never more threads than MAX_THREADS, whatever a caller asks: each one is a whole V8 heap.
    this.size = Math.min(MAX_THREADS, Math.max(1, Math.floor(size) || 1));
    this.pdfSlot = this.size - 1;
    const code = workerBootstrap('batch-worker');
    for (let i = 0; i < this.size; i++) {
      const keepFile = options.keepPacketsIn ? join(options.keepPacketsIn, `.packets-${i}.bin`) : null;
      const worker = new Worker(code, { eval: true, execArgv: [], workerData: { keepFile } satisfies WorkerSetup });
      const slot: Slot = { worker, pending: new Map(), queue: [], transfer: [], side: new Map(), keepFile, keepFd: null, keepWindow: null };
      worker.on('message', (replies: PoolReplies | SideReply) => {
        if (!Array.isArray(replies)) {
          const job: SideJobName = replies.kind === 'xlsx-done' ? 'xlsx' : replies.kind === 'pdf-done' ? 'pdf' : replies.kind === 'name-pairs-done' ? 'names' : replies.job;
          const waiting = slot.side.get(job);
          slot.side.delete(job);
          waiting?.resolve(replies);
          return;
        }
        for (const reply of replies) {
          const p = slot.pending.get(reply.id);
          if (!p) continue;
          slot.pending.delete(reply.id);
          if (reply.ok && reply.kept) this.kept.set(p.label, { slot, ...reply.kept });
          if (reply.ok) p.resolve({ members: reply.members, invalid: reply.invalid });
          else p.reject(new Error(`batch worker: ${reply.message}`));
        }
      });
      const fail = (err: Error) => {
        this.failure ??= err;
        for (const p of slot.pending.values()) p.reject(err);
        slot.pending.clear();
        for (const p of slot.side.values()) p.reject(err);
        slot.side.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (slot.pending.size) fail(new Error(`batch worker exited (${code}) with ${slot.pending.size} files unread`));
        else if (slot.side.size) fail(new Error(`batch worker exited (${code}) before it finished ${[...slot.side.keys()].join(', ')}`));
      });
      this.workers.push(slot);
    }
  }

  /** The same result `readBatchItem(label, bytes)` gives on this thread; `bytes` is detached (transferred). */
  read(label: string, bytes: Uint8Array): Promise<ItemResult> {
    if (this.failure) return Promise.reject(this.failure);
    // The least busy worker; results are put back in input order by the caller.
    const slot = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    const buffer = whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
    return this.enqueue(slot, label, (id) => ({ id, label, bytes: buffer }), buffer);
  }

  /**
   * Reads `path` on a worker and checks it there: the result `readBatchItem(label, bytes of path)` gives, or the
   * unreadable item the main thread would have made (core/batch/run `unreadableItem`, with the errno code).
   */
  readPath(label: string, path: string): Promise<ItemResult> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return this.enqueue(slot, label, (id) => ({ id, label, path }));
  }

  /** Queues a request on a thread; the queue goes as one message when full or at the end of this tick. */
  private enqueue(slot: Slot, label: string, request: (id: number) => PoolRequest, transfer?: ArrayBuffer): Promise<ItemResult> {
    const id = this.nextId++;
    return new Promise<ItemResult>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject, label });
      slot.queue.push(request(id));
      if (transfer) slot.transfer.push(transfer);
      if (slot.queue.length >= POOL_CHUNK) this.send(slot);
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        queueMicrotask(() => {
          this.flushScheduled = false;
          for (const s of this.workers) this.send(s);
        });
      }
    });
  }

  private send(slot: Slot): void {
    if (!slot.queue.length) return;
    const batch: PoolMessage = slot.queue;
    const transfer = slot.transfer;
    slot.queue = [];
    slot.transfer = [];
    slot.worker.postMessage(batch, transfer);
  }

  /** A side job's answer from one thread (one job of a kind at a time per thread). */
  private sideJob(slot: Slot, job: SideJobName, message: SideJob): Promise<SideReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<SideReply>((resolve, reject) => {
      slot.side.set(job, { resolve, reject });
      slot.worker.postMessage(message);
    }).then((reply) => {
      if (reply.kind === 'side-failed') throw new Error(`batch worker (${job}): ${reply.message}`);
      return reply;
    });
  }

  /**
   * roster.xlsx written on the first thread (src/cli/roster-workbook.ts there), fed rows in chunks; the
   * same file the main thread's writer makes. Call once the files are read.
   */
  workbook(path: string, madeAt: Date): WorkbookSink {
    const slot = this.workers[0]!;
    if (!this.failure) slot.worker.postMessage({ kind: 'xlsx-open', path, madeAt } satisfies SideJob);
    let rows: RosterCell[][] = [];
    const flush = () => {
      if (rows.length && !this.failure) slot.worker.postMessage({ kind: 'xlsx-rows', rows } satisfies SideJob);
      rows = [];
    };
    return {
      addRow: (values) => {
        rows.push(values);
        if (rows.length >= ROWS_PER_MESSAGE) flush();
      },
      commit: async () => {
        flush();
        await this.sideJob(slot, 'xlsx', { kind: 'xlsx-commit' });
      },
    };
  }

  /**
   * The near-identical-name search of these 시도 groups on a pool thread (the PDF's, before its PDF): the
   * pairs of each group, as core/batch/name-pairs `namePairsOfGroups` gives them on this thread.
   */
  async namePairs(groups: NameEntry[][]): Promise<[number, number, number][][]> {
    const reply = await this.sideJob(this.workers[this.pdfSlot]!, 'names', { kind: 'name-pairs', groups });
    if (reply.kind !== 'name-pairs-done') throw new Error('batch worker: no name pairs');
    return reply.pairs;
  }

  /**
   * Has the threads load what their closing jobs need once they have read their last files (the message
   * waits behind their reads): exceljs on the workbook's thread, pdfmake and the fonts on the PDF's.
   */
  warmClosing(): void {
    if (this.failure) return;
    this.workers.forEach((slot, i) => {
      const jobs: ('xlsx' | 'pdf')[] = [...(i === 0 ? ['xlsx' as const] : []), ...(i === this.pdfSlot ? ['pdf' as const] : [])];
      if (jobs.length) slot.worker.postMessage({ kind: 'warm', for: jobs } satisfies SideJob);
    });
  }

  /**
   * The summary PDF made on the last thread (it reads the fonts itself). A thread that made only the PDF
   * then stops: its heap (pdfmake, the fonts) is not kept through the zip.
   */
  async pdf(aggregates: BatchAggregates, meta: SummaryMeta): Promise<Uint8Array> {
    const slot = this.workers[this.pdfSlot]!;
    const reply = await this.sideJob(slot, 'pdf', { kind: 'pdf', aggregates, meta });
    if (reply.kind !== 'pdf-done') throw new Error('batch worker: no PDF');
    if (slot !== this.workers[0]) void slot.worker.terminate();
    return reply.bytes;
  }

  /**
   * Once every file is read and answered: each thread closes its keep file, and the threads no closing job
   * uses stop (all but the workbook's and the PDF's), so their heaps are not kept through the closing phase.
   */
  readsDone(): void {
    if (this.failure) return;
    this.workers.forEach((slot, i) => slot.worker.postMessage({ kind: 'reads-done', stop: i !== 0 && i !== this.pdfSlot } satisfies SideJob));
  }

  /**
   * The bytes a thread checked for `label` and kept (`keepPacketsIn`), read back from its keep file; null
   * when it kept none (an invalid item, or no keep folder). Call once the files are read.
   */
  keptPacket(label: string): Uint8Array | null {
    const kept = this.kept.get(label);
    if (!kept) return null;
    const { slot, at, size } = kept;
    let window = slot.keepWindow;
    if (!window || at < window.at || at + size > window.at + window.bytes.length) {
      // A new buffer each time, never refilled: the bytes handed out may still wait in the zip's writer.
      window = { at, bytes: this.readKeep(slot, at, Math.max(size, KEEP_WINDOW)) };
      slot.keepWindow = window;
    }
    if (at + size > window.at + window.bytes.length) throw new Error(`batch: keep file ended early (${slot.keepFile})`);
    return window.bytes.subarray(at - window.at, at - window.at + size);
  }

  /** Up to `length` bytes of a thread's keep file from `at` (fewer at its end). */
  private readKeep(slot: Slot, at: number, length: number): Uint8Array {
    slot.keepFd ??= openSync(slot.keepFile!, 'r');
    const bytes = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const n = readSync(slot.keepFd, bytes, done, length - done, at + done);
      if (n === 0) break;
      done += n;
    }
    return done === length ? bytes : bytes.subarray(0, done);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    for (const slot of this.workers) {
      if (slot.keepFd !== null) closeSync(slot.keepFd);
      slot.keepFd = null;
      slot.keepWindow = null;
      if (slot.keepFile) rmSync(slot.keepFile, { force: true });
    }
  }
}
