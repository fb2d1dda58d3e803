import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

/** The CLI as a user runs it: a real child process through tsx. */
function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'import', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'America/New_York' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Output = {
  file: string;
  encoding: string;
  granularity: string;
  shape: string;
  records: { bucket: string; channel: string; count: number; revenue: number | null; provenance: { row: number } }[];
  errors: { row: number; column: string; value: string; reason: string }[];
};

describe('outage-desk import (child process)', () => {
  it('reads the CP949 POS sample, extension syllables included', () => {
    const r = cli('assets/samples/pos-hourly-2022-restaurant.csv', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.file).toBe('assets/samples/pos-hourly-2022-restaurant.csv');
    expect(out.encoding).toBe('cp949');
    expect(out.granularity).toBe('hourly');
    expect(out.errors).toEqual([]);
    expect(out.records.length).toBeGreaterThan(1000);
    expect(out.records[0]).toMatchObject({ bucket: '2022-09-01T11:00+09:00', channel: 'kakao-pay', provenance: { row: 2 } });

    // The text columns, decoded through iconv-lite: 똠 햏 뷁 come out exactly.
    const preview = cli('assets/samples/pos-hourly-2022-restaurant.csv', '--preview', '2');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('CP949');
    expect(preview.stdout).toContain('2행: 2022-09-01 | 11:00 | 2 | 57,000 | 카카오페이 | 똠얌꿍하우스 햏복점 | 신메뉴 뷁볶음밥 출시');
    expect(preview.stdout).not.toContain('\uFFFD');
  });

  it('exits 2 on broken-rows.csv, listing the row numbers and reasons', () => {
    const r = cli('assets/samples/broken-rows.csv', '--json');
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.errors.map((e) => e.row)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(r.stderr).toContain('broken-rows.csv: 잘못된 행이 6개 있어요 / 6 bad row(s)');
    for (const row of [4, 5, 6, 7, 8, 9]) expect(r.stderr).toContain(`${row}행 / row ${row}`);
    expect(r.stderr).toContain("[일자] '2022-13-01': 없는 월이에요 / no such month");
    expect(r.stderr).toContain('9행 / row 9');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 naming a missing file', () => {
    const r = cli('assets/samples/no-such-file.csv', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('assets/samples/no-such-file.csv: 파일을 찾을 수 없어요 / file not found');
    expect(r.stdout).toBe('');
  });

  it('reads the card-sales XLSX and prints a Korean summary without --json', () => {
    const r = cli('assets/samples/card-sales-daily-2022.xlsx');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^card-sales-daily-2022\.xlsx: XLSX '일별 승인내역' 시트 · 일별 · 기록 61개 \(2022-09-01 ~ 2022-10-31\)/);
    expect(r.stdout).toMatch(/card: [\d,]+건, [\d,]+원/);
  });

  it('takes --map, --channel and --shape', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
    const file = join(dir, 'calls.csv');
    writeFileSync(file, '영업일,구간,콜,수입\n2022-10-08,20,3,"45,000"\n2022-10-08,21,2,"30,000"\n');
    const r = cli(file, '--map', 'date=영업일,hour=구간,count=콜,revenue=수입', '--channel', 'kakao-t', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.records.map(({ bucket, channel, count, revenue }) => [bucket, channel, count, revenue])).toEqual([
      ['2022-10-08T20:00+09:00', 'kakao-t', 3, 45_000],
      ['2022-10-08T21:00+09:00', 'kakao-t', 2, 30_000],
    ]);
    const asTrips = cli(file, '--map', 'date=영업일,hour=구간,revenue=수입', '--shape', 'transactions', '--channel', 'kakao-t', '--json');
    expect((JSON.parse(asTrips.stdout) as Output).records.map((x) => x.count)).toEqual([1, 1]);
  });

  it('exits 2 with a clear message on bad options', () => {
    const badKey = cli('assets/samples/broken-rows.csv', '--map', 'day=일자');
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain("알 수 없는 항목 'day'");
    const badShape = cli('assets/samples/broken-rows.csv', '--shape', 'weekly');
    expect(badShape.code).toBe(2);
    expect(badShape.stderr).toContain('--shape');
    const missingColumn = cli('assets/samples/broken-rows.csv', '--map', 'count=콜수');
    expect(missingColumn.code).toBe(2);
    expect(missingColumn.stderr).toContain("broken-rows.csv: '콜수' 열이 없어요");
  });
});
