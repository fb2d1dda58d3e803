import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseClaimFile } from '../../src/core/model';
import type { Claim } from '../../src/core/model';
import { estimateClaim } from '../../src/core/estimate';
import {
  OutageDeskDB, addClaim, createClaim, exportClaimFile, loadClaim, removeExampleClaims, saveClaimDocument, ClaimValidationError,
  putRecords, listClaims,
} from '../../src/db';

function example(name: string): Claim {
  const parsed = parseClaimFile(readFileSync(`assets/examples/${name}`, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.claim;
}

let db: OutageDeskDB;
beforeEach(async () => {
  db = new OutageDeskDB(`claim-store-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('claim store', () => {
  it('stores a claim file whole and gives back the same claim and the same estimate', async () => {
    const driver = example('driver-2022.claim.json');
    const { id } = await addClaim(db, driver, { example: true });
    const loaded = await loadClaim(db, id);
    expect(loaded.status).toBe('ready');
    if (loaded.status !== 'ready') return;
    expect(loaded.claim.records).toHaveLength(driver.records.length);
    const est = estimateClaim(loaded.claim);
    expect(est.lostProfit).toBe(210750);
    expect(est.claimTotal).toBe(224490);
    const again = parseClaimFile(await exportClaimFile(db, id));
    expect(again.ok).toBe(true);
    if (again.ok) expect(estimateClaim(again.claim).claimTotal).toBe(224490);
  });

  it('gives a second copy of the same claim a fresh id', async () => {
    const merchant = example('merchant-best-week.claim.json');
    const a = await addClaim(db, merchant);
    const b = await addClaim(db, merchant);
    expect(a.id).not.toBe(b.id);
    expect(await listClaims(db)).toHaveLength(2);
  });

  it('keeps an unfinished claim as a draft and lists what is missing', async () => {
    const row = await createClaim(db, { title: '새 신고서' });
    const loaded = await loadClaim(db, row.id);
    expect(loaded.status).toBe('draft');
    if (loaded.status === 'draft') expect(loaded.issues.map((i) => i.path)).toContain('claimant');
  });

  it('refuses a document that is wrong, naming the field, and stores nothing', async () => {
    const driver = example('driver-2022.claim.json');
    const { id } = await addClaim(db, driver);
    const before = await db.claims.get(id);
    const { records: _r, evidence: _e, ...body } = driver;
    const bad = { ...body, claimant: { ...body.claimant, mobile: '02-123' } };
    await expect(saveClaimDocument(db, id, bad)).rejects.toThrow(ClaimValidationError);
    await expect(saveClaimDocument(db, id, bad)).rejects.toThrow(/claimant\.mobile/);
    expect(await db.claims.get(id)).toEqual(before);
  });

  it('refuses records on a channel the claimant does not have once the claim is complete', async () => {
    const driver = example('driver-2022.claim.json');
    const { id } = await addClaim(db, driver);
    await putRecords(db, id, [{ bucket: '2022-10-15T21:00+09:00', channel: 'no-such-app', count: 1, provenance: { kind: 'reconstructed' } }]);
    const loaded = await loadClaim(db, id);
    expect(loaded.status).toBe('draft');
    if (loaded.status === 'draft') expect(loaded.issues.some((i) => /records\[\d+\]\.channel/.test(i.path))).toBe(true);
  });

  it('removes the examples in one step and keeps the user claims', async () => {
    await addClaim(db, example('driver-2022.claim.json'), { example: true });
    await addClaim(db, example('cafe-daily.claim.json'), { example: true });
    const mine = await createClaim(db, { title: '내 신고서' });
    expect(await removeExampleClaims(db)).toBe(2);
    expect((await listClaims(db)).map((c) => c.id)).toEqual([mine.id]);
    expect(await db.records.count()).toBe(0);
  });
});
