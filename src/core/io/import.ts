import { bt, type BilingualText } from '../model/common';
import type { ActivityRecord } from '../model/record';
import { channelMapLookup, isChannelId } from './channels';
import type { Cp949Decoder } from './encoding';
import { ImportFileError, type ImportRowError } from './errors';
import type { ColumnMapping } from './headers';
import {
  buildRecords,
  granularityOf,
  guessShape,
  IMPORT_SHAPES,
  mergeMapping,
  requireColumns,
  resolveColumns,
  type Granularity,
  type ImportShape,
  type UnknownChannel,
} from './records';
import { readTable, type FileFormat, type TableEncoding } from './table';
import { cellText } from './values';

export type ImportOptions = {
  fileName?: string;
  /** Role → header text; overrides the guessed mapping (e.g. `{ date: '일자', count: '건수' }`). */
  mapping?: Readonly<Record<string, string | undefined>>;
  shape?: ImportShape;
  /** Channel id for rows with no channel (no column, or an empty cell). */
  channel?: string;
  /** Raw channel value → channel id, checked before the built-in table. */
  channelMap?: Readonly<Record<string, string>>;
  /** XLSX sheet name or 1-based position. */
  sheet?: string | number;
  decodeCp949?: Cp949Decoder;
  maxBytes?: number;
  maxRows?: number;
};

export type ImportResult = {
  fileName?: string;
  fileSha256: string;
  format: FileFormat;
  encoding: TableEncoding;
  sheetName?: string;
  shape: ImportShape;
  granularity: Granularity;
  mapping: ColumnMapping;
  headerRow: number;
  records: ActivityRecord[];
  errors: ImportRowError[];
  warnings: BilingualText[];
  unknownChannels: UnknownChannel[];
};

/** SHA-256 through WebCrypto (Node 20's globalThis.crypto and every browser), lowercase hex. */
export async function fileSha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function checkOptions(options: ImportOptions): void {
  if (options.shape !== undefined && !IMPORT_SHAPES.includes(options.shape)) {
    throw new ImportFileError('bad-option', bt(`형식은 ${IMPORT_SHAPES.join(', ')} 중 하나여야 해요`, `shape must be one of ${IMPORT_SHAPES.join(', ')}`), options.fileName);
  }
  if (options.channel !== undefined && !isChannelId(options.channel)) {
    throw new ImportFileError('bad-option', bt(`채널 id '${options.channel}'는 영문 소문자, 숫자, -만 써요`, 'channel id: lowercase letters, digits and -'), options.fileName);
  }
  for (const [raw, id] of Object.entries(options.channelMap ?? {})) {
    if (!isChannelId(id)) throw new ImportFileError('bad-option', bt(`'${raw}'의 채널 id '${id}'가 올바르지 않아요`, `invalid channel id '${id}' for '${raw}'`), options.fileName);
  }
}

/** Read a CSV or XLSX file's bytes into validated activity records plus row errors. Pure; never stores. */
export async function importActivityFile(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  checkOptions(options);
  const mappingForHeader = options.mapping ? Object.fromEntries(Object.entries(options.mapping).filter(([, v]) => v)) : undefined;
  const table = await readTable(bytes, { ...options, mapping: mappingForHeader as ColumnMapping | undefined });
  const mapping = mergeMapping(table.headers, options.mapping, options.fileName);
  const columns = resolveColumns(table.headers, mapping);
  const shape = options.shape ?? guessShape(columns) ?? 'aggregated';
  requireColumns(shape, columns, options.fileName);
  const sha = await fileSha256(bytes);
  const built = buildRecords(table, columns, {
    shape,
    fileSha256: sha,
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
    ...(options.channel !== undefined ? { defaultChannel: options.channel } : {}),
    channelMap: channelMapLookup(options.channelMap),
  });
  return {
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
    fileSha256: sha,
    format: table.format,
    encoding: table.encoding,
    ...(table.sheetName !== undefined ? { sheetName: table.sheetName } : {}),
    shape,
    granularity: built.granularity,
    mapping,
    headerRow: table.headerRow,
    records: built.records,
    errors: built.errors,
    warnings: [...table.warnings, ...built.warnings],
    unknownChannels: built.unknownChannels,
  };
}

export type ImportPreview = {
  format: FileFormat;
  encoding: TableEncoding;
  sheetName?: string;
  sheetNames?: string[];
  headerRow: number;
  headers: string[];
  /** Guessed mapping with the caller's explicit entries applied. */
  mapping: ColumnMapping;
  /** The shape the columns suggest, or null when they fit none yet (the user has to map more). */
  shape: ImportShape | null;
  granularity: Granularity;
  /** First rows as text, aligned with `headers`, with the row number Excel shows. */
  rows: { row: number; cells: string[] }[];
  warnings: BilingualText[];
};

/** What the mapping screen shows before anything is imported: never fails on an unmapped column. */
export async function previewActivityFile(bytes: Uint8Array, options: ImportOptions & { rows?: number } = {}): Promise<ImportPreview> {
  const table = await readTable(bytes, { ...options, mapping: undefined, headerFallback: true });
  const mapping = mergeMapping(table.headers, options.mapping, options.fileName);
  const columns = resolveColumns(table.headers, mapping);
  const limit = options.rows ?? 20;
  return {
    format: table.format,
    encoding: table.encoding,
    ...(table.sheetName !== undefined ? { sheetName: table.sheetName } : {}),
    ...(table.sheetNames !== undefined ? { sheetNames: table.sheetNames } : {}),
    headerRow: table.headerRow,
    headers: table.headers,
    mapping,
    shape: options.shape ?? guessShape(columns),
    granularity: granularityOf(columns),
    rows: table.rows.slice(0, limit).map(({ row, cells }) => ({ row, cells: table.headers.map((_, i) => cellText(cells[i] ?? null)) })),
    warnings: table.warnings,
  };
}

