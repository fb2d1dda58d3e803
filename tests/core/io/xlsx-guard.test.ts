import { crc32, createDeflateRaw } from 'node:zlib';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBatchItem } from '../../../src/core/batch/batch';
import { ImportFileError } from '../../../src/core/io';
import { readTable } from '../../../src/core/io/table';
import { rawZip, type RawEntry } from '../zip/raw-zip';
import { reasonLine } from '../../../src/core/batch/types';

/**
 * The XLSX decompression guard: a workbook passes the zip reader's limits (core/zip/workbook.ts) before
 * exceljs sees it. The hostile workbook is real: exceljs's own workbook with 300 MB of whitespace inside
 * the sheet XML, deflated as a stream (~300 KB), so neither the test nor the guard holds 300 MB.
 */

const SHEET = 'xl/worksheets/sheet1.xml';
const SPACES = 300;

let parts: Record<string, Uint8Array>;
let bomb: { compressed: Uint8Array; size: number; crc: number };

async function deflatedWithSpaces(xml: string): Promise<{ compressed: Uint8Array; size: number; crc: number }> {
  const at = xml.indexOf('<sheetData>') + '<sheetData>'.length;
  const head = Buffer.from(xml.slice(0, at));
  const tail = Buffer.from(xml.slice(at));
  const mb = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = crc32(head);
  deflate.write(head);
  for (let i = 0; i < SPACES; i++) {
    crc = crc32(mb, crc);
    if (!deflate.write(mb)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await done;
  return { compressed: new Uint8Array(Buffer.concat(out)), size: head.length + SPACES * mb.length + tail.length, crc };
}

function workbookWith(sheet: Partial<RawEntry>): Uint8Array {
  return rawZip(Object.entries(parts).map(([name, data]) => (name === SHEET ? { name, data, ...sheet } : { name, data })));
}

beforeAll(async () => {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('매출');
  ws.addRow(['날짜', '매출']);
  ws.addRow(['2022-10-15', 120000]);
  parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  bomb = await deflatedWithSpaces(new TextDecoder().decode(parts[SHEET]));
  expect(bomb.compressed.length).toBeLessThan(400 * 1024);
});

async function importRefusal(bytes: Uint8Array, fileName: string): Promise<ImportFileError> {
  try {
    await readTable(bytes, { fileName });
  } catch (err) {
    expect(err).toBeInstanceOf(ImportFileError);
    return err as ImportFileError;
  }
  throw new Error('the workbook was read');
}

describe('XLSX decompression guard', () => {
  it('still reads the honest workbook', async () => {
    const table = await readTable(workbookWith({}), { fileName: '매출.xlsx' });
    expect(table.rows).toHaveLength(1);
  });

  it('refuses a ~300 KB workbook holding 300 MB of whitespace before exceljs opens it, naming the file', async () => {
    const bytes = workbookWith({ data: new Uint8Array(0), compressed: bomb.compressed, declaredSize: bomb.size, crc: bomb.crc });
    expect(bytes.length).toBeLessThan(400 * 1024);
    const e = await importRefusal(bytes, '카드매출 2022.xlsx');
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/^카드매출 2022\.xlsx: Excel 파일의 압축을 풀면 너무 커서 열지 않았어요 \(.*\) \/ the workbook would inflate too far, so it was not opened \(.*zip bomb.*\)$/);
    // Each language's half names the file and says why in that language only.
    expect(e.text.ko).toMatch(/^카드매출 2022\.xlsx: Excel 파일의 압축을 풀면 너무 커서 열지 않았어요 \(압축률이 비정상이에요/);
    expect(e.text.en).toMatch(/^카드매출 2022\.xlsx: the workbook would inflate too far, so it was not opened \(suspicious compression ratio \(zip bomb\?\)/);
    expect(e.text.en.replace('카드매출', '')).not.toMatch(/[가-힣]/);
    const item = await readBatchItem('회원명단.xlsx', bytes);
    expect(reasonLine(item.invalid[0]!)).toMatch(/inflate too far/);
  });

  it('stops the same sheet when its headers claim 2 KB (the stream cap, not the header, decides)', async () => {
    const bytes = workbookWith({ data: new Uint8Array(0), compressed: bomb.compressed, declaredSize: 2048, crc: bomb.crc });
    const e = await importRefusal(bytes, '카드매출.xlsx');
    expect(e.code).toBe('unsupported-format');
    expect(e.message).toMatch(/^카드매출\.xlsx: .*xl\/worksheets\/sheet1\.xml.*declared size/);
  });
});
