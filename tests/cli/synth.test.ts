import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPacket } from '../../src/core/packet/verify';
import { readZipSafely } from '../../src/core/packet/zip';

/** synth at scale (issue 18): packets built on worker threads, and claim files for `estimate --jsonl`. */

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));

describe('outage-desk synth', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-synth-'));

  it('worker threads write the same packets, byte for byte, as one thread', () => {
    const pooled = cli('synth', '--members', '40', '--seed', '8', '--out', join(dir, 'pooled'), '--no-pdf', '--threads', '2');
    const single = cli('synth', '--members', '40', '--seed', '8', '--out', join(dir, 'single'), '--no-pdf', '--threads', '1');
    expect(pooled.err).toBe('');
    expect(pooled.code).toBe(0);
    expect(single.code).toBe(0);
    const a = files(join(dir, 'pooled', 'packets'));
    expect(Object.keys(a)).toHaveLength(40 + 1); // one planted copy at 40 members
    expect(a).toEqual(files(join(dir, 'single', 'packets')));
    expect(readFileSync(join(dir, 'pooled', 'planted.json'), 'utf8')).toBe(readFileSync(join(dir, 'single', 'planted.json'), 'utf8'));
  }, 120_000);

  it('its packets (deflated by native zlib) verify, and hold the files a packet without report.pdf holds', async () => {
    const folder = join(dir, 'pooled', 'packets');
    const names = readdirSync(folder).sort();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const bytes = new Uint8Array(readFileSync(join(folder, name)));
      const result = await verifyPacket(bytes);
      expect(result.problems, name).toEqual([]);
      expect(result.ok).toBe(true);
      expect([...readZipSafely(bytes).keys()].sort()).toEqual(['README.txt', 'claim.json', 'form.txt', 'manifest.json', 'records.csv']);
    }
  });

  it('--claims writes claim files that estimate --jsonl reads, one line each, in name order', () => {
    const r = cli('synth', '--members', '15', '--seed', '2', '--out', join(dir, 'claims'), '--claims');
    expect(r.code).toBe(0);
    const folder = join(dir, 'claims', 'claims');
    const names = readdirSync(folder).sort();
    expect(names.every((n) => n.endsWith('.claim.json'))).toBe(true);
    const est = cli('estimate', folder, '--jsonl');
    expect(est.err).toBe('');
    expect(est.code).toBe(0);
    const lines = est.out.trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string; claimTotal: number });
    expect(lines.map((l) => l.file)).toEqual(names.map((n) => join(folder, n)));
    expect(lines.every((l) => Number.isFinite(l.claimTotal))).toBe(true);
  }, 120_000);

  it('a bad --threads or --members exits 2 naming the option', () => {
    for (const args of [['--threads', '0'], ['--members', '1000001']]) {
      const r = cli('synth', '--members', '5', '--seed', '1', '--out', join(dir, 'bad'), ...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(args[0]);
    }
  }, 60_000);
});
