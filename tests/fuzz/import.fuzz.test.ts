import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { importActivityFile, ImportFileError, type ImportResult } from '../../src/core/io';
import { iconvCp949Decoder } from '../../src/core/io/cp949-iconv';
import { activityRecordSchema } from '../../src/core/model/record';
import { joined } from '../../src/core/model/common';
import { OutageDeskDB } from '../../src/db/database';
import { createClaim } from '../../src/db/claims';
import { importRecords, putRecords, RecordInputError } from '../../src/db/records';
import { freshName } from '../db/harness';
import { fullDump } from '../db/backup-dump';
import { badDateArb, expectBilingual, expectPrototypeClean, hostileValueArb, prototypeSnapshot, runs } from './helpers';

/**
 * The CSV/XLSX importer: bytes in, records plus row errors out, or an ImportFileError for the whole file.
 * Every record that comes out must pass the record schema; every error must name the file or the row.
 */

const sample = (name: string) => new Uint8Array(readFileSync(new URL(`../../assets/samples/${name}`, import.meta.url)));
const enc = (text: string) => new TextEncoder().encode(text);

async function importSafely(bytes: Uint8Array, fileName: string): Promise<ImportResult | ImportFileError> {
  try {
    return await importActivityFile(bytes, { fileName, decodeCp949: iconvCp949Decoder });
  } catch (err) {
    expect(err).toBeInstanceOf(ImportFileError);
    const e = err as ImportFileError;
    expectBilingual(e.message);
    // A file-level error names the file (the UI shows several files' errors together).
    if (e.code !== 'decoder-unavailable' && e.code !== 'bad-option') expect(e.message.startsWith(`${fileName}: `)).toBe(true);
    return e;
  }
}

function expectSoundResult(result: ImportResult): void {
  for (const r of result.records) expect(activityRecordSchema.safeParse(r).success).toBe(true);
  for (const e of result.errors) {
    expect(Number.isInteger(e.row) && e.row >= 1).toBe(true);
    expectBilingual(joined(e.reason));
    expect(e.reason.ko).toMatch(/[가-힣]/);
    expect(e.reason.en).not.toMatch(/[가-힣]/);
  }
}

const before = prototypeSnapshot();
afterAll(() => expectPrototypeClean(before));

describe('CSV/XLSX importer under hostile input', () => {
  it('the real samples import (the mutations start from working files)', async () => {
    const r = await importSafely(sample('pos-hourly-2022-restaurant.csv'), 'pos.csv');
    expect(r).not.toBeInstanceOf(ImportFileError);
    expect((r as ImportResult).records.length).toBeGreaterThan(100);
  });

  it('random bytes as .csv: records that pass the schema, or a file error naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        const r = await importSafely(bytes, '무작위.csv');
        if (!(r instanceof ImportFileError)) expectSoundResult(r);
      }),
      runs(200),
    );
  });

  it('random bytes as .xlsx (zip magic, a zip of junk, a cut workbook): a clear "could not open" error', async () => {
    const workbook = sample('card-sales-daily-2022.xlsx');
    const arb = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
      fc.uint8Array({ minLength: 1, maxLength: 500 }).map((b) => zipSync({ '[Content_Types].xml': b, 'xl/workbook.xml': b })),
      fc.integer({ min: 10, max: workbook.length - 10 }).map((n) => workbook.subarray(0, n)),
      fc.tuple(fc.integer({ min: 0, max: workbook.length - 1 }), fc.integer({ min: 1, max: 255 })).map(([at, x]) => {
        const copy = workbook.slice();
        copy[at]! ^= x;
        return copy;
      }),
    );
    await fc.assert(
      fc.asyncProperty(arb, async (bytes) => {
        const r = await importSafely(bytes, '카드매출.xlsx');
        if (!(r instanceof ImportFileError)) expectSoundResult(r);
      }),
      runs(100),
    );
  });

  it('ragged rows: each short or long row becomes a row error with its Excel row number, the rest import', async () => {
    const rowArb = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      count: fc.integer({ min: 0, max: 50 }),
      cells: fc.integer({ min: 1, max: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 40 }), async (rows) => {
        const lines = ['일자,시간,건수,매출액,채널'];
        const ragged = new Set<number>();
        const slots = new Set<string>();
        rows.forEach((r, i) => {
          const full = [`2022-09-${String(r.day).padStart(2, '0')}`, String(r.hour), String(r.count), String(r.count * 1000), '카카오T'];
          const cells = r.cells === 5 ? full : r.cells < 5 ? full.slice(0, r.cells) : [...full, ...Array.from({ length: r.cells - 5 }, () => 'x')];
          if (r.cells !== 5) ragged.add(i + 2);
          else slots.add(`${r.day}-${r.hour}`);
          lines.push(cells.join(','));
        });
        const r = await importSafely(enc(`${lines.join('\n')}\n`), 'ragged.csv');
        expect(r).not.toBeInstanceOf(ImportFileError);
        const result = r as ImportResult;
        expectSoundResult(result);
        const errorRows = new Set(result.errors.map((e) => e.row));
        for (const row of ragged) expect(errorRows.has(row)).toBe(true);
        expect(result.errors.filter((e) => ragged.has(e.row)).every((e) => /칸 수/.test(e.reason.ko) && /fields/.test(e.reason.en))).toBe(true);
        if (slots.size > 0) expect(result.records.length).toBeGreaterThan(0);
      }),
      runs(150),
    );
  });

  it('hostile cell values (negative counts, amounts over 10^12, impossible dates, NaN) become row errors, never records', async () => {
    const cellArb = fc.oneof(hostileValueArb.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))), badDateArb);
    await fc.assert(
      fc.asyncProperty(cellArb, fc.constantFrom(0, 1, 2, 3), async (value, column) => {
        const good = ['2022-09-03', '20', '3', '45000', '카카오T'];
        const bad = [...good];
        bad[column] = `"${value.replaceAll('"', '""')}"`;
        const r = await importSafely(enc(`일자,시간,건수,매출액,채널\n${good.join(',')}\n${bad.join(',')}\n`), 'hostile.csv');
        if (r instanceof ImportFileError) return;
        expectSoundResult(r);
        // Whatever row 3 became, it is a valid record or an error naming row 3.
        const row3 = r.records.filter((x) => x.provenance.kind === 'imported' && x.provenance.row === 3);
        if (row3.length === 0) expect(r.errors.some((e) => e.row === 3)).toBe(true);
      }),
      runs(200),
    );
    const r = (await importSafely(enc('일자,시간,건수,매출액,채널\n2022-02-30,20,3,45000,카카오T\n2022-09-03,20,-4,45000,카카오T\n2022-09-03,21,3,"2,000,000,000,000",카카오T\n'), 'bad.csv')) as ImportResult;
    expect(r.records).toEqual([]);
    expect(r.errors.map((e) => e.row).sort()).toEqual([2, 3, 4]);
  });

  it('embedded NULs are refused as "not a text CSV", naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 60 }), async (at) => {
        const text = enc('일자,시간,건수,매출액\n2022-09-03,20,3,45000\n2022-09-03,21,2,30000\n');
        const bytes = new Uint8Array([...text.subarray(0, at), 0, ...text.subarray(at)]);
        const r = await importSafely(bytes, 'nul.csv');
        expect(r).toBeInstanceOf(ImportFileError);
        expect((r as ImportFileError).code).toBe('nul-bytes');
      }),
      runs(60),
    );
  });

  it('wrong encodings (UTF-16 without BOM, CP949, Shift_JIS, Latin-1) never crash', async () => {
    const text = '일자,시간,건수,매출액,채널\n2022-09-03,20,3,"45,000",카카오T\n';
    const variants: [string, Uint8Array][] = [
      ['utf16le-no-bom', new Uint8Array(iconv.encode(text, 'utf16le'))],
      ['utf16be-bom', new Uint8Array(iconv.encode(`\ufeff${text}`, 'utf16be'))],
      ['cp949', new Uint8Array(iconv.encode(text, 'cp949'))],
      ['shift_jis', new Uint8Array(iconv.encode('日付,時間,件数\n2022-09-03,20,3\n', 'shift_jis'))],
      ['latin1', new Uint8Array(iconv.encode('date,hour,count,revenue\n2022-09-03,20,3,45000 \u00e9\n', 'latin1'))],
    ];
    for (const [name, bytes] of variants) {
      const r = await importSafely(bytes, `${name}.csv`);
      if (!(r instanceof ImportFileError)) expectSoundResult(r);
    }
    const cp = await importSafely(variants[2]![1], 'cp949.csv');
    expect(cp).not.toBeInstanceOf(ImportFileError);
    expect((cp as ImportResult).encoding).toBe('cp949');
    expect((cp as ImportResult).records).toHaveLength(1);
  });

  it('1,000,001 data rows generated in memory: a clear "too many rows" error', async () => {
    const line = '2022-09-03,20,3,45000,카카오T\n';
    const bytes = enc(`일자,시간,건수,매출액,채널\n${line.repeat(1_000_001)}`);
    expect(bytes.length).toBeLessThan(50 * 1024 * 1024);
    const r = await importSafely(bytes, 'million.csv');
    expect(r).toBeInstanceOf(ImportFileError);
    expect((r as ImportFileError).code).toBe('too-many-rows');
    expect((r as ImportFileError).message).toMatch(/million\.csv: 행이 너무 많아요 \(최대 500,000행\)/);
  });

  it('a file over the size cap is refused before it is decoded', async () => {
    const r = await importActivityFile(new Uint8Array(2048), { fileName: 'big.csv', maxBytes: 1024 }).catch((e: unknown) => e);
    expect(r).toBeInstanceOf(ImportFileError);
    expect((r as ImportFileError).code).toBe('too-large');
  });
});

describe('storing imported records: a bad row stores nothing', () => {
  const dbs: OutageDeskDB[] = [];
  afterAll(() => dbs.forEach((db) => db.close()));

  it('hostile record arrays are refused by row and field, and the database is unchanged', async () => {
    const db = new OutageDeskDB(freshName('fuzz-import'));
    await db.open();
    dbs.push(db);
    const claim = await createClaim(db, { title: '가게' });
    await putRecords(db, claim.id, [{ bucket: '2022-09-03', channel: 'walk-in', count: 3, provenance: { kind: 'logged' } }]);
    const dumpBefore = await fullDump(db.name);
    const good = { bucket: '2022-09-04', channel: 'walk-in', count: 2, provenance: { kind: 'logged' } };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom('bucket', 'channel', 'count', 'revenue', 'provenance'),
        fc.oneof(hostileValueArb, badDateArb),
        async (at, field, value) => {
          const bad = { ...good, [field]: value };
          if (activityRecordSchema.safeParse(bad).success) return; // a value the schema accepts is not hostile
          const records = Array.from({ length: 6 }, (_, i) => (i === at ? bad : { ...good, bucket: `2022-09-${String(10 + i)}` }));
          for (const store of [
            () => putRecords(db, claim.id, records),
            () => importRecords(db, claim.id, { sha256: 'a'.repeat(64), fileName: 'x.csv' }, records),
          ]) {
            const e = await store().catch((err: unknown) => err);
            expect(e).toBeInstanceOf(RecordInputError);
            expect((e as Error).message).toContain(`${at + 1}번째 기록, ${field}`);
          }
        },
      ),
      runs(100),
    );
    expect(await fullDump(db.name)).toEqual(dumpBefore);
  });

  it('a __proto__ key in an imported row does not reach the database or Object.prototype', async () => {
    const db = new OutageDeskDB(freshName('fuzz-proto'));
    await db.open();
    dbs.push(db);
    const claim = await createClaim(db, { title: '가게' });
    const row = JSON.parse('{"bucket":"2022-09-03","channel":"walk-in","count":1,"provenance":{"kind":"logged"},"__proto__":{"polluted":"yes"}}');
    await putRecords(db, claim.id, [row]);
    const stored = await db.records.toArray();
    expect(stored).toHaveLength(1);
    expect(Object.keys(stored[0]!)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
