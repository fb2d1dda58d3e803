import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZipSafely } from '../../src/core/packet/zip';

/** synth and batch as an association runs them: child processes, real folders, exit codes, the files written. */

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'America/Los_Angeles' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const NOW = '2022-11-01T09:00+09:00';

describe('outage-desk synth / batch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-batch-'));
  const synth = cli('synth', '--members', '30', '--seed', '5', '--out', join(dir, 'synth'), '--no-pdf');
  const planted = JSON.parse(readFileSync(join(dir, 'synth', 'planted.json'), 'utf8')) as { files: number; planted: { rule: string; files: string[] }[] };

  it('synth writes the packets and lists what it planted', () => {
    expect(synth.err).toBe('');
    expect(synth.code).toBe(0);
    expect(readdirSync(join(dir, 'synth', 'packets'))).toHaveLength(planted.files);
    expect(planted.planted.map((p) => p.rule).sort()).toEqual(['bank-account', 'business-number', 'mobile', 'same-packet', 'similar-name']);
  });

  it('a clean batch exits 0 and writes the roster (BOM), workbook, summary PDF, manifest and the zip', () => {
    const out = join(dir, 'out');
    const r = cli('batch', join(dir, 'synth', 'packets'), '--out', out, '--now', NOW);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('집계 회원 27명');
    expect(r.out).toContain('중복으로 뺀 회원 4명');
    expect(r.out).toContain('중복 의심 1쌍');
    expect(readdirSync(out).sort()).toEqual(['batch-manifest.json', 'batch.zip', 'roster.csv', 'roster.xlsx', 'summary.pdf']);
    const csv = readFileSync(join(out, 'roster.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(1 + planted.files);
    const manifest = JSON.parse(readFileSync(join(out, 'batch-manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'outage-loss-desk/batch', madeAt: '2022-11-01T09:00:00+09:00', redacted: false, counts: { kept: 27, invalid: 0, duplicatesRemoved: 4 } });
    expect(manifest.decisions).toHaveLength(4);
    const zip = readZipSafely(new Uint8Array(readFileSync(join(out, 'batch.zip'))));
    expect([...zip.keys()].filter((p) => p.startsWith('packets/'))).toHaveLength(27);
    // Every file in the zip is listed with its hash, and the zip's manifest is the one written beside it.
    for (const f of manifest.files) expect(zip.get(f.path)!.length).toBe(f.size);
    expect(new TextDecoder().decode(zip.get('batch-manifest.json'))).toBe(readFileSync(join(out, 'batch-manifest.json'), 'utf8'));
    const text = spawnSync('pdftotext', ['-layout', join(out, 'summary.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('피해 서비스별 (복수 응답)');
    expect(text).toContain('카카오 소상공인 보상 기준 구간');
    expect(text).toMatch(/집계한 회원\s+27/);
    // The heading, then the outage on a line of its own (its name ends in brackets: never nested in more).
    expect(text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2)).toEqual(['회원 피해 집계', '카카오 서비스 장애 (2022년 10월 판교 데이터센터 화재)']);
  });

  it('invalid items exit 2 and are listed with file and reason; --redact masks every shared output', () => {
    writeFileSync(join(dir, 'synth', 'packets', 'random.zip'), Uint8Array.from({ length: 2000 }, (_, i) => (i * 31) % 256));
    writeFileSync(join(dir, 'synth', 'packets', 'notes.json'), '{"hello": "world"}');
    const out = join(dir, 'redacted');
    const r = cli('batch', join(dir, 'synth', 'packets'), '--out', out, '--redact', '--now', NOW);
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/- packets\/notes\.json: format: 청구 파일이 아니에요/);
    expect(r.out).toMatch(/- packets\/random\.zip: zip 파일을 읽을 수 없어요/);
    const shared: [string, string][] = [];
    for (const name of ['roster.csv', 'batch-manifest.json']) shared.push([name, readFileSync(join(out, name), 'utf8')]);
    shared.push(['summary.pdf', spawnSync('pdftotext', [join(out, 'summary.pdf'), '-'], { encoding: 'utf8' }).stdout]);
    const zip = readZipSafely(new Uint8Array(readFileSync(join(out, 'batch.zip'))));
    expect([...zip.keys()].sort()).toEqual(['batch-manifest.json', 'roster.csv', 'roster.xlsx', 'summary.pdf']);
    for (const [path, bytes] of zip) if (path.endsWith('.csv') || path.endsWith('.json')) shared.push([`zip:${path}`, new TextDecoder().decode(bytes)]);
    for (const [name, text] of shared) {
      expect(text, name).not.toMatch(/01[016789]-\d{3,4}-\d{4}/);
      expect(text, name).not.toMatch(/\d{3}-\d{2}-\d{5}/);
      expect(text, name).not.toMatch(/\d{6}-\d{2}-\d{6}/);
    }
    expect(shared[0]![1]).toMatch(/010-\*{4}-\d{4}/);
    expect(shared[0]![1]).toMatch(/\d{3}-\d{2}-\*{5}/);
  });

  it('bad arguments exit 2 with the usage, never a stack trace', () => {
    const r = cli('batch', '--out', join(dir, 'x'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('사용법 / usage');
    const s = cli('synth', '--members', 'ten', '--seed', '1', '--out', join(dir, 'y'));
    expect(s.code).toBe(2);
    expect(s.err).toContain('--members');
    const missing = cli('batch', join(dir, 'nope'), '--out', join(dir, 'z'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('파일이나 폴더를 찾을 수 없어요');
  });

  it('nothing to read exits 2 and leaves nothing behind: no output folder, no hidden work folder, not even the parent of --out', () => {
    const empty = join(dir, 'empty-input');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.md'), 'not a batch file');
    const parent = join(dir, 'not-made');
    // The read pool starts before the files are listed: it must stop, and have written nothing, when there are none.
    for (const threads of ['1', '2']) {
      const r = cli('batch', empty, '--out', join(parent, 'out'), '--threads', threads);
      expect(r.code).toBe(2);
      expect(r.err).toContain('읽을 파일이 없어요');
      expect(r.err).not.toContain('internal error');
      expect(existsSync(parent)).toBe(false);
    }
    expect(readdirSync(dir).filter((name) => name.includes('.partial-'))).toEqual([]);
  });
});
