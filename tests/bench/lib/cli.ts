/**
 * CLI figures (issue 18), each a whole process as a user's script starts it:
 * - cliStartRatio: `node bin/outage-desk.mjs estimate <example> --json` (the prebuilt bundle) against
 *   `node -e 0`, run alternately, medians of each; the ratio is what the CLI adds to Node's own start.
 * - estimateManyMs: `outage-desk estimate <folder> --jsonl` over N synthetic claim files (synth --claims,
 *   untimed) in one process; checked: N lines, none an error.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Figure } from './report';
import { ROOT } from './inputs';

const BIN = join(ROOT, 'bin', 'outage-desk.mjs');

function timed(args: string[], countLines = false): Promise<{ ms: number; lines: number; errors: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let errors = 0;
    let rest = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      if (!countLines) return;
      const text = rest + d.toString('utf8');
      const parts = text.split('\n');
      rest = parts.pop()!;
      for (const line of parts) {
        lines++;
        if (line.startsWith('{"file":') && line.includes('"error":{')) errors++;
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, lines, errors });
      else reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function cliFigures(sizes: { cliRuns: number; estimateClaims: number }, tmp: string, log: (s: string) => void): Promise<Figure[]> {
  // The bundle as `npm run build` makes it, so the figure is of this commit's code.
  await timed([join(ROOT, 'scripts', 'build-cli.mjs')]);
  const example = join(ROOT, 'assets', 'examples', 'driver-2022.claim.json');
  const node: number[] = [];
  const cli: number[] = [];
  const load = loadavg()[0]!;
  await timed([BIN, 'estimate', example, '--json']); // warms the disk cache; untimed
  for (let i = 0; i < sizes.cliRuns; i++) {
    node.push((await timed(['-e', '0'])).ms);
    cli.push((await timed([BIN, 'estimate', example, '--json'])).ms);
  }
  log(`cli start: node -e 0 median ${median(node).toFixed(0)} ms, estimate median ${median(cli).toFixed(0)} ms`);

  const out = join(tmp, 'claims-many');
  await timed([BIN, 'synth', '--members', String(sizes.estimateClaims), '--seed', '20221015', '--out', out, '--claims']);
  // The planted copies (the same member twice) are claim files too: the count is synth's.
  const { files } = JSON.parse(await readFile(join(out, 'planted.json'), 'utf8')) as { files: number };
  const manyLoad = loadavg()[0]!;
  const many = await timed([BIN, 'estimate', join(out, 'claims'), '--jsonl'], true);
  if (many.lines !== files || many.errors) throw new Error(`estimate --jsonl printed ${many.lines} lines (${many.errors} errors), expected ${files} and 0`);
  log(`estimate many: ${many.lines} claims in ${(many.ms / 1000).toFixed(1)} s`);
  return [
    {
      key: 'estimateManyMs',
      label: `${files.toLocaleString('en-US')} synthetic claims (${sizes.estimateClaims.toLocaleString('en-US')} members and the planted copies), one \`estimate <folder> --jsonl\` process (bin, prebuilt bundle)`,
      value: many.ms,
      unit: 'ms',
      load1m: manyLoad,
      note: `${(many.ms / files).toFixed(2)} ms a claim, start-up included; shops daily, drivers hourly (synth --claims)`,
    },
    {
      key: 'cliStartRatio',
      label: 'whole-process `outage-desk estimate <example> --json` / `node -e 0` (medians)',
      value: median(cli) / median(node),
      unit: 'ratio',
      load1m: load,
      note: `estimate median ${median(cli).toFixed(0)} ms, node -e 0 median ${median(node).toFixed(0)} ms, ${sizes.cliRuns} runs each, alternated`,
    },
  ];
}
