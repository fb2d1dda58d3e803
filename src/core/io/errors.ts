/**
 * A problem with the whole file (too big, not a table, no header, undecodable): nothing is imported.
 * Row-level problems are not thrown; they are returned as `ImportRowError`s next to the good records.
 */
export type ImportFileErrorCode =
  | 'too-large'
  | 'too-many-rows'
  | 'nul-bytes'
  | 'empty'
  | 'no-header'
  | 'missing-columns'
  | 'unsupported-format'
  | 'bad-mapping'
  | 'bad-option'
  | 'sheet-not-found'
  | 'decoder-unavailable';

export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;
  constructor(code: ImportFileErrorCode, message: string) {
    super(message);
    this.name = 'ImportFileError';
    this.code = code;
  }
}

/** One bad row. `row` is the row number the user sees in Excel (the header is row 1). */
export type ImportRowError = {
  row: number;
  /** Header text of the offending column, or '' when the whole row is at fault. */
  column: string;
  value: string;
  /** Korean first, then English after " / ". */
  reason: string;
};
