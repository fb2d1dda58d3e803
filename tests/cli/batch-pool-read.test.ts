import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BatchReadPool } from '../../src/cli/batch-pool';
import { nodeCrc32Update, nodeSha256Hex } from '../../src/cli/hash';
import { readBatchItem } from '../../src/core/batch/batch';
import { unreadableItem } from '../../src/core/batch/run';
import { buildPacketWithoutReport } from '../../src/core/batch/synth-packet';
import { synthPlan } from '../../src/core/batch/synth';

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

  it('names a file it cannot read, with the errno code, as the one-thread path does', async () => {
    expect(await pool.readPath('packets/gone.zip', join(dir, 'gone.zip'))).toEqual(unreadableItem('packets/gone.zip', 'ENOENT'));
    expect(await pool.readPath('packets/folder.zip', dir)).toEqual(unreadableItem('packets/folder.zip', 'EISDIR'));
  }, 60_000);
});
