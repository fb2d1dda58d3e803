import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Zips built byte by byte, for what fflate (rightly) will not write: a local header naming another file than
 * the central directory, sizes that lie, overlapping entries, symlink modes. Every field is the one the
 * APPNOTE describes; nothing here is checked, on purpose.
 */
export type RawEntry = {
  name: string;
  data: Uint8Array;
  /** Deflate (default) or store. */
  method?: 0 | 8;
  /** The name written in the local header, when it should differ. */
  localName?: string;
  /** Unix mode (high 16 bits of the external attributes); regular file 0o100644 by default. */
  mode?: number;
  /** Uncompressed size written in both headers, when it should lie. */
  declaredSize?: number;
  /** CRC written in both headers, when it should lie. */
  crc?: number;
  /** Point this central entry at an earlier entry's local header (overlap). */
  sameDataAs?: number;
  /** Raw compressed bytes to use instead of compressing `data`. */
  compressed?: Uint8Array;
};

const enc = new TextEncoder();

export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  const offsets: number[] = [];
  const metas: { compressed: number; size: number; crc: number; method: number }[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const method = e.method ?? 8;
    const compressed = e.compressed ?? (method === 8 ? new Uint8Array(deflateRawSync(e.data)) : e.data);
    const size = e.declaredSize ?? e.data.length;
    const crc = e.crc ?? crc32(e.data);
    const name = enc.encode(e.name);
    let headerOffset = offset;
    if (e.sameDataAs !== undefined) {
      headerOffset = offsets[e.sameDataAs]!;
      metas[i] = { ...metas[e.sameDataAs]! };
    } else {
      const localName = enc.encode(e.localName ?? e.name);
      const local = new Uint8Array(30 + localName.length + compressed.length);
      const lv = new DataView(local.buffer);
      lv.setUint32(0, 0x04034b50, true);
      lv.setUint16(4, 20, true);
      lv.setUint16(6, 0x0800, true);
      lv.setUint16(8, method, true);
      lv.setUint32(14, crc, true);
      lv.setUint32(18, compressed.length, true);
      lv.setUint32(22, size, true);
      lv.setUint16(26, localName.length, true);
      local.set(localName, 30);
      local.set(compressed, 30 + localName.length);
      locals.push(local);
      offset += local.length;
      metas[i] = { compressed: compressed.length, size, crc, method };
    }
    offsets[i] = headerOffset;
    const m = metas[i]!;
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, (3 << 8) | 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, m.method, true);
    cv.setUint32(16, m.crc, true);
    cv.setUint32(20, m.compressed, true);
    cv.setUint32(24, m.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, ((e.mode ?? 0o100644) << 16) >>> 0, true);
    cv.setUint32(42, headerOffset, true);
    central.set(name, 46);
    centrals.push(central);
  });
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
