/**
 * The batch floor: what any batch over these packets must do and nothing else — read every file, unzip
 * it, JSON-parse its JSON entries and SHA-256 the file and every entry (as verify does), with the same
 * hash the batch CLI uses (node:crypto, src/cli/hash.ts), so the floor never pays a cost the batch avoids.
 * For the same reason it reads each file as the batch's threads do, with one `readFileSync` (until round
 * 12 it used fs/promises' `readFile`, which pays a file handle, an fstat and the thread pool per file:
 * 4.8-5.2 s against 2.7-3.4 s for the same 10,050 files, a floor slower than the batch's own reads).
 * Run as a child process the same way the batch CLI is, so both figures include the same Node start-up.
 *   node --import tsx tests/bench/batch-floor.ts [--threads N] <dir>
 * Like for like (issue 18): the batch reads on a pool of worker threads, one per core by default, so the
 * floor does its work on as many worker threads (`--threads`, default the batch's own default), each
 * taking every N-th file, each thread started as the batch's workers are: under tsx from the sources, as
 * plain JavaScript when bundled (the bench bundles this file with esbuild, as `npm run build:cli` bundles
 * the CLI, and times the `outage-desk` bin against it). `--threads 1` is the old one-thread floor (on the
 * main thread).
 * Prints one JSON line: files, entries, bytes (a check that it saw what the batch saw), threads.
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { unzipSync } from 'fflate';
import { defaultThreads } from '../../src/cli/batch-pool';
import { nodeSha256Hex } from '../../src/cli/hash';

type Counts = { files: number; entries: number; parsedJson: number; bytes: number };

async function listZips(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listZips(path)));
    else if (entry.name.toLowerCase().endsWith('.zip')) out.push(path);
  }
  return out.sort();
}

async function floor(paths: readonly string[]): Promise<Counts> {
  const decoder = new TextDecoder();
  const counts: Counts = { files: 0, entries: 0, parsedJson: 0, bytes: 0 };
  for (const path of paths) {
    const zip = new Uint8Array(readFileSync(path));
    counts.bytes += zip.length;
    counts.files++;
    nodeSha256Hex(zip);
    for (const [name, content] of Object.entries(unzipSync(zip))) {
      counts.entries++;
      nodeSha256Hex(content);
      if (name.endsWith('.json')) {
        JSON.parse(decoder.decode(content));
        counts.parsedJson++;
      }
    }
  }
  return counts;
}

/**
 * A thread started with the same bootstrap the batch CLI's workers use (src/cli/batch-pool.ts
 * `workerBootstrap`): under tsx, register tsx, then load this file; bundled, load this file as it is.
 * Started before the files are listed, as the batch's pool is; `run` sends it its share once they are.
 */
function startThread(): { run(paths: string[]): Promise<Counts> } {
  const self = JSON.stringify(import.meta.url);
  const code = import.meta.url.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${self}); });`
    : `import(${self});`;
  const worker = new Worker(code, { eval: true, execArgv: [] });
  const done = new Promise<Counts>((resolve, reject) => {
    worker.once('message', (counts: Counts) => {
      resolve(counts);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
  return {
    run(paths) {
      worker.postMessage(paths);
      return done;
    },
  };
}

if (!isMainThread) {
  parentPort!.once('message', (paths: string[]) => void floor(paths).then((counts) => parentPort!.postMessage(counts)));
} else {
  const args = process.argv.slice(2);
  let threads = defaultThreads();
  const at = args.indexOf('--threads');
  if (at >= 0) {
    threads = Number(args[at + 1]);
    args.splice(at, 2);
  }
  const dir = args[0];
  if (!dir || !Number.isInteger(threads) || threads < 1) {
    console.error('usage: batch-floor.ts [--threads N] <dir of packets>');
    process.exit(2);
  }
  const pool = threads === 1 ? [] : Array.from({ length: threads }, startThread);
  const paths = await listZips(dir);
  const parts = threads === 1 ? [await floor(paths)] : await Promise.all(pool.map((thread, t) => thread.run(paths.filter((_, i) => i % threads === t))));
  const total = parts.reduce((a, b) => ({ files: a.files + b.files, entries: a.entries + b.entries, parsedJson: a.parsedJson + b.parsedJson, bytes: a.bytes + b.bytes }));
  console.log(JSON.stringify({ ...total, threads }));
}
