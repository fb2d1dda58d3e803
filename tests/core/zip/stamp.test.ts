import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZipSafely, writeZip } from '../../../src/core/packet/zip';
import { dosTimeOfKst, stampZipTimes } from '../../../src/core/zip/index';

const enc = new TextEncoder();
const files = { '[Content_Types].xml': enc.encode('<Types/>'), 'xl/worksheets/sheet1.xml': enc.encode('<worksheet>회원</worksheet>'.repeat(50)) };
const zipAt = (mtime: Date) => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { mtime, level: 6 }]])));
/** The first local header's DOS time and date. */
const firstStamp = (zip: Uint8Array) => {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  return { time: view.getUint16(10, true), date: view.getUint16(12, true) };
};

describe('stampZipTimes', () => {
  it('gives two zips of the same content written at different wall clocks the same bytes', () => {
    const a = zipAt(new Date(2026, 11, 5, 4, 0, 12));
    const b = zipAt(new Date(2026, 11, 5, 4, 0, 14));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).not.toBe(0);
    const at = new Date('2022-11-01T09:00+09:00');
    stampZipTimes(a, at);
    stampZipTimes(b, at);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    // The stamp the app's own zips (core/packet/zip writeZip) carry for that clock; the content still reads (CRCs untouched).
    const ours = writeZip(Object.entries(files).map(([path, bytes]) => ({ path, bytes })), at);
    expect(firstStamp(a)).toEqual(firstStamp(ours));
    expect(firstStamp(a)).toEqual(dosTimeOfKst(at));
    expect(new TextDecoder().decode(readZipSafely(a).get('xl/worksheets/sheet1.xml'))).toContain('회원');
  });

  it('writes the KST wall clock whatever the machine’s zone: 2022-11-01 09:00:14 KST', () => {
    expect(dosTimeOfKst(new Date('2022-11-01T00:00:14Z'))).toEqual({ time: (9 << 11) | (0 << 5) | 7, date: (42 << 9) | (11 << 5) | 1 });
  });

  it('refuses bytes that are not a zip, leaving them as they were', () => {
    const junk = Uint8Array.from({ length: 100 }, (_, i) => i);
    const before = junk.slice();
    expect(() => stampZipTimes(junk, new Date())).toThrow(/end of central directory/);
    expect(junk).toEqual(before);
  });
});
