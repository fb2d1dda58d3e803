import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { BatchZipWriter } from '../../../src/core/batch/zip-stream';
import { readZipSafely } from '../../../src/core/packet/zip';
import { nodeCrc32Update, nodeSha256Hex } from '../../../src/cli/hash';

async function zipOf(crc?: typeof nodeCrc32Update): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const zip = new BatchZipWriter((c) => chunks.push(c), new Date('2022-11-01T09:00:00+09:00'), nodeSha256Hex, crc);
  const packet = new Uint8Array(200_000).map((_, i) => (i * 7919) % 251);
  await zip.add('packets/a.zip', packet, { store: true });
  await zip.add('packets/b.zip', packet.subarray(1000), { store: true });
  await zip.add('roster.csv', new TextEncoder().encode('이름,금액\n가나다,1000\n'.repeat(100)));
  zip.end();
  return Buffer.concat(chunks);
}

describe('BatchZipWriter with a native CRC-32', () => {
  it('writes the same bytes as with fflate’s own CRC, and a reader that checks CRCs accepts them', async () => {
    const [own, native] = [await zipOf(), await zipOf(nodeCrc32Update)];
    expect(Buffer.compare(own, native)).toBe(0);
    const files = readZipSafely(native);
    expect([...files.keys()]).toEqual(['packets/a.zip', 'packets/b.zip', 'roster.csv']);
    expect(crc32(files.get('packets/b.zip')!)).toBe(crc32(new Uint8Array(200_000).map((_, i) => (i * 7919) % 251).subarray(1000)));
  });

  it('is refused by the reader when the CRC it was given is wrong (the CRC really comes from the function)', async () => {
    const wrong = await zipOf((previous, chunk) => nodeCrc32Update(previous, chunk) ^ 1);
    expect(() => readZipSafely(wrong)).toThrow();
  });
});
