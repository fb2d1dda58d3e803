import { crc32, deflateRawSync } from 'node:zlib';
import { kstWallClockAsLocalDate, type ZipEntries } from '../core/packet/zip';

/**
 * A packet zip for `synth`, written here in one pass with Node's native zlib deflating and checksumming.
 * fflate's JavaScript deflate was a third of synth's time (~1 ms a packet); after that its streamed
 * container (a CRC-32 in JavaScript, a callback and a copy per chunk, data descriptors) was still ~0.5 ms
 * of a packet's ~0.8 ms of zipping (issue 18, round 7). The container holds what core/packet/zip.ts gives
 * every entry: the name (UTF-8 flag when it is not ASCII), made on Unix with regular-file permissions,
 * the KST wall time. The bytes differ from `writeZip`'s (another deflate; sizes in the local headers, no
 * data descriptors), but the same claim gives the same bytes, and verify and batch read them as any
 * packet (tests/cli/synth.test.ts and tests/cli/zip-native.test.ts read them back).
 */

const REGULAR_FILE_ATTRS = 0o100644 << 16;
/** Version made by: Unix (3) in the high byte, spec 2.0 in the low one; version needed to extract: 2.0. */
const MADE_BY = (3 << 8) | 20;
const NEEDED = 20;

/**
 * zlib level 1, not the default 6: on a synthetic packet (claim.json ~29 KB, records.csv ~18 KB) it
 * deflates in about half the time for about 8% more bytes (7.7 KB against 7.1 KB a packet), and synth's
 * packets exist to be read by batch, which inflates either as fast. Issue 18's national run (105,116
 * packets) is where the time shows.
 */
export const DEFLATE_LEVEL = 1;

const encoder = new TextEncoder();

/** MS-DOS time and date of a Date's local fields (2-second resolution), as zip stores them. */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export function writeZipNative(entries: ZipEntries, madeAt: Date): Uint8Array {
  const { time, date } = dosTime(kstWallClockAsLocalDate(madeAt));
  const files = entries.map((entry) => {
    const name = encoder.encode(entry.path);
    const data = deflateRawSync(entry.bytes, { level: DEFLATE_LEVEL });
    // Bit 11: the name is UTF-8 (set, as fflate does, only when it is not plain ASCII).
    const flags = name.length !== entry.path.length || /[^\x20-\x7e]/.test(entry.path) ? 0x800 : 0;
    return { name, data, flags, crc: crc32(entry.bytes) >>> 0, size: entry.bytes.length };
  });
  const localSize = files.reduce((n, f) => n + 30 + f.name.length + f.data.length, 0);
  const centralSize = files.reduce((n, f) => n + 46 + f.name.length, 0);
  const out = Buffer.allocUnsafe(localSize + centralSize + 22);
  let at = 0;
  const offsets: number[] = [];
  for (const f of files) {
    offsets.push(at);
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(NEEDED, at + 4);
    out.writeUInt16LE(f.flags, at + 6);
    out.writeUInt16LE(8, at + 8);
    out.writeUInt16LE(time, at + 10);
    out.writeUInt16LE(date, at + 12);
    out.writeUInt32LE(f.crc, at + 14);
    out.writeUInt32LE(f.data.length, at + 18);
    out.writeUInt32LE(f.size, at + 22);
    out.writeUInt16LE(f.name.length, at + 26);
    out.writeUInt16LE(0, at + 28);
    out.set(f.name, at + 30);
    out.set(f.data, at + 30 + f.name.length);
    at += 30 + f.name.length + f.data.length;
  }
  const central = at;
  files.forEach((f, i) => {
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(MADE_BY, at + 4);
    out.writeUInt16LE(NEEDED, at + 6);
    out.writeUInt16LE(f.flags, at + 8);
    out.writeUInt16LE(8, at + 10);
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(date, at + 14);
    out.writeUInt32LE(f.crc, at + 16);
    out.writeUInt32LE(f.data.length, at + 20);
    out.writeUInt32LE(f.size, at + 24);
    out.writeUInt16LE(f.name.length, at + 28);
    out.writeUInt16LE(0, at + 30); // extra field length
    out.writeUInt16LE(0, at + 32); // comment length
    out.writeUInt16LE(0, at + 34); // disk number
    out.writeUInt16LE(0, at + 36); // internal attributes
    out.writeUInt32LE(REGULAR_FILE_ATTRS >>> 0, at + 38);
    out.writeUInt32LE(offsets[i]!, at + 42);
    out.set(f.name, at + 46);
    at += 46 + f.name.length;
  });
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(0, at + 4);
  out.writeUInt16LE(0, at + 6);
  out.writeUInt16LE(files.length, at + 8);
  out.writeUInt16LE(files.length, at + 10);
  out.writeUInt32LE(at - central, at + 12);
  out.writeUInt32LE(central, at + 16);
  out.writeUInt16LE(0, at + 20);
  return out;
}
