import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrueTypeFont } from '../../scripts/example-evidence/ttf';
import { cardSalesScreen, encodeScreen, tripListScreen } from '../../scripts/example-evidence/trip-history';

const ROOT = join(__dirname, '..', '..');

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'import', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Output = {
  stored: boolean;
  screenshots: { file: string; sha256: string; layout: string; rows: number }[];
  records: { date: string; hour: number | null; count: number; fare: number; confidence: number; flagged: boolean; screenshot: string }[];
  errors: { file: string; reason: { ko: string; en: string } }[];
};

const font = (w: string) => new TrueTypeFont(new Uint8Array(readFileSync(join(ROOT, `node_modules/@expo-google-fonts/noto-sans-kr/${w}/NotoSansKR_${w}.ttf`))));
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'od-shots-'));
  const fonts = { regular: font('400Regular'), bold: font('700Bold') };
  // A night shift crossing midnight, as a clean 2x PNG; a card-sales table as a blurred JPEG at quality 70.
  const night = tripListScreen(fonts, 2, '2022-10-14', [
    { time: '22:05', from: '마곡동', to: '공항동', fare: 17100 },
    { time: '22:48', from: '영등포동', to: '마곡동', fare: 12780 },
    { time: '23:30', from: '목동', to: '영등포동', fare: 16800 },
    { time: '00:12', from: '발산동', to: '공항동', fare: 9160 },
    { time: '00:57', from: '등촌동', to: '신정동', fare: 12900 },
  ]);
  writeFileSync(join(dir, 'night.png'), encodeScreen(night.raster, night.truth).bytes);
  const card = cardSalesScreen(fonts, 3, [
    { date: '2022-10-08', count: 8, amount: 74040 },
    { date: '2022-10-09', count: 40, amount: 478700 },
    { date: '2022-10-10', count: 29, amount: 486870 },
  ]);
  writeFileSync(join(dir, 'card.jpg'), encodeScreen(card.raster, card.truth, { jpegQuality: 70, blur: true, scale: 0.9 }).bytes);
  writeFileSync(join(dir, 'renamed.png'), '%PDF-1.7\n1 0 obj << >> endobj\n');
});

describe('outage-desk import <screenshots> (real OCR, child process)', () => {
  it('prints proposed records from a trip list and a card-sales table, storing nothing', () => {
    const r = cli(join(dir, 'night.png'), join(dir, 'card.jpg'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.stored).toBe(false);
    expect(out.screenshots.map((s) => [s.layout, s.rows])).toEqual([['trip-list', 5], ['card-sales', 3]]);
    const rows = out.records.map((p) => [p.date, p.hour, p.count, p.fare]);
    expect(rows).toEqual([
      ['2022-10-08', null, 8, 74040],
      ['2022-10-09', null, 40, 478700],
      ['2022-10-10', null, 29, 486870],
      ['2022-10-14', 22, 2, 29880],
      ['2022-10-14', 23, 1, 16800],
      // After midnight: the next calendar date.
      ['2022-10-15', 0, 2, 22060],
    ]);
    expect(out.records.every((p) => !p.flagged && p.confidence > 0)).toBe(true);
    expect(out.records[3]!.screenshot).toBe(join(dir, 'night.png'));
  });

  it('refuses a PDF renamed .png with a clear message and no records', () => {
    const r = cli(join(dir, 'renamed.png'), '--json');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.records).toEqual([]);
    expect(r.stderr).toContain('renamed.png: 이름은 그림 파일이지만 내용은 PDF예요');
    expect(r.stderr).toContain('it is a PDF');
  });
});
