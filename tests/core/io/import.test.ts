import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worksheet } from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { activityRecordSchema, MAX_CLAIM_RECORDS, type ActivityRecord } from '../../../src/core/model/record';
import { claimSchema } from '../../../src/core/model/claim';
import { DEFAULT_MAX_ROWS, ImportFileError, importActivityFile, previewActivityFile, slugifyChannel, type ImportOptions } from '../../../src/core/io';
import { iconvCp949Decoder } from '../../../src/core/io/cp949-iconv';

const SAMPLES = join(__dirname, '..', '..', '..', 'assets', 'samples');
const sample = (name: string) => new Uint8Array(readFileSync(join(SAMPLES, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const importText = (text: string, options: ImportOptions = {}) => importActivityFile(utf8(text), { fileName: 'test.csv', ...options });

const sum = (records: ActivityRecord[], pick: (r: ActivityRecord) => number) => records.reduce((s, r) => s + pick(r), 0);
const byDay = (records: ActivityRecord[], day: string) => records.filter((r) => r.bucket.startsWith(day));

async function expectFileError(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportFileError);
  expect((err as ImportFileError).code).toBe(code);
  expect((err as ImportFileError).message).toMatch(message);
}

describe('aggregated shape: the CP949 POS hourly sample', async () => {
  const bytes = sample('pos-hourly-2022-restaurant.csv');
  const result = await importActivityFile(bytes, { fileName: 'pos-hourly-2022-restaurant.csv', decodeCp949: iconvCp949Decoder });
  const text = iconv.decode(Buffer.from(bytes), 'cp949');
  const dataLines = text.trim().split('\r\n').slice(1);

  it('is CP949, hourly, aggregated, with the expected mapping and no errors', () => {
    expect(result.encoding).toBe('cp949');
    expect(result.granularity).toBe('hourly');
    expect(result.shape).toBe('aggregated');
    expect({ ...result.mapping }).toEqual({ date: '일자', hour: '시간', count: '건수', revenue: '매출액', channel: '결제수단' });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('has one valid record per data row, with the row number Excel shows', () => {
    expect(result.records).toHaveLength(dataLines.length);
    for (const r of result.records) expect(activityRecordSchema.parse(r)).toEqual(r);
    // Row 2 is the first data line: 2022-09-01 11:00, 카카오페이.
    const first = result.records.find((r) => r.provenance.kind === 'imported' && r.provenance.row === 2)!;
    const [date, hour, count, revenue] = dataLines[0]!.match(/^([^,]+),([^,]+),(\d+),"([\d,]+)"/)!.slice(1);
    expect(first.bucket).toBe(`${date}T${hour}+09:00`);
    expect(first.channel).toBe('kakao-pay');
    expect(first.count).toBe(Number(count));
    expect(first.revenue).toBe(Number(revenue!.replace(/,/g, '')));
    expect(first.provenance).toEqual({ kind: 'imported', fileSha256: result.fileSha256, fileName: 'pos-hourly-2022-restaurant.csv', row: 2 });
  });

  it('totals match the file, and the channels are card, kakao-pay, cash', () => {
    const fileTotal = dataLines.reduce((s, line) => s + Number(line.match(/"([\d,]+)"/)![1]!.replace(/,/g, '')), 0);
    expect(sum(result.records, (r) => r.revenue ?? 0)).toBe(fileTotal);
    expect(new Set(result.records.map((r) => r.channel))).toEqual(new Set(['card', 'kakao-pay', 'cash']));
  });

  it('decoded the store name and memo with 똠 햏 뷁 (the text the CLI would print)', async () => {
    const preview = await previewActivityFile(bytes, { decodeCp949: iconvCp949Decoder, rows: 3 });
    expect(preview.encoding).toBe('cp949');
    expect(preview.headers).toEqual(['일자', '시간', '건수', '매출액', '결제수단', '매장명', '메모']);
    expect(preview.rows[0]!.row).toBe(2);
    expect(preview.rows[0]!.cells[5]).toBe('똠얌꿍하우스 햏복점');
    expect(preview.rows[0]!.cells[6]).toBe('신메뉴 뷁볶음밥 출시');
    expect(preview.shape).toBe('aggregated');
    expect(preview.granularity).toBe('hourly');
  });

  it('shows the outage: no Kakao Pay sales on 15 Oct from 15:00, and a drop against earlier Saturdays', () => {
    const afternoon = (day: string) => byDay(result.records, day).filter((r) => Number(r.bucket.slice(11, 13)) >= 15);
    expect(afternoon('2022-10-15').filter((r) => r.channel === 'kakao-pay')).toEqual([]);
    const outage = sum(afternoon('2022-10-15'), (r) => r.revenue ?? 0);
    const earlier = ['2022-09-17', '2022-09-24', '2022-10-01', '2022-10-08'].map((d) => sum(afternoon(d), (r) => r.revenue ?? 0));
    expect(outage).toBeLessThan(0.7 * Math.min(...earlier));
  });
});

describe('card shape: the card-sales XLSX statement, read for real with exceljs', async () => {
  const result = await importActivityFile(sample('card-sales-daily-2022.xlsx'), { fileName: 'card-sales-daily-2022.xlsx' });

  it('finds the header under the title block, nets cancellations and skips the total row', () => {
    expect(result.format).toBe('xlsx');
    expect(result.encoding).toBe('xlsx');
    expect(result.sheetName).toBe('일별 승인내역');
    expect(result.headerRow).toBe(4);
    expect(result.shape).toBe('card');
    expect(result.granularity).toBe('daily');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([{ ko: '합계 행 1개는 건너뛰었어요', en: 'skipped 1 total row(s)' }]);
    expect(result.records).toHaveLength(61);
    expect(result.records[0]!.bucket).toBe('2022-09-01');
    expect(result.records[60]!.bucket).toBe('2022-10-31');
    expect(new Set(result.records.map((r) => r.channel))).toEqual(new Set(['card']));
    expect(result.records[0]!.provenance).toMatchObject({ kind: 'imported', row: 5 });
  });

  it('agrees with the POS card channel day by day (same restaurant)', async () => {
    const pos = await importActivityFile(sample('pos-hourly-2022-restaurant.csv'), { decodeCp949: iconvCp949Decoder });
    for (const day of result.records) {
      const posCard = byDay(pos.records, day.bucket).filter((r) => r.channel === 'card');
      expect([day.bucket, day.count, day.revenue]).toEqual([day.bucket, sum(posCard, (r) => r.count), sum(posCard, (r) => r.revenue ?? 0)]);
    }
  });

  it('reads a chosen sheet by name or position, and names the sheets when one is missing', async () => {
    await expectFileError(importActivityFile(sample('card-sales-daily-2022.xlsx'), { fileName: 'c.xlsx', sheet: '카드사별' }), 'missing-columns', /c\.xlsx: 필요한 열이 없어요: 일자/);
    const second = await previewActivityFile(sample('card-sales-daily-2022.xlsx'), { sheet: 2 });
    expect(second.sheetName).toBe('카드사별');
    expect(second.sheetNames).toEqual(['일별 승인내역', '카드사별']);
    expect(second.headers).toEqual(['카드사', '승인건수', '승인금액']);
    expect(second.rows[0]!.cells[0]).toBe('신한카드');
    await expectFileError(importActivityFile(sample('card-sales-daily-2022.xlsx'), { sheet: '없는시트' }), 'sheet-not-found', /일별 승인내역, 카드사별/);
  });
});

describe('card shape from text', () => {
  it('subtracts cancellations, takes negative-printed cancellations as amounts, defaults to channel card', async () => {
    const result = await importText('승인일자,승인건수,승인금액,취소건수,취소금액\n2022.10.14,20,"500,000",1,"-25,000"\n2022.10.15,10,"250,000",,\n');
    expect(result.shape).toBe('card');
    expect(result.errors).toEqual([]);
    expect(result.records.map(({ bucket, channel, count, revenue }) => [bucket, channel, count, revenue])).toEqual([
      ['2022-10-14', 'card', 19, 475_000],
      ['2022-10-15', 'card', 10, 250_000],
    ]);
  });

  it('refuses a day with more cancelled than approved', async () => {
    const result = await importText('승인일자,승인건수,승인금액,취소건수,취소금액\n2022-10-14,1,"10,000",2,"20,000"\n');
    expect(result.records).toEqual([]);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '취소건수'],
      [2, '취소금액'],
    ]);
  });
});

describe('transactions shape: the Kakao T trip history', async () => {
  const bytes = sample('kakao-t-trip-history-2022.csv');
  const result = await importActivityFile(bytes, { fileName: 'kakao-t-trip-history-2022.csv' });
  const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);

  it('is UTF-8 with BOM, detected as transactions, summed into hourly buckets', () => {
    expect(result.encoding).toBe('utf-8-bom');
    expect(result.shape).toBe('transactions');
    expect(result.granularity).toBe('hourly');
    expect(result.errors).toEqual([]);
    expect(sum(result.records, (r) => r.count)).toBe(lines.length);
    const fares = lines.reduce((s, l) => s + Number(l.match(/"([\d,]+)원"/)![1]!.replace(/,/g, '')), 0);
    expect(sum(result.records, (r) => r.revenue ?? 0)).toBe(fares);
    expect(new Set(result.records.map((r) => r.channel))).toEqual(new Set(['kakao-t', 'other-app']));
  });

  it('fares are 대리 fares and there is nothing on the night of 15 Oct', () => {
    for (const line of lines) {
      const fare = Number(line.match(/"([\d,]+)원"/)![1]!.replace(/,/g, ''));
      expect(fare).toBeGreaterThanOrEqual(10_000);
      expect(fare).toBeLessThanOrEqual(23_000);
    }
    const night = result.records.filter((r) => r.bucket >= '2022-10-15T15:00+09:00' && r.bucket < '2022-10-16T09:00+09:00');
    expect(night).toEqual([]);
    // ... while the other Saturday nights have calls.
    for (const sat of ['2022-10-08', '2022-10-01', '2022-09-24']) expect(byDay(result.records, sat).length).toBeGreaterThan(0);
  });

  it('adds trips in the same hour and app; the bucket keeps its first row', async () => {
    const r = await importText('운행일시,운임,앱\n2022-10-08 20:05,"15,000",카카오T\n2022-10-08 20:55,"12,000원",카카오 T\n2022-10-08 20:30,"18,000",티맵대리\n2022-10-09 00:10,"16,000",Kakao T\n');
    expect(r.shape).toBe('transactions');
    expect(r.records.map(({ bucket, channel, count, revenue, provenance }) => [bucket, channel, count, revenue, provenance.kind === 'imported' && provenance.row])).toEqual([
      ['2022-10-08T20:00+09:00', 'kakao-t', 2, 27_000, 2],
      ['2022-10-08T20:00+09:00', 'other-app', 1, 18_000, 4],
      ['2022-10-09T00:00+09:00', 'kakao-t', 1, 16_000, 5],
    ]);
  });

  it('can be chosen explicitly for a file that also has a count-like column', async () => {
    const r = await importText('일자,시간,건수,금액\n2022-10-08,20,1,15000\n2022-10-08,20,1,16000\n', { shape: 'transactions', channel: 'kakao-t' });
    expect(r.records.map(({ bucket, channel, count, revenue }) => [bucket, channel, count, revenue])).toEqual([['2022-10-08T20:00+09:00', 'kakao-t', 2, 31_000]]);
  });
});

describe('row errors: broken-rows.csv', async () => {
  const result = await importActivityFile(sample('broken-rows.csv'), { fileName: 'broken-rows.csv' });

  it('names each bad row as Excel numbers it, with column, value and reason', () => {
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [4, '일자', '2022-13-01'],
      [5, '건수', '-1'],
      [6, '매출액', '만오천원'],
      [7, '', '2022-10-09,20,1,15000,카카오T,덤'],
      [8, '시간', '25'],
      [9, '', '2022-10-08T20:00+09:00 kakao-t'],
    ]);
    for (const e of result.errors) {
      expect(e.reason.ko).toMatch(/[가-힣]/);
      expect(e.reason.en).toMatch(/^[^가-힣]*$/);
    }
    expect(result.errors[5]!.reason.ko).toContain('2행');
    expect(result.errors[5]!.reason.en).toContain('row 2');
  });

  it('keeps only the wholly valid rows (the duplicate pair is left out entirely)', () => {
    expect(result.records.map(({ bucket, channel, count, revenue, provenance }) => [bucket, channel, count, revenue, provenance.kind === 'imported' && provenance.row])).toEqual([
      ['2022-10-08T21:00+09:00', 'kakao-t', 2, 30_000, 3],
      ['2022-10-09T21:00+09:00', 'phone', 2, 28_000, 10],
    ]);
  });
});

describe('column mapping', () => {
  it('an explicit map overrides the guess and may use headers the guess does not know', async () => {
    const text = '영업일,구간,판매수량,실매출,경로,합계\n2022-10-15,20,3,"45,000",배민,99\n';
    await expectFileError(importText(text), 'no-header', /머리글 행/);
    const r = await importText(text, { mapping: { date: '영업일', hour: '구간', count: '판매수량', revenue: '실매출', channel: '경로' } });
    expect(r.errors).toEqual([]);
    expect(r.records.map(({ bucket, channel, count, revenue }) => [bucket, channel, count, revenue])).toEqual([['2022-10-15T20:00+09:00', 'other-app', 3, 45_000]]);
  });

  it('an explicit column takes the role from a guessed one, and an empty entry unmaps a role', async () => {
    const text = '일자,시간,건수,매출액,합계\n2022-10-15,20,3,"45,000","46,000"\n';
    const r = await importText(text, { mapping: { revenue: '합계', hour: '' } });
    expect(r.granularity).toBe('daily');
    expect(r.records.map(({ bucket, revenue }) => [bucket, revenue])).toEqual([['2022-10-15', 46_000]]);
  });

  it('names a mapped column that is not there, and an unknown role', async () => {
    await expectFileError(importText('일자,건수\n2022-10-15,3\n', { mapping: { count: '콜' } }), 'missing-columns', /test\.csv: '콜' 열이 없어요 \(있는 열: 일자, 건수\)/);
    await expectFileError(importText('일자,건수\n2022-10-15,3\n', { mapping: JSON.parse('{"__proto__":"일자"}') }), 'bad-mapping', /'__proto__'/);
  });

  it('names the missing columns for a shape', async () => {
    await expectFileError(importText('일자,매출액\n2022-10-15,3000\n'), 'missing-columns', /건수/);
    await expectFileError(importText('매출액,건수\n3000,1\n'), 'missing-columns', /일자/);
  });
});

describe('channels', () => {
  it('normalises known names, uses a channel map, slugifies and reports unknown ones', async () => {
    const text = '일자,건수,채널\n2022-10-15,1,카카오T\n2022-10-15,1,전화\n2022-10-15,1,요기요\n2022-10-15,1,네이버 페이\n2022-10-16,1,네이버 페이\n2022-10-15,1,단골장부\n2022-10-15,1,\n';
    const r = await importText(text, { channelMap: { 단골장부: 'walk-in' }, channel: 'phone' });
    expect(r.errors).toEqual([]);
    // The empty cell (row 8) takes the default channel and joins row 3's 전화 in the same bucket.
    expect(r.records.map((x) => [x.bucket, x.channel, x.count])).toEqual([
      ['2022-10-15', 'kakao-t', 1],
      ['2022-10-15', 'neibeo-pei', 1],
      ['2022-10-15', 'other-app', 1],
      ['2022-10-15', 'phone', 2],
      ['2022-10-15', 'walk-in', 1],
      ['2022-10-16', 'neibeo-pei', 1],
    ]);
    expect(r.unknownChannels).toEqual([{ value: '네이버 페이', id: 'neibeo-pei', rows: 2, firstRow: 5 }]);
    expect(r.warnings.map((w) => w.ko).join('\n')).toContain("'네이버 페이'");
  });

  it('keeps channel cells +1, -1 and 1 apart, and never adds two different unknown cells into one slug', async () => {
    const text = '일자,건수,채널\n2022-10-15,1,+1\n2022-10-15,2,-1\n2022-10-15,4,1\n2022-10-15,8,#1\n2022-10-15,16,＋1\n2022-10-15,32,−1\n';
    const r = await importText(text);
    expect(r.errors).toEqual([]);
    expect(r.records.map((x) => [x.channel, x.count])).toEqual([['1', 4], ['1-2', 8], ['minus-1', 34], ['plus-1', 17]]);
    expect(r.unknownChannels.map((u) => [u.value, u.id])).toEqual([['+1', 'plus-1'], ['-1', 'minus-1'], ['1', '1'], ['#1', '1-2'], ['＋1', 'plus-1'], ['−1', 'minus-1']]);
    expect(slugifyChannel('+1')).toBe('plus-1');
    expect(slugifyChannel('-1')).toBe('minus-1');
    expect(slugifyChannel('네이버 페이')).toBe('neibeo-pei');
  });

  it('adds up two spellings of one channel in one bucket (신용카드 + 체크카드 → card), and warns', async () => {
    const r = await importText('일자,시간,건수,매출액,결제수단\n2022-10-15,12,3,30000,신용카드\n2022-10-15,12,2,20000,체크카드\n');
    expect(r.errors).toEqual([]);
    expect(r.records.map(({ channel, count, revenue }) => [channel, count, revenue])).toEqual([['card', 5, 50_000]]);
    expect(r.warnings.map((w) => w.ko).join('\n')).toMatch(/더했어요/);
  });

  it('warns and uses "total" when there is no channel at all; rejects a bad channel option', async () => {
    const r = await importText('일자,건수\n2022-10-15,3\n');
    expect(r.records[0]!.channel).toBe('total');
    expect(r.warnings[0]!.ko).toMatch(/채널 열이 없어/);
    expect(r.warnings[0]!.en).toMatch(/^no channel column/);
    await expectFileError(importText('일자,건수\n2022-10-15,3\n', { channel: '카카오' }), 'bad-option', /채널 id/);
  });
});

describe('safety', () => {
  it('refuses NUL bytes with a clear message naming the file', async () => {
    const bytes = utf8('일자,건수\n2022-10-15,3\u0000\n');
    await expectFileError(importActivityFile(bytes, { fileName: 'evil.csv' }), 'nul-bytes', /^evil\.csv: .*NUL/);
  });

  it('gives ragged rows (too few or too many fields) row errors, tolerating blank trailing fields', async () => {
    const r = await importText('일자,건수,매출액\n2022-10-15,3\n2022-10-16,3,100,7\n2022-10-17,3,100,,\n\n2022-10-18,1,1\n');
    expect(r.errors.map((e) => e.row)).toEqual([2, 3]);
    expect(r.errors[0]!.reason).toEqual({ ko: '칸 수가 머리글과 달라요 (2칸, 머리글 3칸)', en: '2 fields where the header has 3' });
    // The blank line (row 5) keeps its place in the numbering.
    expect(r.records.map((x) => [x.bucket, x.provenance.kind === 'imported' && x.provenance.row])).toEqual([
      ['2022-10-17', 4],
      ['2022-10-18', 6],
    ]);
  });

  it('is not polluted by a __proto__ or constructor header', async () => {
    const r = await importText('__proto__,constructor,일자,건수,toString\n{"polluted":1},x,2022-10-15,3,y\n');
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const preview = await previewActivityFile(utf8('__proto__,일자,건수\nx,2022-10-15,3\n'));
    expect(preview.headers).toEqual(['__proto__', '일자', '건수']);
    expect(preview.rows[0]!.cells).toEqual(['x', '2022-10-15', '3']);
  });

  it('limits file size and row count with clear errors', async () => {
    await expectFileError(importText('일자,건수\n2022-10-15,3\n', { maxBytes: 10 }), 'too-large', /test\.csv: 파일이 너무 커요/);
    const rows = Array.from({ length: 12 }, (_, i) => `2022-10-${String(i + 1).padStart(2, '0')},1`).join('\n');
    await expectFileError(importText(`일자,건수\n${rows}\n`, { maxRows: 10 }), 'too-many-rows', /최대 10행/);
    const ok = await importText(`일자,건수\n${rows}\n`, { maxRows: 12 });
    expect(ok.records).toHaveLength(12);
  });

  it('takes at most as many rows per file as a claim holds records (the claim format cap)', async () => {
    expect(DEFAULT_MAX_ROWS).toBe(MAX_CLAIM_RECORDS);
    const schema = z.toJSONSchema(claimSchema, { io: 'input', unrepresentable: 'any' }) as unknown as { properties: { records: { maxItems: number } } };
    expect(schema.properties.records.maxItems).toBe(MAX_CLAIM_RECORDS);
    const rows = Array.from({ length: MAX_CLAIM_RECORDS + 1 }, () => '2022-10-15,1').join('\n');
    await expectFileError(importText(`일자,건수\n${rows}\n`), 'too-many-rows', /최대 500,000행/);
  });

  it('refuses legacy .xls, HTML disguised as .xls, empty files', async () => {
    await expectFileError(importActivityFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), 'unsupported-format', /\.xls/);
    await expectFileError(importActivityFile(utf8('<html><table><tr><td>일자</td></tr></table></html>'), { fileName: 'x.xls' }), 'unsupported-format', /HTML/);
    await expectFileError(importActivityFile(new Uint8Array()), 'empty', /빈 파일/);
    await expectFileError(importActivityFile(utf8('PK\u0003\u0004 not really a zip'), { fileName: 'bad.xlsx' }), 'unsupported-format', /bad\.xlsx: Excel/);
  });
});

describe('records', () => {
  it('hashes the file bytes with SHA-256', async () => {
    const bytes = sample('broken-rows.csv');
    const r = await importActivityFile(bytes);
    const { createHash } = await import('node:crypto');
    expect(r.fileSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('daily rows without revenue keep revenue null', async () => {
    const r = await importText('일자,건수,매출액\n2022-10-15,3,\n');
    expect(r.records[0]).toMatchObject({ bucket: '2022-10-15', count: 3, revenue: null });
  });
});

describe('XLSX date and time cells', () => {
  async function workbook(fill: (ws: Worksheet) => void, date1904 = false): Promise<Uint8Array> {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    if (date1904) wb.properties.date1904 = true;
    fill(wb.addWorksheet('운행'));
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads date-time cells, serial numbers and time-only cells as KST wall-clock hours', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['운행일시', '운임', '앱']);
      // A date-time cell as exceljs stores it (wall-clock in UTC fields), a bare serial, and text.
      ws.addRow([new Date(Date.UTC(2022, 9, 8, 20, 5)), 15_000, '카카오T']).getCell(1).numFmt = 'yyyy-mm-dd hh:mm';
      ws.addRow([44842 + 20 / 24 + 40 / 1440, 12_000, '카카오T']); // 2022-10-08 20:40 as a plain number
      ws.addRow(['2022-10-09 00:10', '16,000원', '카카오T']);
    });
    const r = await importActivityFile(bytes, { fileName: 'trips.xlsx' });
    expect(r.shape).toBe('transactions');
    expect(r.errors).toEqual([]);
    expect(r.records.map(({ bucket, count, revenue }) => [bucket, count, revenue])).toEqual([
      ['2022-10-08T20:00+09:00', 2, 27_000],
      ['2022-10-09T00:00+09:00', 1, 16_000],
    ]);
  });

  it('combines a date column with a time-only column, in the 1904 date system too', async () => {
    for (const date1904 of [false, true]) {
      const bytes = await workbook((ws) => {
        ws.addRow(['일자', '시간', '건수', '매출액']);
        const row = ws.addRow([new Date(Date.UTC(2022, 9, 15)), new Date(Date.UTC(1899, 11, 30, 20, 0)), 3, 45_000]);
        row.getCell(1).numFmt = 'yyyy-mm-dd';
        row.getCell(2).numFmt = 'hh:mm';
        ws.addRow([new Date(Date.UTC(2022, 9, 15)), 21, 2, 30_000]).getCell(1).numFmt = 'yyyy-mm-dd';
        ws.addRow(['2022-10-15', '오후 10:00', 1, '15,000']);
      }, date1904);
      const r = await importActivityFile(bytes, { fileName: 'pos.xlsx', channel: 'walk-in' });
      expect(r.errors).toEqual([]);
      expect(r.records.map(({ bucket, count }) => [bucket, count])).toEqual([
        ['2022-10-15T20:00+09:00', 3],
        ['2022-10-15T21:00+09:00', 2],
        ['2022-10-15T22:00+09:00', 1],
      ]);
      expect(r.records.map((x) => x.provenance.kind === 'imported' && x.provenance.row)).toEqual([2, 3, 4]);
    }
  });
});
