import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `batch` at scale (issue 18): progress on stderr, and Ctrl-C leaves no half output folder (the outputs
 * are written into a hidden folder beside --out and renamed into place at the end). A real SIGINT to a
 * real child process, sent once its progress shows it is reading.
 */

const NOW = '2022-11-01T09:00+09:00';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('outage-desk batch: progress and interruption', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-batch-interrupt-'));
  const synth = cli('synth', '--members', '150', '--seed', '6', '--out', join(dir, 'synth'), '--no-pdf');
  const packets = join(dir, 'synth', 'packets');

  it('--progress prints the count, the rate and the time left on stderr; stdout and the outputs are as without it', () => {
    expect(synth.code).toBe(0);
    const r = cli('batch', packets, '--out', join(dir, 'out'), '--now', NOW, '--progress', '--threads', '1');
    expect(r.code).toBe(0);
    const lines = r.err.trim().split('\n');
    expect(lines[0]).toMatch(/^읽기·확인 1 \/ 151개/);
    expect(lines.some((l) => /^읽기·확인 151 \/ 151개 · 초당 [\d.,]+개 \/ reading 151 of 151 · [\d.,]+\/s$/.test(l))).toBe(true);
    expect(lines.some((l) => /^묶기 (\d+) \/ \1개 · 초당/.test(l))).toBe(true);
    const quiet = cli('batch', packets, '--out', join(dir, 'quiet'), '--now', NOW, '--threads', '1');
    expect(quiet.err).toBe('');
    expect(quiet.out.split('\n').slice(1, -2)).toEqual(r.out.split('\n').slice(1, -2));
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['batch-manifest.json', 'batch.zip', 'roster.csv', 'roster.xlsx', 'summary.pdf']);
    // Nothing hidden is left beside the output.
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('into an existing folder, the outputs replace their old copies and other files stay', () => {
    const existing = join(dir, 'existing');
    mkdirSync(existing);
    writeFileSync(join(existing, 'notes.txt'), 'mine');
    writeFileSync(join(existing, 'roster.csv'), 'old');
    const r = cli('batch', packets, '--out', existing, '--now', NOW, '--threads', '1');
    expect(r.code).toBe(0);
    expect(readdirSync(existing).sort()).toEqual(['batch-manifest.json', 'batch.zip', 'notes.txt', 'roster.csv', 'roster.xlsx', 'summary.pdf']);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('SIGINT while reading: exit 130, no output folder, no hidden folder left', async () => {
    const out = join(dir, 'interrupted');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'batch', packets, '--out', out, '--now', NOW, '--progress', '--threads', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Waits for a state (the first progress line), never for a time.
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d;
        if (stderr.includes('읽기·확인 1 / ')) resolve();
      });
      child.on('exit', () => reject(new Error(`batch ended before it was interrupted: ${stderr}`)));
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('interrupted (SIGINT): no output was written');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 120_000);
});
