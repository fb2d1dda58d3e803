import { describe, expect, it } from 'vitest';
import { nodeCrc32Update, nodeSha256Hex } from '../../src/cli/hash';
import { zipSync } from 'fflate';
import { crc32Update, openZip, type ZipError } from '../../src/core/zip/index';

const LIMITS = { maxEntries: 10, maxTotalBytes: 1 << 20, maxRatio: 1000 };
import { sha256Hex } from '../../src/core/packet/hash';
import { readBatchItem } from '../../src/core/batch/batch';
import { buildPacketWithoutReport } from '../../src/core/batch/synth-packet';
import { synthPlan } from '../../src/core/batch/synth';

describe("the CLI's node:crypto SHA-256", () => {
  it('gives the same hex as the WebCrypto default, for empty, small and multi-megabyte inputs', async () => {
    const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7919) & 0xff);
    for (const bytes of [new Uint8Array(0), new TextEncoder().encode('회원 피해 집계'), big]) {
      expect(nodeSha256Hex(bytes)).toBe(await sha256Hex(bytes));
    }
    expect(nodeSha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('reads a packet into the same member (every hash the same) as the default hasher', async () => {
    const m = [...synthPlan(3, 7).members()][1]!;
    const { bytes } = await buildPacketWithoutReport(m.claim, m.channel, '0.1.0', new Date('2022-11-01T09:00:00+09:00'));
    const viaNode = await readBatchItem(m.fileName, bytes, { sha256: nodeSha256Hex });
    const viaWebCrypto = await readBatchItem(m.fileName, bytes);
    expect(viaNode.members).toHaveLength(1);
    expect(viaNode.members[0]!.source.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(viaNode).toEqual(viaWebCrypto);
  });
});

describe("the CLI's native CRC-32", () => {
  it('gives the table form’s value, whole or chunk by chunk, for empty, small and large inputs', () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 17).map((_, i) => (i * 2654435761) >>> 24);
    for (const bytes of [new Uint8Array(0), new TextEncoder().encode('회원 피해 집계'), big]) {
      expect(nodeCrc32Update(0, bytes)).toBe(crc32Update(0, bytes));
      let native = 0;
      let table = 0;
      for (let at = 0; at < bytes.length; at += 65_521) {
        native = nodeCrc32Update(native, bytes.subarray(at, at + 65_521));
        table = crc32Update(table, bytes.subarray(at, at + 65_521));
      }
      expect(native).toBe(table);
    }
    // The standard check value: CRC-32 of "123456789".
    expect(nodeCrc32Update(0, new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('reads a packet into the same member, and still refuses an entry whose bytes were changed', async () => {
    const m = [...synthPlan(3, 7).members()][1]!;
    const { bytes } = await buildPacketWithoutReport(m.claim, m.channel, '0.1.0', new Date('2022-11-01T09:00:00+09:00'));
    const viaNative = await readBatchItem(m.fileName, bytes, { sha256: nodeSha256Hex, crc32: nodeCrc32Update });
    expect(viaNative).toEqual(await readBatchItem(m.fileName, bytes));
    // A stored entry with one byte changed: only the CRC can tell, and the native one does.
    const stored = zipSync({ 'claim.json': [new TextEncoder().encode('{"records": []}'), { level: 0 }] });
    const changed = stored.slice();
    const entry = openZip(stored, LIMITS).get('claim.json')!;
    changed[entry.dataOffset + 3]! ^= 0x01;
    expect(new TextDecoder().decode(openZip(stored, LIMITS, { crc32: nodeCrc32Update }).read(entry))).toBe('{"records": []}');
    const refusal = (() => {
      try {
        openZip(changed, LIMITS, { crc32: nodeCrc32Update }).read(entry);
      } catch (err) {
        return err as ZipError;
      }
      throw new Error('a changed stored entry was read');
    })();
    expect(refusal.text.en).toMatch(/CRC-32 mismatch/);
  });
});
