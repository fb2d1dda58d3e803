import { readFile, writeFile } from 'node:fs/promises';
import { ROSTER_COLUMNS, ROSTER_MONEY_COLUMNS, type RosterCell } from '../core/batch/roster-export';
import { stampZipTimes } from '../core/zip/index';

/** Where the batch's roster rows go to become roster.xlsx: this thread's writer or a pool thread's. */
export type WorkbookSink = {
  addRow(values: RosterCell[]): void;
  /** Writes the rest of the workbook and stamps it with the batch's clock; the file is whole when it resolves. */
  commit(): Promise<void>;
};

/**
 * roster.xlsx through exceljs's streaming writer: rows are written to the file as they are committed
 * (the in-memory workbook of 105,116 rows would take gigabytes). The same sheet as core's `rosterXlsx`:
 * header in bold, frozen under the header, the money columns as #,##0, the batch's clock as its dates.
 * Runs on the batch's main thread (`--threads 1`) or on a pool thread (src/cli/batch-worker.ts).
 */
export async function rosterWorkbookWriter(path: string, madeAt: Date): Promise<WorkbookSink> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Outage Loss Desk';
  workbook.created = madeAt;
  workbook.modified = madeAt;
  const sheet = workbook.addWorksheet('회원 명단', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_COLUMNS.map((_, i) => ({ key: `c${i + 1}`, ...((ROSTER_MONEY_COLUMNS as readonly number[]).includes(i + 1) ? { style: { numFmt: '#,##0' } } : {}) }));
  const header = sheet.addRow([...ROSTER_COLUMNS]);
  header.font = { bold: true };
  header.commit();
  // exceljs gives every cell a fresh style object and caches the style id by that object, so each of the
  // 2.4 million cells of a national roster would be turned into style XML to find its id. A cell's style
  // here is its column's (and the id also depends on the value's type): one shared object per column and
  // type lets the cache answer, with the same ids. Cells left out of eachCell (empty) keep their own.
  const shared = new Map<string, object>();
  const addRow = (values: RosterCell[]) => {
    const row = sheet.addRow(values);
    row.eachCell((cell, col) => {
      const key = `${col}:${cell.type}`;
      const style = shared.get(key);
      if (style) cell.style = style;
      else shared.set(key, cell.style);
    });
    row.commit();
  };
  const commit = async () => {
    await workbook.commit();
    // exceljs stamped its zip entries with the wall clock: the batch's clock instead, so the same batch gives
    // the same roster.xlsx (and manifest), byte for byte.
    const bytes = new Uint8Array(await readFile(path));
    stampZipTimes(bytes, madeAt);
    await writeFile(path, bytes);
  };
  return { addRow, commit };
}
