import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeZipNative } from '../../src/cli/zip-native';
import { readZipSafely } from '../../src/core/packet/zip';

/**
 * synth's own zip container (issue 18, round 7): what the app's reader and fflate read back must be the
 * entries given, byte for byte, with what core/packet/zip.ts marks on every entry (Unix, rw-r--r--, KST
 * wall time, UTF-8 names).
 */

const enc = new TextEncoder();
const entries = [
  { path: 'README.txt', bytes: enc.encode('\uFEFF장애 손실 청구 묶음이에요.\n'.repeat(40)) },
  { path: 'claim.json', bytes: enc.encode(JSON.stringify({ records: Array.from({ length: 300 }, (_, i) => ({ bucket: i, revenue: i * 1_000 })) })) },
  { path: '증빙/영수증.txt', bytes: enc.encode('영수증') },
  { path: 'empty.txt', bytes: new Uint8Array(0) },
];
const madeAt = new Date('2022-10-15T06:30:10Z'); // 15:30:10 KST

describe('writeZipNative', () => {
  const zip = writeZipNative(entries, madeAt);

  it('reads back through the app reader and fflate as the same entries (fflate in the order given)', () => {
    const read = readZipSafely(zip);
    expect([...read.keys()].sort()).toEqual(entries.map((e) => e.path).sort());
    for (const e of entries) expect(Buffer.from(read.get(e.path)!).equals(Buffer.from(e.bytes))).toBe(true);
    const viaFflate = unzipSync(zip);
    expect(Object.keys(viaFflate)).toEqual(entries.map((e) => e.path));
    expect(Buffer.from(viaFflate['claim.json']!).equals(Buffer.from(entries[1]!.bytes))).toBe(true);
  });

  it('marks every entry made on Unix, rw-r--r--, at the KST wall time, the UTF-8 flag on a Korean name only', () => {
    const view = Buffer.from(zip);
    const eocd = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let at = view.readUInt32LE(eocd + 16);
    const seen: { name: string; madeBy: number; attrs: number; flags: number; time: number; date: number }[] = [];
    for (let i = 0; i < view.readUInt16LE(eocd + 10); i++) {
      expect(view.readUInt32LE(at)).toBe(0x02014b50);
      const nameLen = view.readUInt16LE(at + 28);
      seen.push({
        name: view.subarray(at + 46, at + 46 + nameLen).toString('utf8'),
        madeBy: view.readUInt16LE(at + 4) >> 8,
        attrs: view.readUInt32LE(at + 38) >>> 16,
        flags: view.readUInt16LE(at + 8),
        time: view.readUInt16LE(at + 12),
        date: view.readUInt16LE(at + 14),
      });
      at += 46 + nameLen;
    }
    expect(seen.map((s) => s.name)).toEqual(entries.map((e) => e.path));
    for (const s of seen) {
      expect(s.madeBy).toBe(3);
      expect(s.attrs).toBe(0o100644);
      expect(s.time).toBe((15 << 11) | (30 << 5) | 5);
      expect(s.date).toBe(((2022 - 1980) << 9) | (10 << 5) | 15);
      expect(s.flags & 0x800).toBe(s.name.startsWith('증빙') ? 0x800 : 0);
    }
  });

  it('gives the same bytes for the same entries (the synth is deterministic for a seed)', () => {
    expect(Buffer.from(writeZipNative(entries, madeAt)).equals(Buffer.from(zip))).toBe(true);
  });
});
