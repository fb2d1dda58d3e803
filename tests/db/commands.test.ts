import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseClaimFile, type Claim } from '../../src/core/model';
import {
  OutageDeskDB, addExampleClaimSet, checkAlreadyImported, checkOverlaps, countExampleClaims, createClaim,
  listImportedFiles, putRecords, recordDateSpan, removeExampleClaims, removeImportedFile, saveImportedRecords,
} from '../../src/db';
import { exportBackupByName, previewBackup } from '../../src/db/backup';

/** The named queries and commands the screens call instead of touching tables (issue 17), on real Dexie. */
const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
const imported = (bucket: string, count: number, sha: string) => ({ bucket, channel: 'phone', count, revenue: count * 1000, provenance: { kind: 'imported', fileSha256: sha } });

let db: OutageDeskDB;
let claimId: string;
beforeEach(async () => {
  db = new OutageDeskDB(`commands-${Math.random()}`);
  await db.open();
  claimId = (await createClaim(db, { title: '테스트' })).id;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('imports: saveImportedRecords, listImportedFiles, removeImportedFile', () => {
  it('stores an import with its overlap decision, lists it, refuses it twice, and takes it back out', async () => {
    const first = [imported('2022-10-15T20:00+09:00', 2, SHA_A), imported('2022-10-15T21:00+09:00', 3, SHA_A)];
    const none = await checkOverlaps(db, claimId, first as never);
    expect(none.overlaps).toBe(0);
    expect(await saveImportedRecords(db, claimId, { sha256: SHA_A, fileName: 'a.csv' }, first as never, none, 'replace')).toEqual({ stored: 2, replaced: 0, kept: 0 });
    expect((await checkAlreadyImported(db, claimId, SHA_A)).ok).toBe(false);

    const second = [imported('2022-10-15T21:00+09:00', 9, SHA_B)];
    const overlap = await checkOverlaps(db, claimId, second as never);
    expect(overlap.overlaps).toBe(1);
    expect(await saveImportedRecords(db, claimId, { sha256: SHA_B, fileName: 'b.csv' }, second as never, overlap, 'replace')).toMatchObject({ stored: 1, replaced: 1 });
    expect((await listImportedFiles(db, claimId)).map((r) => r.fileName).sort()).toEqual(['a.csv', 'b.csv']);
    expect(await recordDateSpan(db, claimId)).toEqual({ first: '2022-10-15', last: '2022-10-15' });

    // Taking file A back out removes only A's remaining record, and its mark.
    expect(await removeImportedFile(db, claimId, SHA_A)).toBe(1);
    expect((await listImportedFiles(db, claimId)).map((r) => r.fileName)).toEqual(['b.csv']);
    expect((await db.records.where('claimId').equals(claimId).toArray()).map((r) => r.count)).toEqual([9]);
    expect((await checkAlreadyImported(db, claimId, SHA_A)).ok).toBe(true);
  });

  it('leaves records edited since the import (another provenance) in place', async () => {
    await saveImportedRecords(db, claimId, { sha256: SHA_A, fileName: 'a.csv' }, [imported('2022-10-16T01:00+09:00', 1, SHA_A)] as never, await checkOverlaps(db, claimId, []), 'replace');
    await putRecords(db, claimId, [{ bucket: '2022-10-16T02:00+09:00', channel: 'phone', count: 4, provenance: { kind: 'reconstructed' } }]);
    expect(await removeImportedFile(db, claimId, SHA_A)).toBe(1);
    expect(await recordDateSpan(db, claimId)).toEqual({ first: '2022-10-16', last: '2022-10-16' });
  });
});

describe('examples: addExampleClaimSet, countExampleClaims', () => {
  it('adds the set marked as examples, counts it, and removes it in one step', async () => {
    const parsed = parseClaimFile(readFileSync('assets/examples/driver-2022.claim.json', 'utf8'));
    if (!parsed.ok) throw new Error('example');
    const claim: Claim = { ...parsed.claim, evidence: [], directItems: parsed.claim.directItems.map((i) => ({ ...i, evidenceIds: [] })), indirectItems: parsed.claim.indirectItems.map((i) => ({ ...i, evidenceIds: [] })) };
    expect(await countExampleClaims(db)).toBe(0);
    const ids = await addExampleClaimSet(db, [{ claim, evidence: [] }, { claim, evidence: [] }]);
    expect(new Set(ids).size).toBe(2);
    expect(await countExampleClaims(db)).toBe(2);
    expect(await removeExampleClaims(db)).toBe(2);
    expect(await countExampleClaims(db)).toBe(0);
  });
});

describe('backup: exportBackupByName', () => {
  it('backs up a database by name through its own connection', async () => {
    await putRecords(db, claimId, [{ bucket: '2022-10-15T20:00+09:00', channel: 'phone', count: 1, provenance: { kind: 'logged' } }]);
    const bytes = await exportBackupByName(db.name);
    const preview = await previewBackup(bytes);
    expect(preview.ok).toBe(true);
    if (preview.ok) expect([preview.summary.claims.length, preview.summary.recordCount]).toEqual([1, 1]);
  });
});
