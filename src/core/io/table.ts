import { bt, type BilingualText } from '../model/common';
import Papa from 'papaparse';
import type { CellValue, Workbook } from 'exceljs';
import { checkWorkbookZip, ZipError } from '../zip/index';
import { decodeText, type Cp949Decoder, type DetectedEncoding } from './encoding';
import { ImportFileError, type ImportRowError } from './errors';
import { normaliseHeader, recognisedHeaderCount, type ColumnMapping } from './headers';
import { cellText, isBlank, type Cell } from './values';
import { MAX_CLAIM_RECORDS } from '../model/record';

/**
 * Bytes → a table of cells with the row numbers Excel shows. CSV and XLSX end up in the same shape, so
 * the record builders never know which one they read.
 */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Agrees with the claim's own cap: a file with more rows than a claim can hold is refused while read. */
export const DEFAULT_MAX_ROWS = MAX_CLAIM_RECORDS;
/** A title block (store name, period, "조회결과") may sit above the header row: look this far down. */
const HEADER_SEARCH_ROWS = 20;

export type FileFormat = 'csv' | 'xlsx';
export type TableEncoding = DetectedEncoding | 'xlsx';

export type TableRow = { row: number; cells: Cell[] };

export type Table = {
  format: FileFormat;
  encoding: TableEncoding;
  sheetName?: string;
  sheetNames?: string[];
  date1904: boolean;
  /** Excel row number of the header row. */
  headerRow: number;
  headers: string[];
  /** Data rows below the header, blank rows dropped (their numbers are kept by the others). */
  rows: TableRow[];
  /** Structural problems found while reading (ragged rows, broken quotes). */
  rowErrors: ImportRowError[];
  warnings: BilingualText[];
};

export type ReadTableOptions = {
  fileName?: string;
  /** Sheet name, or a 1-based position ("the 2nd sheet"). Default: the first sheet. */
  sheet?: string | number;
  /** Header names the caller mapped explicitly: the header row must contain them. */
  mapping?: ColumnMapping;
  decodeCp949?: Cp949Decoder;
  maxBytes?: number;
  maxRows?: number;
  /** Preview: with no recognisable header, take the first non-blank row instead of failing. */
  headerFallback?: boolean;
};


export function sniffFormat(bytes: Uint8Array, fileName?: string): FileFormat {
  const b = bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    throw new ImportFileError('unsupported-format', bt('예전 Excel(.xls) 형식은 읽지 못해요. Excel에서 .xlsx나 CSV로 다시 저장해 주세요', 'legacy .xls is not supported: save as .xlsx or CSV'), fileName);
  }
  // Many Korean sites serve an HTML table named .xls.
  const head = new TextDecoder('latin1').decode(b.subarray(0, 512)).toLowerCase();
  if (/^\s*(<!doctype html|<html|<table|<meta)/.test(head)) {
    throw new ImportFileError('unsupported-format', bt('표가 아니라 웹 페이지(HTML) 파일이에요. Excel에서 열어 .xlsx나 CSV로 저장해 주세요', 'this is an HTML page, not a table: open it in Excel and save as .xlsx or CSV'), fileName);
  }
  return 'csv';
}

function checkSize(bytes: Uint8Array, options: ReadTableOptions): void {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new ImportFileError('too-large', bt(`파일이 너무 커요 (${mb(bytes.length)} MB, 최대 ${mb(maxBytes)} MB)`, `file too large (${mb(bytes.length)} MB, limit ${mb(maxBytes)} MB)`), options.fileName);
  }
  if (bytes.length === 0) throw new ImportFileError('empty', bt('빈 파일이에요', 'the file is empty'), options.fileName);
}

function tooManyRows(options: ReadTableOptions, maxRows: number): ImportFileError {
  return new ImportFileError('too-many-rows', bt(`행이 너무 많아요 (최대 ${maxRows.toLocaleString('en-US')}행). 기간을 나눠서 가져와 주세요`, `too many rows (limit ${maxRows.toLocaleString('en-US')}): split the file by period`), options.fileName);
}

/** Pick the header row: the first row holding every explicitly mapped header, else >= 2 recognised ones. */
function findHeaderIndex(rows: readonly Cell[][], options: ReadTableOptions): number {
  const wanted = Object.values(options.mapping ?? {}).filter((h): h is string => typeof h === 'string').map(normaliseHeader);
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const texts = rows[i]!.map(cellText);
    if (texts.every((t) => t === '')) continue;
    if (wanted.length > 0) {
      const present = new Set(texts.map(normaliseHeader));
      if (wanted.every((w) => present.has(w))) return i;
    } else if (recognisedHeaderCount(texts) >= 2) {
      return i;
    }
  }
  // A mapped header that is not in the file: take the usual header row so the mapping step can name
  // the missing column next to the ones that are there.
  if (wanted.length > 0) {
    for (let i = 0; i < limit; i++) if (recognisedHeaderCount(rows[i]!.map(cellText)) >= 2) return i;
  }
  if (options.headerFallback) {
    const first = rows.findIndex((r) => !r.every(isBlank));
    if (first >= 0) return first;
  }
  if (wanted.length > 0) {
    const quoted = Object.values(options.mapping ?? {}).map((h) => `'${h}'`).join(', ');
    throw new ImportFileError('missing-columns', bt(`지정한 열을 찾지 못했어요: ${quoted}`, `mapped columns not found in the first ${HEADER_SEARCH_ROWS} rows: ${quoted}`), options.fileName);
  }
  throw new ImportFileError('no-header', bt('머리글 행(일자, 시간, 건수, 매출액 같은 열 이름)을 찾지 못했어요. 열을 직접 지정해 주세요', `no header row with known column names (date, hour, count, revenue ...) in the first ${HEADER_SEARCH_ROWS} rows: map the columns explicitly`), options.fileName);
}

function buildTable(
  base: Pick<Table, 'format' | 'encoding' | 'sheetName' | 'sheetNames' | 'date1904'>,
  rawRows: Cell[][],
  rowNumberOf: (index: number) => number,
  options: ReadTableOptions,
  checkRagged: boolean,
): Table {
  const headerIndex = findHeaderIndex(rawRows, options);
  const headerCells = rawRows[headerIndex]!;
  // Trailing unnamed columns (a trailing comma on every line) are not columns.
  let width = headerCells.length;
  while (width > 0 && cellText(headerCells[width - 1]!) === '') width--;
  const headers = headerCells.slice(0, width).map(cellText);
  const warnings: BilingualText[] = [];
  const seen = new Map<string, number>();
  for (const h of headers) {
    const key = normaliseHeader(h);
    if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const [key, n] of seen) {
    if (n > 1) warnings.push(bt(`'${key}' 열이 ${n}개 있어요: 첫 번째 열을 써요`, `column '${key}' appears ${n} times: the first one is used`));
  }

  const rows: TableRow[] = [];
  const rowErrors: ImportRowError[] = [];
  for (let i = headerIndex + 1; i < rawRows.length; i++) {
    const cells = rawRows[i]!;
    if (cells.every(isBlank)) continue;
    const row = rowNumberOf(i);
    if (checkRagged && cells.length !== width) {
      const extraBlank = cells.length > width && cells.slice(width).every(isBlank);
      if (!extraBlank) {
        rowErrors.push({
          row,
          column: '',
          value: cells.map(cellText).join(','),
          reason: bt(`칸 수가 머리글과 달라요 (${cells.length}칸, 머리글 ${width}칸)`, `${cells.length} fields where the header has ${width}`),
        });
        continue;
      }
    }
    rows.push({ row, cells: cells.length > width ? cells.slice(0, width) : cells });
  }
  return { ...base, headerRow: rowNumberOf(headerIndex), headers, rows, rowErrors, warnings };
}

function readCsv(bytes: Uint8Array, options: ReadTableOptions): Table {
  const { text, encoding } = decodeText(bytes, options.decodeCp949);
  if (text.includes('\u0000')) {
    throw new ImportFileError('nul-bytes', bt('파일에 NUL 문자(0x00)가 있어요. 텍스트 CSV가 아니거나 손상된 파일이에요', 'the file contains NUL bytes: not a text CSV, or damaged'), options.fileName);
  }
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  // One pass: papaparse stops after the limit (+ header and title block) instead of reading a huge file.
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, preview: maxRows + HEADER_SEARCH_ROWS + 1 });
  const data = parsed.data;
  // A trailing newline yields one empty record: not a row.
  while (data.length > 0 && data[data.length - 1]!.every((c) => c.trim() === '')) data.pop();
  if (data.length === 0) throw new ImportFileError('empty', bt('내용이 없어요', 'no content'), options.fileName);
  const table = buildTable({ format: 'csv', encoding, date1904: false }, data, (i) => i + 1, options, true);
  if (table.rows.length + table.rowErrors.length > maxRows) throw tooManyRows(options, maxRows);
  for (const error of parsed.errors) {
    if (error.type === 'Quotes' && typeof error.row === 'number') {
      table.rowErrors.push({ row: error.row + 1, column: '', value: '', reason: bt('따옴표가 닫히지 않았어요', `unclosed quote (${error.code})`) });
    }
  }
  return table;
}

function xlsxCell(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return value.result === undefined ? null : xlsxCell(value.result as CellValue);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** The workbook through the zip reader's limits before exceljs sees it (core/zip/workbook.ts). */
function guardXlsx(bytes: Uint8Array, options: ReadTableOptions): void {
  try {
    checkWorkbookZip(bytes);
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    const tooBig = err.code === 'too-large' || err.code === 'ratio' || err.code === 'too-many-entries';
    const why = err.text;
    throw new ImportFileError(
      tooBig ? 'too-large' : 'unsupported-format',
      tooBig
        ? bt(`Excel 파일의 압축을 풀면 너무 커서 열지 않았어요 (${why.ko})`, `the workbook would inflate too far, so it was not opened (${why.en})`)
        : bt(`Excel(.xlsx) 파일이 손상됐거나 안전하지 않아요 (${why.ko})`, `the .xlsx file is damaged or unsafe (${why.en})`),
      options.fileName,
    );
  }
}

async function readXlsx(bytes: Uint8Array, options: ReadTableOptions): Promise<Table> {
  guardXlsx(bytes, options);
  // exceljs is about a megabyte: load it only when an .xlsx actually arrives.
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (err) {
    throw new ImportFileError('unsupported-format', bt('Excel(.xlsx) 파일을 열지 못했어요', `could not open the .xlsx file (${err instanceof Error ? err.message : String(err)})`), options.fileName);
  }
  const sheets = workbook.worksheets;
  const sheetNames = sheets.map((s) => s.name);
  let sheet: (typeof sheets)[number] | undefined = sheets[0];
  if (options.sheet !== undefined) {
    const wanted = options.sheet;
    sheet = sheets.find((s) => s.name === String(wanted));
    if (!sheet && /^\d+$/.test(String(wanted))) sheet = sheets[Number(wanted) - 1];
    if (!sheet) {
      throw new ImportFileError('sheet-not-found', bt(`'${String(wanted)}' 시트가 없어요 (있는 시트: ${sheetNames.join(', ')})`, `no sheet '${String(wanted)}' (sheets: ${sheetNames.join(', ')})`), options.fileName);
    }
  }
  if (!sheet) throw new ImportFileError('empty', bt('시트가 없어요', 'the workbook has no sheets'), options.fileName);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (sheet.actualRowCount > maxRows + HEADER_SEARCH_ROWS + 1) throw tooManyRows(options, maxRows);

  const rawRows: Cell[][] = [];
  const rowNumbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    const count = row.cellCount;
    for (let c = 1; c <= count; c++) cells.push(xlsxCell(row.getCell(c).value));
    rawRows.push(cells);
    rowNumbers.push(rowNumber);
  });
  if (rawRows.length === 0) throw new ImportFileError('empty', bt(`'${sheet.name}' 시트가 비어 있어요`, `sheet '${sheet.name}' is empty`), options.fileName);
  const date1904 = Boolean(workbook.properties?.date1904);
  const table = buildTable({ format: 'xlsx', encoding: 'xlsx', sheetName: sheet.name, sheetNames, date1904 }, rawRows, (i) => rowNumbers[i]!, options, false);
  if (table.rows.length > maxRows) throw tooManyRows(options, maxRows);
  return table;
}

export async function readTable(bytes: Uint8Array, options: ReadTableOptions = {}): Promise<Table> {
  checkSize(bytes, options);
  return sniffFormat(bytes, options.fileName) === 'xlsx' ? readXlsx(bytes, options) : readCsv(bytes, options);
}
