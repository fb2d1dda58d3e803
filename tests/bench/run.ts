/**
 * `npm run bench [-- --quick] [-- --keep]`: the figures users feel, against the budgets in
 * docs/benchmarks.md. Prints a table, then ONE JSON object as the last line of stdout (progress goes
 * to stderr). Exit 0 even when a budget is missed (a bench is not a test); exit 1 when the harness
 * itself fails, so a rotten bench is noticed (CI runs the quick mode).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { batchFigures, KEYS_105K } from './lib/batch';
import { cliFigures } from './lib/cli';
import { browserFigures } from './lib/browser';
import { ROOT } from './lib/inputs';
import { estimateFigure, importFigures, packetFigures, type Sizes } from './lib/node-figures';
import { jsonLine, renderTable, type Figure, type FigureKey } from './lib/report';

const USAGE = 'usage: npm run bench [-- --quick] [-- --keep] [-- --national]   (or BENCH_NATIONAL=1)';

const args = process.argv.slice(2);
for (const a of args) {
  if (!['--quick', '--keep', '--national'].includes(a)) {
    console.error(`unknown option: ${a}\n${USAGE}`);
    process.exit(2);
  }
}
const quick = args.includes('--quick');
const keep = args.includes('--keep');
// The national size (105,116 members: synth and batch, 10-25 minutes on 2 cores) only when asked for, and
// never with --quick (CI): `npm run bench -- --national` or BENCH_NATIONAL=1.
const national = !quick && (args.includes('--national') || process.env.BENCH_NATIONAL === '1');
if (quick && (args.includes('--national') || process.env.BENCH_NATIONAL === '1')) process.stderr.write('bench: --quick never runs the national size; --national ignored\n');

// Full sizes are the issue's; quick sizes keep every code path alive in CI in well under two minutes.
const sizes = quick
  ? { importRows: 10_000, importRuns: 2, estimateTimeMs: 300, packetRuns: 2, batchPackets: 200, batchNational: 0, cliRuns: 3, estimateClaims: 300, renderRuns: 2, bulkPutRows: 10_000, bulkPutRuns: 1, gridDays: 365 }
  : { importRows: 100_000, importRuns: 5, estimateTimeMs: 3_000, packetRuns: 5, batchPackets: 10_000, batchNational: national ? 105_116 : 0, cliRuns: 9, estimateClaims: 10_000, renderRuns: 5, bulkPutRows: 100_000, bulkPutRuns: 3, gridDays: 730 };

const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function failed(keys: FigureKey[], err: unknown): Figure[] {
  // One plain line for the table and the JSON; the whole error went to stderr.
  const message = (err instanceof Error ? err.message : String(err)).replace(ANSI_COLOUR, '').split('\n').filter((l) => l.trim())
    .slice(0, 2).join(' ').slice(0, 300);
  return keys.map((key) => ({ key, label: 'harness error', value: null, unit: 'ms', error: true, missing: `harness error: ${message}` }));
}

async function section(name: string, keys: FigureKey[], run: () => Promise<Figure[]>): Promise<Figure[]> {
  log(`${name}…`);
  const started = performance.now();
  try {
    const out = await run();
    log(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return out;
  } catch (err) {
    log(`${name} FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return failed(keys, err);
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** The date in KST whatever the machine's zone: `2026-05-01T11:20+09:00`. */
function kstNow(): string {
  return `${new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 16)}+09:00`;
}

// Other work on the machine moves every figure: the load average is recorded beside them.
const loadBefore = loadavg()[0]!;
const tmp = await mkdtemp(join(tmpdir(), 'outage-desk-bench-'));
log(`${quick ? 'quick' : 'full'} run, inputs in ${tmp}`);
const started = performance.now();
const figures: Figure[] = [];
let chromiumVersion: string | null = null;
try {
  const nodeSizes: Sizes = sizes;
  // In-process figures first, while nothing else (build, browser) competes for the two cores.
  figures.push(...(await section('estimate', ['estimateMs'], async () => [await estimateFigure(nodeSizes)])));
  figures.push(...(await section('import', ['import100kMs', 'importRatio'], () => importFigures(nodeSizes, tmp))));
  figures.push(...(await section('packet', ['packetMs', 'packetBytes', 'packetRatio'], () => packetFigures(nodeSizes))));
  figures.push(...(await section('cli', ['estimateManyMs', 'cliStartRatio'], () => cliFigures(sizes, tmp, log))));
  figures.push(...(await section('batch', ['batch10kMs', 'batchFloorRatio', 'peakRssMb'], () => batchFigures(sizes.batchPackets, tmp, log))));
  // The national size (Kakao's 105,116 damage reports) is long: the full run only, never --quick (CI).
  if (sizes.batchNational) {
    figures.push(...(await section('batch 105k', ['batch105kMs', 'batchFloorRatio105k', 'batch105kPeakRssMb', 'synth105kMs'], () => batchFigures(sizes.batchNational, tmp, log, KEYS_105K))));
  } else {
    for (const key of ['batch105kMs', 'batchFloorRatio105k', 'batch105kPeakRssMb', 'synth105kMs'] as const) {
      figures.push({
        key,
        label: '105,116 members: synth, then the batch CLI',
        value: null,
        unit: key === 'batch105kPeakRssMb' ? 'MB' : key === 'batchFloorRatio105k' ? 'ratio' : 'ms',
        missing: quick ? '--quick never runs the national size' : 'not asked for: npm run bench -- --national (or BENCH_NATIONAL=1) adds it',
      });
    }
  }
  figures.push(
    ...(await section('browser', ['firstRenderMs', 'firstScreenJsBytes', 'bulkPut100kMs', 'bulkPutRatio', 'gridPageDownMs', 'gridTypeMs'], async () => {
      const run = await browserFigures(sizes, tmp, log);
      chromiumVersion = run.chromiumVersion;
      return run.figures;
    })),
  );
} finally {
  if (keep) log(`kept inputs in ${tmp}`);
  else await rm(tmp, { recursive: true, force: true });
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  memoryGb: Math.round(totalmem() / 2 ** 30),
  platform: `${process.platform} ${process.arch}`,
  node: process.version,
  chromium: chromiumVersion,
  loadAverage1m: { before: Number(loadBefore.toFixed(2)), after: Number(loadavg()[0]!.toFixed(2)) },
};
console.log(renderTable(figures, quick));
console.log(`\nmachine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, ${machine.platform}, Node ${machine.node}, Chromium ${machine.chromium ?? '-'}; load average ${machine.loadAverage1m.before} before, ${machine.loadAverage1m.after} after; took ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(jsonLine(figures, { quick, sizes, date: kstNow(), commit: gitCommit(), machine }));
process.exitCode = figures.some((f) => f.error) ? 1 : 0;
