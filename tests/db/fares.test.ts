import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { estimateClaim } from '../../src/core/estimate';
import { parseClaimFile } from '../../src/core/model';
import { addClaim, ClaimValidationError, loadClaim, OutageDeskDB, saveChannelFares } from '../../src/db';

let db: OutageDeskDB;
beforeEach(async () => {
  db = new OutageDeskDB(`fares-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The designated driver's example claim with the revenue of every record removed (calls only). */
async function countsOnlyDriver(): Promise<string> {
  const parsed = parseClaimFile(readFileSync('assets/examples/driver-2022.claim.json', 'utf8'));
  if (!parsed.ok) throw new Error('example');
  const claim = { ...parsed.claim, records: parsed.claim.records.map((r) => ({ ...r, revenue: null })) };
  const row = await addClaim(db, claim);
  return row.id;
}

describe('saveChannelFares: the user saves the average fares of their channels', () => {
  it('stores each channel\'s fare in the claim, and the estimate uses them', async () => {
    const id = await countsOnlyDriver();
    const before = await loadClaim(db, id);
    expect(before.status === 'ready' && estimateClaim(before.claim).revenue.computable).toBe(false);
    await saveChannelFares(db, id, {
      'kakao-t': { amount: 25_000, source: 'trip-history', note: '' },
      'other-app': { amount: 22_000, source: 'union-survey', note: '' },
    });
    const after = await loadClaim(db, id);
    if (after.status !== 'ready') throw new Error(after.status);
    expect(after.claim.claimant.salesChannels.map((c) => c.averageFare?.amount)).toEqual([25_000, 22_000]);
    expect(estimateClaim(after.claim).lostProfit).toBe(210_750);
    // Undefined removes a channel's fare; channels not listed keep theirs.
    await saveChannelFares(db, id, { 'other-app': undefined });
    const again = await loadClaim(db, id);
    if (again.status !== 'ready') throw new Error(again.status);
    expect(again.claim.claimant.salesChannels.map((c) => c.averageFare?.amount)).toEqual([25_000, undefined]);
  });

  it('refuses a bad fare with the field named and leaves the stored claim untouched', async () => {
    const id = await countsOnlyDriver();
    const stored = (await db.claims.get(id))!;
    const attempt = saveChannelFares(db, id, { 'kakao-t': { amount: 20_000, source: 'other', note: '' } });
    await expect(attempt).rejects.toThrow(ClaimValidationError);
    await expect(attempt).rejects.toThrow(/claimant\.salesChannels\[0\]\.averageFare\.note: 평균 요금을 어디서 얻었는지 적어 주세요/);
    expect(await db.claims.get(id)).toEqual(stored);
  });
});
