import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ItemResult } from '../core/batch/items';

/**
 * The batch CLI's read pool: `node:worker_threads`, one per core (1-8), each running the pure
 * `readBatchItem` of src/core/batch on the file bytes it is sent (the ArrayBuffer is transferred, not
 * copied). Verifying a packet is ~2 ms of CPU (zod over claim.json, the recomputed estimate), so on one
 * thread the batch used one core; the core library itself stays single-threaded (the app runs it in a
 * Web Worker).
 */

/** Bytes to check, or a path the worker reads itself (the read pass: no bytes cross the main thread). */
export type PoolRequest = { id: number; label: string; bytes: ArrayBuffer } | { id: number; label: string; path: string };
export type PoolReply =
  | ({ id: number; ok: true } & ItemResult)
  | { id: number; ok: false; message: string };

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

export class BatchReadPool {
  private readonly workers: { worker: Worker; pending: Map<number, Pending> }[] = [];
  private nextId = 0;
  private failure: Error | null = null;

  readonly size: number;

  constructor(size: number) {
    // Never more threads than MAX_THREADS, whatever a caller asks: each one is a whole V8 heap.
    this.size = Math.min(MAX_THREADS, Math.max(1, Math.floor(size) || 1));
    const code = workerBootstrap('batch-worker');
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(code, { eval: true, execArgv: [] });
      const slot = { worker, pending: new Map<number, Pending>() };
      worker.on('message', (reply: PoolReply) => {
        const p = slot.pending.get(reply.id);
        if (!p) return;
        slot.pending.delete(reply.id);
        if (reply.ok) p.resolve({ members: reply.members, invalid: reply.invalid });
        else p.reject(new Error(`batch worker: ${reply.message}`));
      });
      const fail = (err: Error) => {
        this.failure ??= err;
        for (const p of slot.pending.values()) p.reject(err);
        slot.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (slot.pending.size) fail(new Error(`batch worker exited (${code}) with ${slot.pending.size} files unread`));
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
    const id = this.nextId++;
    return new Promise<ItemResult>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, label, bytes: buffer } satisfies PoolRequest, [buffer]);
    });
  }

  /**
   * Reads `path` on a worker and checks it there: the result `readBatchItem(label, bytes of path)` gives, or the
   * unreadable item the main thread would have made (core/batch/run `unreadableItem`, with the errno code).
   */
  readPath(label: string, path: string): Promise<ItemResult> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise<ItemResult>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, label, path } satisfies PoolRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
