/**
 * The import wizard's heavy work, run inside import.worker.ts (and in-process in tests): hashing,
 * decoding, reading the table and building records, all through core/io. Stateless: every request
 * carries the file's bytes, so a cancelled (terminated) worker loses nothing.
 */
import { createChannelResolver, fileSha256, importActivityFile, previewActivityFile } from '../../core/io';
import type { ColumnRole, Cp949Decoder, ImportPreview, ImportRowError, ImportShape } from '../../core/io';
import { readTable } from '../../core/io/table';
import type { Table } from '../../core/io/table';
import { cellText, excelSerialParts } from '../../core/io/values';
import type { Cell } from '../../core/io/values';
import type { ActivityRecord } from '../../core/model/record';
import type { BilingualText } from '../../core/model/common';

/** Rows whose channel the user chose to leave out go to this id, and are dropped before storing. */
export const SKIP_CHANNEL = 'skipped-in-import';
/** The channel choice for rows with no channel value (no channel column, or an empty cell). */
export const BLANK_CHANNEL = '';
export const PREVIEW_ROWS = 8;

/** `saving` runs on the page (the database write), the others in the worker. */
export type ImportStage = 'hashing' | 'reading' | 'building' | 'saving';
export interface ImportProgress {
  stage: ImportStage;
  /** Steps done of `total` (the whole file is one step of core/io; there is no finer measure). */
  done: number;
  total: number;
}
export type ProgressListener = (progress: ImportProgress) => void;

export interface OpenRequest {
  bytes: Uint8Array;
  fileName: string;
  sheet?: string;
}

export interface OpenResponse {
  sha256: string;
  preview: ImportPreview;
}

export interface BuildRequest {
  bytes: Uint8Array;
  fileName: string;
  sha256: string;
  sheet?: string;
  /** Every role: the header it takes, or '' for none. */
  mapping: Partial<Record<ColumnRole, string>>;
  shape: ImportShape;
  /** Raw channel value → claim channel id (or SKIP_CHANNEL); BLANK_CHANNEL for rows without one. */
  channelChoice: Record<string, string>;
  /** New text for a cell that failed, by Excel row number and header. */
  fixes: { row: number; column: string; value: string }[];
  /** Rows the user chose to leave out. */
  skips: number[];
}

export interface ChannelValue {
  /** As written in the file; '' for rows without a channel. */
  raw: string;
  rows: number;
  firstRow: number;
  /** The id core/io's channel table gives it (may not be one of the claim's channels). */
  suggested: string;
}

export interface BuildResponse {
  records: ActivityRecord[];
  errors: (ImportRowError & { fixable: boolean })[];
  warnings: BilingualText[];
  granularity: 'hourly' | 'daily';
  shape: ImportShape;
  channelValues: ChannelValue[];
  /** Records left out because their channel was set to "leave out". */
  skippedByChannel: number;
}

export async function openImportFile(req: OpenRequest, decodeCp949: Cp949Decoder | undefined, onProgress: ProgressListener): Promise<OpenResponse> {
  onProgress({ stage: 'hashing', done: 0, total: 2 });
  const sha256 = await fileSha256(req.bytes);
  onProgress({ stage: 'reading', done: 1, total: 2 });
  const preview = await previewActivityFile(req.bytes, {
    fileName: req.fileName,
    rows: PREVIEW_ROWS,
    ...(req.sheet !== undefined ? { sheet: req.sheet } : {}),
    ...(decodeCp949 ? { decodeCp949 } : {}),
  });
  onProgress({ stage: 'reading', done: 2, total: 2 });
  return { sha256, preview: preview.format === 'xlsx' ? { ...preview, rows: preview.rows.map((r) => ({ ...r, cells: r.cells.map(wallClockText) })) } : preview };
}

/**
 * exceljs date cells arrive in the preview as ISO text in UTC whose fields are Excel's wall-clock time
 * (`2022-09-01T00:00:00.000Z` for 1 Sep): shown as the user sees them in Excel.
 */
function wallClockText(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}\.\d{3}Z$/.exec(text);
  if (!m) return text;
  return m[2] === '00:00' ? m[1]! : `${m[1]} ${m[2]}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A typed XLSX cell as the text core/io reads back to the same value. Dates from exceljs carry the
 * wall-clock time in their UTC fields, and Excel serials have no zone: both are written as KST text,
 * so nothing shifts by nine hours on the way.
 */
export function cellAsText(cell: Cell, role: ColumnRole | undefined, date1904: boolean): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return String(cell);
  let parts: { year: number; month: number; day: number; hour: number; minute: number } | null = null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    const d = new Date(Math.round(cell.getTime() / 60_000) * 60_000);
    parts = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
  } else if (role === 'date' || role === 'datetime') {
    if (role === 'date' && Number.isInteger(cell) && cell >= 19000101 && cell <= 21001231) return String(cell);
    if (cell > 0 && cell < 2958466) parts = excelSerialParts(cell, date1904);
  } else if (role === 'hour' && cell > 0 && cell < 1) {
    parts = excelSerialParts(cell, date1904);
  }
  if (!parts) return cellText(cell);
  const date = `${parts.year}-${pad2(parts.month)}-${pad2(parts.day)}`;
  const time = `${pad2(parts.hour)}:${pad2(parts.minute)}`;
  if (role === 'hour') return time;
  if (role === 'date') return date;
  return `${date} ${time}`;
}

const csvQuote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The file's table again as UTF-8 CSV, with the user's fixes in place and skipped rows left blank.
 * Every row keeps its number (blank lines fill the gaps), so errors still name the row Excel shows.
 */
export function rebuildTableCsv(table: Table, mapping: Partial<Record<ColumnRole, string>>, fixes: BuildRequest['fixes'], skips: ReadonlySet<number>): Uint8Array {
  const roleOf = table.headers.map((h) => (Object.entries(mapping).find(([, header]) => header === h)?.[0] as ColumnRole | undefined));
  const fixed = new Map(fixes.map((f) => [`${f.row}\u0000${f.column}`, f.value]));
  const lines: string[] = [];
  const put = (row: number, cells: string[]) => {
    while (lines.length < row - 1) lines.push('');
    lines.push(cells.map(csvQuote).join(','));
  };
  put(table.headerRow, table.headers);
  for (const { row, cells } of table.rows) {
    if (skips.has(row)) continue;
    put(row, table.headers.map((h, i) => fixed.get(`${row}\u0000${h}`) ?? cellAsText(cells[i] ?? null, roleOf[i], table.date1904)));
  }
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

function channelValuesOf(table: Table, channelHeader: string | undefined, skips: ReadonlySet<number>): ChannelValue[] {
  const index = channelHeader ? table.headers.indexOf(channelHeader) : -1;
  const byRaw = new Map<string, ChannelValue>();
  const resolveChannel = createChannelResolver();
  for (const { row, cells } of table.rows) {
    if (skips.has(row)) continue;
    const raw = index >= 0 ? cellText(cells[index] ?? null) : '';
    const seen = byRaw.get(raw);
    if (seen) seen.rows++;
    else byRaw.set(raw, { raw, rows: 1, firstRow: row, suggested: raw ? resolveChannel(raw).id : '' });
  }
  return [...byRaw.values()].sort((a, b) => b.rows - a.rows);
}

export async function buildImport(req: BuildRequest, decodeCp949: Cp949Decoder | undefined, onProgress: ProgressListener): Promise<BuildResponse> {
  const mapped = Object.fromEntries(Object.entries(req.mapping).filter(([, h]) => h)) as Partial<Record<ColumnRole, string>>;
  const common = { fileName: req.fileName, ...(decodeCp949 ? { decodeCp949 } : {}) };
  onProgress({ stage: 'reading', done: 0, total: 2 });
  const table = await readTable(req.bytes, { ...common, mapping: mapped, ...(req.sheet !== undefined ? { sheet: req.sheet } : {}) });
  const skips = new Set(req.skips);
  const channelValues = channelValuesOf(table, mapped.channel, skips);

  const channelMap: Record<string, string> = {};
  for (const [raw, id] of Object.entries(req.channelChoice)) if (raw !== BLANK_CHANNEL && id) channelMap[raw] = id;
  const blankChoice = req.channelChoice[BLANK_CHANNEL];
  const options = {
    ...common,
    mapping: req.mapping,
    shape: req.shape,
    channelMap,
    ...(blankChoice ? { channel: blankChoice } : {}),
  };

  onProgress({ stage: 'building', done: 1, total: 2 });
  const rebuilt = req.fixes.length > 0 || skips.size > 0;
  const result = rebuilt
    ? await importActivityFile(rebuildTableCsv(table, req.mapping, req.fixes, skips), options)
    : await importActivityFile(req.bytes, { ...options, ...(req.sheet !== undefined ? { sheet: req.sheet } : {}) });

  let errors = result.errors;
  let records = result.records;
  if (rebuilt) {
    // Rows the table itself could not read (a wrong number of fields) are not in the rebuilt CSV:
    // their errors stay until the user skips them.
    const present = new Set(table.rows.map((r) => r.row));
    const structural = table.rowErrors.filter((e) => !skips.has(e.row) && !present.has(e.row));
    errors = [...structural, ...errors.filter((e) => !skips.has(e.row))].sort((a, b) => a.row - b.row);
    // The records come from the user's file, not the rebuilt text: provenance names the original.
    records = records.map((r) =>
      r.provenance.kind === 'imported' ? { ...r, provenance: { ...r.provenance, fileSha256: req.sha256, fileName: req.fileName.slice(-260) } } : r,
    );
  }
  const kept = records.filter((r) => r.channel !== SKIP_CHANNEL);
  onProgress({ stage: 'building', done: 2, total: 2 });
  return {
    records: kept,
    errors: errors.map((e) => ({ ...e, fixable: e.column !== '' && table.headers.includes(e.column) })),
    warnings: result.warnings.filter((w) => !w.ko.includes(SKIP_CHANNEL)),
    granularity: result.granularity,
    shape: result.shape,
    channelValues,
    skippedByChannel: records.length - kept.length,
  };
}
