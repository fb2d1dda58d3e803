import { KST_OFFSET_MS } from '../time/kst';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** A zip header's DOS time and date for an instant, as its KST wall clock (how the app's own zips are stamped). */
export function dosTimeOfKst(at: Date): { time: number; date: number } {
  const k = new Date(at.getTime() + KST_OFFSET_MS);
  const time = (k.getUTCHours() << 11) | (k.getUTCMinutes() << 5) | (k.getUTCSeconds() >> 1);
  const date = ((k.getUTCFullYear() - 1980) << 9) | ((k.getUTCMonth() + 1) << 5) | k.getUTCDate();
  return { time, date };
}

/**
 * Stamps every entry of a finished zip with one time, in place: the DOS time and date of each central
 * directory record and of the local header it points to. A writer that stamps the wall clock (exceljs) then
 * gives the same bytes for the same content and clock. Only the time fields change; the CRCs cover the data,
 * not the headers. Refuses (throws) a zip whose directory it cannot walk; zip64 is not expected here.
 */
export function stampZipTimes(zip: Uint8Array, at: Date): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('stampZipTimes: no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let at0 = view.getUint32(eocd + 16, true);
  const { time, date } = dosTimeOfKst(at);
  for (let n = 0; n < count; n++) {
    if (at0 + 46 > zip.length || view.getUint32(at0, true) !== CENTRAL_SIGNATURE) throw new Error(`stampZipTimes: bad central record ${n}`);
    view.setUint16(at0 + 12, time, true);
    view.setUint16(at0 + 14, date, true);
    const local = view.getUint32(at0 + 42, true);
    if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) throw new Error(`stampZipTimes: bad local header ${n}`);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    at0 += 46 + view.getUint16(at0 + 28, true) + view.getUint16(at0 + 30, true) + view.getUint16(at0 + 32, true);
  }
}
