/**
 * Issue 15: the app's screen and the CLI give identical figures for the same exported claim, for random
 * claims. The screen's path is the real one (Dexie on fake-indexeddb: addClaim, loadClaim, then
 * estimateClaim as useClaimEstimate does); the CLI's is the real `estimate --json` command, in process,
 * reading the file the app exports.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { estimateToJson, run } from '../../src/cli/commands/estimate';
import { estimateClaim } from '../../src/core/estimate/index';
import { addClaim, exportClaimFile, loadClaim, OutageDeskDB } from '../../src/db';
import { randomClaim } from '../core/estimate/random-claims';

let db: OutageDeskDB;
const dir = mkdtempSync(join(tmpdir(), 'screen-vs-cli-'));

beforeAll(async () => {
  db = new OutageDeskDB(`screen-vs-cli-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterAll(() => db.close());

async function cliJson(file: string): Promise<unknown> {
  const printed: string[] = [];
  // The command writes to stdout itself (waiting when the pipe is full), not through console.log.
  const log = vi.spyOn(process.stdout, 'write').mockImplementation((text: string | Uint8Array) => {
    printed.push(String(text));
    return true;
  });
  try {
    expect(await run([file, '--json'])).toBe(0);
  } finally {
    log.mockRestore();
  }
  expect(printed).toHaveLength(1);
  return JSON.parse(printed[0]!);
}

describe('screen and CLI agree on random claims', () => {
  it('40 random claims: the stored claim\'s estimate equals `estimate --json` on its exported file', async () => {
    let notComputable = 0;
    for (let i = 1; i <= 40; i++) {
      const { claim } = randomClaim(i * 104_729);
      const { id } = await addClaim(db, claim);
      const loaded = await loadClaim(db, id);
      if (loaded.status !== 'ready') throw new Error(`claim ${i} did not load: ${JSON.stringify(loaded)}`);
      const onScreen = estimateClaim(loaded.claim);
      if (!onScreen.revenue.computable) notComputable++;
      const file = join(dir, `claim-${i}.json`);
      writeFileSync(file, await exportClaimFile(db, id));
      const fromCli = await cliJson(file);
      expect(fromCli, `claim ${i}`).toEqual(JSON.parse(JSON.stringify(estimateToJson(file, onScreen))));
      // And the stored claim gives what the claim itself gives (nothing lost on the way into the store).
      expect(onScreen, `claim ${i}`).toEqual(estimateClaim(claim));
    }
    expect(notComputable).toBeGreaterThan(0);
  });
});
