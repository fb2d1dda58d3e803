import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchReadPool, POOL_CHUNK } from '../../src/cli/batch-pool';
import { rosterWorkbookWriter } from '../../src/cli/roster-workbook';
import type { BatchAggregates } from '../../src/core/batch/aggregate';
import type { RosterCell } from '../../src/core/batch/roster-export';
import type { SummaryMeta } from '../../src/core/batch/summary-pdf';
import { nodeCrc32Update, nodeSha256Hex } from '../../src/cli/hash';
import { readBatchItem } from '../../src/core/batch/batch';
import { unreadableItem } from '../../src/core/batch/run';
import { buildPacketWithoutReport } from '../../src/core/batch/synth-packet';
import { synthPlan } from '../../src/core/batch/synth';
import { comparedNameOf } from '../../src/core/batch/dedupe';
import { nameGroups, namePairsOfGroups } from '../../src/core/batch/name-pairs';

describe('the read pool reading its own files', () => {
  const pool = new BatchReadPool(2);
  const dir = mkdtempSync(join(tmpdir(), 'batch-pool-read-'));
  afterAll(() => pool.close());

  it('gives for a path what readBatchItem gives for its bytes, member for member', async () => {
    const members = [...synthPlan(4, 11).members()].slice(0, 3);
    for (const m of members) {
      const { bytes } = await buildPacketWithoutReport(m.claim, m.channel, '0.1.0', new Date('2022-11-01T09:00:00+09:00'));
      const path = join(dir, m.fileName);
      writeFileSync(path, bytes);
      const here = await readBatchItem(m.fileName, bytes, { sha256: nodeSha256Hex, crc32: nodeCrc32Update });
      expect(await pool.readPath(m.fileName, path)).toEqual({ members: here.members, invalid: here.invalid });
      expect(here.members).toHaveLength(1);
    }
  }, 60_000);

  it('searches 시도 groups for near-identical names on a thread, with the pairs this thread finds', async () => {
    const entries = [...synthPlan(400, 21).members()].map((m, index) => ({ index, sido: m.claim.claimant.region?.sido ?? '', name: comparedNameOf(m.claim.claimant.kind === 'merchant' ? m.claim.claimant.businessName : undefined, m.claim.claimant.name) }));
    const groups = nameGroups(entries);
    expect(groups.length).toBeGreaterThan(1);
    const here = namePairsOfGroups(groups);
    expect(here.flat().length).toBeGreaterThan(0);
    expect(await pool.namePairs(groups)).toEqual(here);
    expect(await pool.namePairs([])).toEqual([]);
  }, 60_000);

  it('answers requests sent in chunks (more than one chunk at once) each with its own file', async () => {
    const members = [...synthPlan(3, 12).members()];
    const expected = new Map<string, unknown>();
    for (const m of members) {
      const { bytes } = await buildPacketWithoutReport(m.claim, m.channel, '0.1.0', new Date('2022-11-01T09:00:00+09:00'));
      writeFileSync(join(dir, m.fileName), bytes);
      const here = await readBatchItem(m.fileName, bytes, { sha256: nodeSha256Hex, crc32: nodeCrc32Update });
      expected.set(m.fileName, { members: here.members, invalid: here.invalid });
    }
    expected.set('gone.zip', unreadableItem('gone.zip', 'ENOENT'));
    const names = [...expected.keys()];
    // 2.5 chunks' worth in one tick, in a mixed order: each answer must be its own request's.
    const asked = Array.from({ length: Math.ceil(POOL_CHUNK * 2.5) }, (_, i) => names[(i * 7) % names.length]!);
    const answers = await Promise.all(asked.map((name) => pool.readPath(name, join(dir, name))));
    answers.forEach((answer, i) => expect(answer).toEqual(expected.get(asked[i]!)));
  }, 60_000);

  it('writes the roster workbook on a pool thread: the same bytes this thread writes', async () => {
    const madeAt = new Date('2022-11-01T09:00:00+09:00');
    const rows: RosterCell[][] = Array.from({ length: 2500 }, (_, i) => [`회원 ${i}`, i, i % 3 ? null : '=SUM(A1)', 1234567 + i]);
    const here = await rosterWorkbookWriter(join(dir, 'here.xlsx'), madeAt);
    const there = pool.workbook(join(dir, 'there.xlsx'), madeAt);
    for (const row of rows) {
      here.addRow(row);
      there.addRow(row);
    }
    await Promise.all([here.commit(), there.commit()]);
    expect(readFileSync(join(dir, 'there.xlsx')).equals(readFileSync(join(dir, 'here.xlsx')))).toBe(true);
  }, 60_000);

  it('says which closing job failed on a pool thread, and the pool still answers', async () => {
    const book = pool.workbook(join(dir, 'no-such-folder', 'roster.xlsx'), new Date('2022-11-01T09:00:00+09:00'));
    book.addRow(['x']);
    await expect(book.commit()).rejects.toThrow(/batch worker \(xlsx\).*no-such-folder/s);
    await expect(pool.pdf(null as unknown as BatchAggregates, null as unknown as SummaryMeta)).rejects.toThrow(/batch worker \(pdf\)/);
    expect(await pool.readPath('gone.zip', join(dir, 'gone.zip'))).toEqual(unreadableItem('gone.zip', 'ENOENT'));
  }, 60_000);

  it('names a file it cannot read, with the errno code, as the one-thread path does', async () => {
    expect(await pool.readPath('packets/gone.zip', join(dir, 'gone.zip'))).toEqual(unreadableItem('packets/gone.zip', 'ENOENT'));
    expect(await pool.readPath('packets/folder.zip', dir)).toEqual(unreadableItem('packets/folder.zip', 'EISDIR'));
  }, 60_000);

  it('keeps the bytes it checked for a valid packet (for the zip), none for an invalid one, and removes its keep files on close', async () => {
    const keepDir = mkdtempSync(join(tmpdir(), 'batch-pool-keep-'));
    const keeping = new BatchReadPool(2, { keepPacketsIn: keepDir });
    try {
      const members = [...synthPlan(3, 13).members()];
      const written: [string, Uint8Array][] = [];
      for (const m of members) {
        const { bytes } = await buildPacketWithoutReport(m.claim, m.channel, '0.1.0', new Date('2022-11-01T09:00:00+09:00'));
        writeFileSync(join(dir, `keep-${m.fileName}`), bytes);
        written.push([`keep-${m.fileName}`, bytes]);
      }
      writeFileSync(join(dir, 'keep-broken.zip'), new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]));
      const labels = [...written.map(([name]) => name), 'keep-broken.zip', 'keep-gone.zip'];
      const items = await Promise.all(labels.map((name) => keeping.readPath(name, join(dir, name))));
      expect(items.map((i) => i.members.length)).toEqual([1, 1, 1, 0, 0]);
      // Every file answered: the threads close their keep files; what they kept is still there to read.
      keeping.readsDone();
      for (const [name, bytes] of written) expect(Buffer.from(keeping.keptPacket(name)!).equals(Buffer.from(bytes))).toBe(true);
      // Read back in windows: asked again, and out of order, each packet is still exactly its bytes.
      for (const [name, bytes] of [...written].reverse()) expect(Buffer.from(keeping.keptPacket(name)!).equals(Buffer.from(bytes))).toBe(true);
      expect(keeping.keptPacket('keep-broken.zip')).toBeNull();
      expect(keeping.keptPacket('keep-gone.zip')).toBeNull();
      expect(readdirSync(keepDir).sort()).toEqual(['.packets-0.bin', '.packets-1.bin']);
    } finally {
      await keeping.close();
    }
    expect(readdirSync(keepDir)).toEqual([]);
  }, 60_000);
});
