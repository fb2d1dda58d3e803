export { bytesSource, openZip, ZipArchive, ZipError, type ZipEntry, type ZipErrorCode, type ZipLimits, type ZipOptions, type ZipSource } from './reader';
export { collisionKey, nameProblem, shownName } from './names';
export { crc32Update, type Crc32Update } from './crc32';
export { checkWorkbookZip, XLSX_LIMITS } from './workbook';
export { dosTimeOfKst, stampZipTimes } from './stamp';
