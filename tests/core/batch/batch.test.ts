import { describe, expect, it } from 'vitest';
import { analyseBatch, readBatchItem, type ReadItem } from '../../../src/core/batch/batch';
import { inspectPacket } from '../../../src/core/batch/items';
import { buildPacketWithoutReport } from '../../../src/core/batch/synth-packet';
import { synthBatch } from '../../../src/core/batch/synth';
import { serializeClaim } from '../../../src/core/model/claim-file';
import { verifyPacket } from '../../../src/core/packet/verify';
import { readZipSafely, writeZip } from '../../../src/core/packet/zip';
import { reasonLine } from '../../../src/core/batch/types';

/**
 * A synthetic batch with planted duplicates, tampered packets and files that are no claim at all: the
 * batch must find exactly the planted pairs and exactly the bad files, with their reasons.
 */

const NOW = new Date('2022-11-01T09:00:00+09:00');

async function syntheticFiles(members: number, seed: number) {
  const batch = synthBatch(members, seed);
  const files = new Map<string, Uint8Array>();
  for (const m of batch.members) {
    const { bytes } = await buildPacketWithoutReport(m.claim, m.channel, '0.1.0', NOW);
    files.set(m.fileName, bytes);
  }
  for (const c of batch.copies) files.set(c.fileName, files.get(c.of)!);
  return { batch, files };
}

const pairKey = (a: string, b: string) => [a, b].sort().join(' | ');

describe('batch over synthetic members', async () => {
  const { batch, files } = await syntheticFiles(120, 42);

  it('plants every rule, with all three claimant kinds and all 17 시도', () => {
    expect(new Set(batch.planted.map((p) => p.rule))).toEqual(new Set(['business-number', 'mobile', 'bank-account', 'similar-name', 'same-packet']));
    expect(new Set(batch.members.map((m) => m.claim.claimant.kind))).toEqual(new Set(['merchant', 'taxi', 'designated-driver']));
    expect(new Set(batch.members.map((m) => m.claim.claimant.region?.sido)).size).toBe(17);
  });

  it('is the same batch, byte for byte, for the same seed', async () => {
    const again = await syntheticFiles(120, 42);
    expect([...again.files.keys()]).toEqual([...files.keys()]);
    for (const [name, bytes] of files) expect(again.files.get(name)).toEqual(bytes);
  });

  it('finds exactly the planted pairs, each by its rule, plus the tampered and invalid files', async () => {
    const all = new Map(files);
    // One byte changed in one packet (inside claim.json's compressed data, or its header: either way caught).
    const victim = batch.members[20]!.fileName;
    const tampered = new Uint8Array(files.get(victim)!);
    tampered[tampered.length >> 1] ^= 0x01;
    all.set('tampered.zip', tampered);
    // The same packet with claim.json edited and re-zipped: the hashes no longer match the manifest.
    const inner = readZipSafely(files.get(batch.members[30]!.fileName)!);
    const claim = JSON.parse(new TextDecoder().decode(inner.get('claim.json')!));
    claim.records[0].revenue += 1000;
    inner.set('claim.json', new TextEncoder().encode(JSON.stringify(claim)));
    all.set('edited-claim.zip', writeZip([...inner].map(([path, bytes]) => ({ path, bytes })), NOW));
    all.set('random.bin', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    all.set('settings.json', new TextEncoder().encode('{"theme":"dark","version":3}'));
    // A member's bare claim file beside their packet: the same claim, found by its hash.
    const bare = batch.members[40]!;
    all.set('bare-claim.json', new TextEncoder().encode(serializeClaim(bare.claim)));

    const items: ReadItem[] = [];
    for (const [name, bytes] of all) items.push(await readBatchItem(name, bytes));
    const invalid = items.flatMap((i) => i.invalid);
    expect(invalid.map((i) => i.file).sort()).toEqual(['edited-claim.zip', 'random.bin', 'settings.json', 'tampered.zip']);
    const reasonOf = (file: string) => invalid.find((i) => i.file === file)!;
    expect(reasonOf('edited-claim.zip').code).toBe('size-mismatch');
    expect(reasonLine(reasonOf('edited-claim.zip'))).toContain('파일 내용이 바뀌었어요 (SHA-256 불일치): claim.json');
    expect(reasonOf('random.bin').code).toBe('unknown-format');
    expect(reasonLine(reasonOf('settings.json'))).toMatch(/청구 파일이 아니에요 .* \/ not a claim file/);
    expect(['unsafe-zip', 'hash-mismatch', 'manifest-invalid', 'size-mismatch']).toContain(reasonOf('tampered.zip').code);

    const members = items.flatMap((i) => i.members);
    expect(members).toHaveLength(files.size + 1);
    const result = analyseBatch(members, invalid, { now: NOW, automatic: true });
    const expected = new Map(batch.planted.map((p) => [pairKey(...p.files), p.rule]));
    expected.set(pairKey(bare.fileName, 'bare-claim.json'), 'same-claim' as never);
    expect(new Set(result.pairs.map((p) => pairKey(p.a, p.b)))).toEqual(new Set(expected.keys()));
    for (const pair of result.pairs) {
      const rule = expected.get(pairKey(pair.a, pair.b))!;
      if (rule === 'same-packet') expect(pair.rules).toEqual(expect.arrayContaining(['same-claim', 'same-manifest', 'mobile', 'bank-account']));
      else expect(pair.rules).toContain(rule);
      expect(pair.exact).toBe(rule !== 'similar-name');
    }
    // Exact pairs lose one member each; near-identical names stay, marked for a person to look at.
    const exactPairs = result.pairs.filter((p) => p.exact);
    expect(result.applied.kept).toHaveLength(members.length - exactPairs.length);
    for (const p of result.pairs.filter((x) => !x.exact)) {
      expect(result.applied.status.get(p.a)!.status).toBe('suspected-duplicate');
      expect(result.applied.status.get(p.b)!.status).toBe('suspected-duplicate');
    }
    // The packet wins over the bare claim; the decision is recorded with its time and reason.
    const bareDecision = result.decisions.find((d) => pairKey(d.a, d.b) === pairKey(bare.fileName, 'bare-claim.json'))!;
    expect(bareDecision).toMatchObject({ keep: bare.fileName, decidedAt: '2022-11-01T09:00:00+09:00', decidedBy: 'rule' });
    expect(bareDecision.reason).toContain('같은 청구 파일');
    expect(result.aggregates.members).toBe(result.applied.kept.length);
  });

  it('reads a packet exactly as verifyPacket judges it', async () => {
    const original = files.get(batch.members[5]!.fileName)!;
    const variants: Uint8Array[] = [original];
    for (const at of [40, 200, 1000, original.length - 30]) {
      const v = new Uint8Array(original);
      v[at] ^= 0x20;
      variants.push(v);
    }
    const inner = readZipSafely(original);
    const manifest = JSON.parse(new TextDecoder().decode(inner.get('manifest.json')!));
    manifest.figures.claimTotal += 1;
    inner.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
    variants.push(writeZip([...inner].map(([path, bytes]) => ({ path, bytes })), NOW));
    inner.set('extra.txt', new Uint8Array([1]));
    variants.push(writeZip([...inner].map(([path, bytes]) => ({ path, bytes })), NOW));
    for (const v of variants) {
      const ours = await inspectPacket(v);
      const theirs = await verifyPacket(v);
      expect(ours.ok).toBe(theirs.ok);
      if (!ours.ok) expect(theirs.problems.map((p) => p.code)).toContain(ours.code);
    }
  });
});
