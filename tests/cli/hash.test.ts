import { describe, expect, it } from 'vitest';
import { nodeSha256Hex } from '../../src/cli/hash';
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
