import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The batch CLI's worker-thread read pool must give exactly what the single-threaded read gives. */

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'America/Los_Angeles' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const NOW = '2022-11-01T09:00+09:00';

/**
 * Every output file, byte for byte: the same --now gives the same manifest times, and roster.xlsx's zip entries
 * carry the injected clock (exceljs stamped the wall clock until round 9, so its hash was set aside).
 */
function sameFolder(a: string, b: string): void {
  const names = readdirSync(a).sort();
  expect(names).toEqual(readdirSync(b).sort());
  for (const name of names) expect(Buffer.compare(readFileSync(join(a, name)), readFileSync(join(b, name))), name).toBe(0);
}

const invalidList = (out: string) => out.slice(out.indexOf('오류가 있는 항목'));

describe('outage-desk batch --threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-batch-threads-'));
  const synth = cli('synth', '--members', '60', '--seed', '3', '--out', join(dir, 'synth'), '--no-pdf');
  const packets = join(dir, 'synth', 'packets');
  // Invalid items of three kinds, so the invalid list and its order are compared too.
  writeFileSync(join(packets, 'random.zip'), Uint8Array.from({ length: 2000 }, (_, i) => (i * 31) % 256));
  writeFileSync(join(packets, 'notes.json'), '{"hello": "world"}');
  writeFileSync(join(packets, 'broken.json'), '{"format": ');

  it('the pool (2 threads) and --threads 1 write the same roster, manifest, exit code and invalid list', () => {
    expect(synth.code).toBe(0);
    const pooled = cli('batch', packets, '--out', join(dir, 'pooled'), '--now', NOW, '--threads', '2');
    const single = cli('batch', packets, '--out', join(dir, 'single'), '--now', NOW, '--threads', '1');
    expect(pooled.err).toBe('');
    expect(single.err).toBe('');
    expect(pooled.out).toContain('스레드 2개');
    expect(single.out).toContain('스레드 1개');
    expect(pooled.code).toBe(2);
    expect(single.code).toBe(pooled.code);
    expect(invalidList(pooled.out)).toContain('random.zip');
    expect(invalidList(pooled.out)).toContain('broken.json');
    expect(invalidList(pooled.out)).toBe(invalidList(single.out));
    expect(readFileSync(join(dir, 'pooled', 'roster.csv')).equals(readFileSync(join(dir, 'single', 'roster.csv')))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'pooled', 'batch-manifest.json'), 'utf8')) as { counts: { invalid: number; kept: number }; pairs: { rules: string[] }[] };
    expect(manifest.counts.invalid).toBe(3);
    // The pool searches part of the names on one of its threads: near-identical names were found there too.
    expect(manifest.pairs.some((p) => p.rules.includes('similar-name'))).toBe(true);
    expect(manifest.counts.kept).toBeGreaterThan(50);
    sameFolder(join(dir, 'pooled'), join(dir, 'single'));
  }, 120_000);

  it('the default is a pool as large as the machine allows, with the same result', () => {
    const auto = cli('batch', packets, '--out', join(dir, 'auto'), '--now', NOW);
    expect(auto.err).toBe('');
    expect(auto.code).toBe(2);
    expect(readFileSync(join(dir, 'auto', 'roster.csv')).equals(readFileSync(join(dir, 'single', 'roster.csv')))).toBe(true);
    sameFolder(join(dir, 'auto'), join(dir, 'single'));
  }, 120_000);

  it('a bad --threads exits 2 with a clear message', () => {
    for (const bad of ['0', '9', 'two', '1.5']) {
      const r = cli('batch', packets, '--out', join(dir, 'bad'), '--threads', bad);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--threads');
      expect(r.err).not.toContain('    at ');
    }
  }, 120_000);
});
