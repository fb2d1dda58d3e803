import { openZip, type ZipLimits, type ZipSource } from './reader';

/**
 * An .xlsx is a zip, and exceljs (JSZip inside) inflates every part in memory, trusting the sizes it finds:
 * a 300 KB workbook of 300 MB whitespace took 1.1 GB and a 1.5 MB one crashed the tab. So a workbook goes
 * through the zip reader first: its directory is checked (names, types, headers, declared sizes and ratio),
 * then every part is inflated as a stream and thrown away, within the caps, its CRC checked. Only a workbook
 * that passes reaches exceljs, and then holds at most XLSX_LIMITS.maxTotalBytes of XML.
 */
export const XLSX_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  // A sheet of 1,000,000 short rows is about 150 MB of XML; exceljs needs several times that in memory.
  maxTotalBytes: 256 * 1024 * 1024,
  // Sheet XML deflates 5-30x, rarely 100x; whitespace or one repeated cell deflates ~1000x.
  maxRatio: 200,
};

/** Throws ZipError when the workbook's zip is unsafe or over the limits. One pass, bounded memory. */
export function checkWorkbookZip(input: Uint8Array | ZipSource, limits: ZipLimits = XLSX_LIMITS): void {
  const archive = openZip(input, limits);
  for (const entry of archive.entries) archive.stream(entry, () => {});
}
