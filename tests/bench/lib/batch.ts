/**
 * Batch figures: the CLI `synth` writes N seeded member packets (untimed at 10k), the CLI `batch`
 * verifies, deduplicates, aggregates and exports them, timed as a child process with its peak RSS; the
 * floor script (tests/bench/batch-floor.ts) does only the unavoidable reading, unzipping, JSON-parsing and
 * hashing of the same files, started the same way, so both include the same Node start-up.
 * Both run as plain JavaScript, as users run the CLI: `synth` and `batch` through the `outage-desk` bin
 * (the prebuilt bundle, rebuilt here from this commit's sources), the floor bundled by esbuild the same
 * way. Under tsx the batch's worker threads paid ~6 s more CPU per 10,000 packets than the bundle
 * (2026-12-04, quiet: 34.4 s against 27.6 s user+sys), a cost no user pays.
 *
 * Until `batch` and `synth` are registered in src/cli/main.ts these figures are reported as not yet
 * available, never estimated.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Figure } from './report';
import { ROOT } from './inputs';
import { build } from 'esbuild';
// @ts-expect-error: a plain .mjs build script without types
import { buildCli } from '../../../scripts/build-cli.mjs';

export function batchCommandsLanded(): boolean {
  const main = readFileSync(join(ROOT, 'src', 'cli', 'main.ts'), 'utf8');
  return /^\s*batch\s*:/m.test(main) && /^\s*synth\s*:/m.test(main);
}

const NOT_YET = 'not yet available: batch mode (src/core/batch, CLI `batch` and `synth`) has not landed on main yet';
const BIN = join(ROOT, 'bin', 'outage-desk.mjs');
const NOW = '2022-11-01T09:00+09:00';

type Ran = { ms: number; stdout: string };

/** `node [...preload] <script> <args>` from the project root (plain JavaScript); throws with stderr on a non-zero exit. */
function runNode(script: string, args: string[], env: Record<string, string> = {}, preload: string[] = []): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...preload.flatMap((p) => ['--import', p]), script, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, stdout });
      else reject(new Error(`${script} ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`));
    });
  });
}

type BatchKeys = { ms: 'batch10kMs' | 'batch105kMs'; ratio: 'batchFloorRatio' | 'batchFloorRatio105k'; rss: 'peakRssMb' | 'batch105kPeakRssMb'; synth?: 'synth105kMs' };

const KEYS_10K: BatchKeys = { ms: 'batch10kMs', ratio: 'batchFloorRatio', rss: 'peakRssMb' };
export const KEYS_105K: BatchKeys = { ms: 'batch105kMs', ratio: 'batchFloorRatio105k', rss: 'batch105kPeakRssMb', synth: 'synth105kMs' };

export async function batchFigures(members: number, tmp: string, log: (s: string) => void, keys: BatchKeys = KEYS_10K): Promise<Figure[]> {
  const label = `${members.toLocaleString('en-US')} synthetic members' packets (no report.pdf) through the batch CLI`;
  if (!batchCommandsLanded()) {
    return [
      { key: keys.ms, label, value: null, unit: 'ms', missing: NOT_YET },
      { key: keys.ratio, label: 'floor time / batch time', value: null, unit: 'ratio', missing: NOT_YET },
      { key: keys.rss, label: 'peak RSS of the batch run', value: null, unit: 'MB', missing: NOT_YET },
    ];
  }
  // This commit's CLI bundle (what the bin runs) and the floor bundled the same way; both untimed.
  await buildCli();
  const floorScript = join(tmp, 'batch-floor', 'batch-floor.mjs');
  await build({
    absWorkingDir: ROOT,
    entryPoints: [join(ROOT, 'tests', 'bench', 'batch-floor.ts')],
    outfile: floorScript,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: "import { createRequire as __floorCreateRequire } from 'node:module'; const require = __floorCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  const synthDir = join(tmp, `batch-in-${members}`);
  const outDir = join(tmp, `batch-out-${members}`);
  // Without report.pdf: with it, synth needs ~0.2 s per packet (an hour for 10,000). The batch
  // verifies every file by hash either way; a PDF would add bytes to read and hash, to both figures.
  const synth = await runNode(BIN, ['synth', '--members', String(members), '--seed', '20221015', '--out', synthDir, '--no-pdf']);
  const planted = JSON.parse(await readFile(join(synthDir, 'planted.json'), 'utf8')) as { files: number; planted: unknown[] };
  const synthLoad = loadavg()[0]!;
  log(`synth wrote ${planted.files} packets (${planted.planted.length} planted duplicates) in ${(synth.ms / 1000).toFixed(1)} s`);
  const packets = join(synthDir, 'packets');

  const load = loadavg()[0]!;
  const floorRun = await runNode(floorScript, [packets]);
  const floor = JSON.parse(floorRun.stdout.trim().split('\n').pop()!) as { files: number; entries: number; bytes: number; threads: number };
  if (floor.files !== planted.files) throw new Error(`batch floor read ${floor.files} files, synth wrote ${planted.files}`);
  log(`floor: ${floor.files} files, ${floor.entries} entries in ${(floorRun.ms / 1000).toFixed(1)} s`);

  const rssFile = join(tmp, 'batch-rss.json');
  const pipeline = await runNode(BIN, ['batch', packets, '--out', outDir, '--now', NOW], { BENCH_RSS_FILE: rssFile }, [join(ROOT, 'tests', 'bench', 'rss-hook.mjs')]);
  const manifest = JSON.parse(await readFile(join(outDir, 'batch-manifest.json'), 'utf8')) as { counts?: { files?: number; kept?: number; invalid?: number } };
  // The run must have read every file and found them valid, or the time is of something else.
  if (manifest.counts?.files !== planted.files || manifest.counts.invalid !== 0) {
    throw new Error(`batch manifest counts ${JSON.stringify(manifest.counts)}, expected ${planted.files} files and 0 invalid`);
  }
  const { maxRssKb } = JSON.parse(await readFile(rssFile, 'utf8')) as { maxRssKb: number };
  log(`batch: ${(pipeline.ms / 1000).toFixed(1)} s, peak RSS ${(maxRssKb / 1024).toFixed(0)} MB`);

  const files = `${planted.files.toLocaleString('en-US')} files, ${(floor.bytes / 1e6).toFixed(0)} MB`;
  return [
    {
      key: keys.ms,
      label,
      value: pipeline.ms,
      unit: 'ms',
      load1m: load,
      note: `${files}; ${manifest.counts.kept} members kept; wall clock of \`batch\` as a child process, Node start-up included; synth took ${(synth.ms / 1000).toFixed(0)} s (load ${synthLoad.toFixed(1)})`,
    },
    {
      key: keys.ratio,
      label: 'floor time / batch time (floor: read, unzip, JSON-parse, SHA-256 only)',
      value: floorRun.ms / pipeline.ms,
      unit: 'ratio',
      load1m: load,
      note: `floor ${(floorRun.ms / 1000).toFixed(1)} s over ${floor.entries.toLocaleString('en-US')} entries on ${floor.threads} thread(s), as many as the batch's read pool, same start-up`,
    },
    { key: keys.rss, label: 'peak RSS of that batch run', value: maxRssKb / 1024, unit: 'MB', note: 'process.resourceUsage().maxRSS of the batch process, read at exit' },
    ...(keys.synth
      ? [{ key: keys.synth, label: `synth --members ${members} --no-pdf (the input itself)`, value: synth.ms, unit: 'ms' as const, load1m: synthLoad, note: `${planted.files.toLocaleString('en-US')} packets written, worker threads, Node start-up included` }]
      : []),
  ];
}
