/**
 * core/io: CSV/XLSX bytes → activity records. Pure: bytes in, data out. For CP949 in Node, pass
 * `decodeCp949: iconvCp949Decoder` from './cp949-iconv' (kept out of this index so the renderer bundle
 * does not pull iconv-lite and its Buffer dependency).
 */
export { decodeText, decodesCp949Extensions, platformCp949Decoder, type Cp949Decoder, type DetectedEncoding } from './encoding';
export { ImportFileError, type ImportFileErrorCode, type ImportRowError } from './errors';
export { COLUMN_ROLES, guessMapping, normaliseHeader, type ColumnMapping, type ColumnRole } from './headers';
export { createChannelResolver, resolveChannel, slugifyChannel } from './channels';
export { FALLBACK_CHANNEL, IMPORT_SHAPES, type Granularity, type ImportShape, type UnknownChannel } from './records';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, type FileFormat, type TableEncoding } from './table';
export { fileSha256, importActivityFile, previewActivityFile, type ImportOptions, type ImportPreview, type ImportResult } from './import';
export { checkReimport, findOverlaps, resolveOverlaps, type KnownImport, type Overlap, type OverlapDecision, type OverlapResolution, type ReimportCheck } from './overlap';
