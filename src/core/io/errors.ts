import { joined, type BilingualText } from '../model/common';

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
  /** What went wrong in each language, the file named in both; screens show the reader's half (textIn). */
  readonly text: BilingualText;
  /** `message` stays one line in both languages ("file: 한국어 / English") for the CLI and logs. */
  constructor(code: ImportFileErrorCode, text: BilingualText, fileName?: string) {
    const where = fileName ? `${fileName}: ` : '';
    super(`${where}${joined(text)}`);
    this.name = 'ImportFileError';
    this.code = code;
    this.text = where ? { ko: `${where}${text.ko}`, en: `${where}${text.en}` } : text;
  }
}

/** One bad row. `row` is the row number the user sees in Excel (the header is row 1). */
export type ImportRowError = {
  row: number;
  /** Header text of the offending column, or '' when the whole row is at fault. */
  column: string;
  value: string;
  /** Why, in each language (the CLI writes both joined, a screen the reader's). */
  reason: BilingualText;
};
