import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBackup, BackupError } from '../../src/core/backup';
import { OutageDeskDB } from '../../src/db/database';
import { createClaim, saveClaimBody } from '../../src/db/claims';
import { countRecords, importRecords, listRecords, putRecords, recordsOfDay } from '../../src/db/records';
import { copyInstalledDatabase } from '../../src/db/pre-upgrade';
import { LATEST_VERSION } from '../../src/db/versions';
import { addEvidence } from '../../src/db/evidence';
import { setSetting } from '../../src/db/settings';
import { exportBackup, previewBackup, restoreBackup } from '../../src/db/backup';
import { freshName, seedAtVersion } from './harness';
import { fullDump } from './backup-dump';
import { asset, craftBackup, sampleContents, sha256 } from '../core/backup/fixtures';
import { associationPack } from '../fixtures/association-pack';
import { findStoredPack, listStoredPacks, saveImportedPack } from '../../src/db/packs';

const open: OutageDeskDB[] = [];
async function newDb(label = 'backup'): Promise<OutageDeskDB> {
  const db = new OutageDeskDB(freshName(label));
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => open.splice(0).forEach((db) => db.close()));

const NOW = new Date('2022-10-28T03:00:00Z');

/** A desk as a user leaves it: two claims (one a full claim file), records typed and imported, evidence, settings. */
async function seedDesk(db: OutageDeskDB): Promise<void> {
  const cafe = JSON.parse(new TextDecoder().decode(asset('examples/cafe-daily.claim.json')));
  const a = await createClaim(db, { title: '연남 카페', kind: 'merchant' });
  await saveClaimBody(db, a.id, cafe);
  await putRecords(db, a.id, cafe.records.slice(0, 30));
  const b = await createClaim(db, { title: '제주 택시', kind: 'taxi' });
  const csv = asset('samples/kakao-t-trip-history-2022.csv');
  await importRecords(db, b.id, { sha256: sha256(csv), fileName: '운행내역.csv' }, [
    { bucket: '2022-10-15T20:00+09:00', channel: 'kakao-t', count: 0, revenue: 0, provenance: { kind: 'imported', fileSha256: sha256(csv), row: 2 } },
    { bucket: '2022-10-08T20:00+09:00', channel: 'kakao-t', count: 3, revenue: 54_000, provenance: { kind: 'imported', fileSha256: sha256(csv), row: 3 } },
  ]);
  await addEvidence(db, a.id, { name: '카드매출.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: asset('samples/card-sales-daily-2022.xlsx') }, '카드사에서 받음');
  await addEvidence(db, b.id, { name: '운행내역.csv', type: 'text/csv', bytes: csv });
  await setSetting(db, 'language', 'ko');
  await setSetting(db, 'currentClaimId', b.id);
}

describe('export and restore', () => {
  it('restores every row and every evidence byte into an empty database exactly', async () => {
    const source = await newDb('source');
    await seedDesk(source);
    const bytes = await exportBackup(source, { now: NOW });
    const target = await newDb('target');
    const summary = await restoreBackup(target, bytes, { mode: 'replace-all' });
    expect(summary.claims.map((c) => [c.title, c.recordCount, c.evidenceCount])).toEqual(
      expect.arrayContaining([['연남 카페', 30, 1], ['제주 택시', 2, 1]]),
    );
    expect(await fullDump(target.name)).toEqual(await fullDump(source.name));
    const before = await fullDump(source.name);
    expect(before.tables.records).toHaveLength(32);
    expect(before.tables.evidence).toHaveLength(2);
  });

  it('replaces everything that was there (replace-all), in one step', async () => {
    const source = await newDb('source');
    await seedDesk(source);
    const bytes = await exportBackup(source, { now: NOW });
    const target = await newDb('target');
    const other = await createClaim(target, { title: '지울 신고서' });
    await putRecords(target, other.id, [{ bucket: '2022-10-01', channel: 'walk-in', count: 9, provenance: { kind: 'logged' } }]);
    await restoreBackup(target, bytes, { mode: 'replace-all' });
    expect(await target.claims.get(other.id)).toBeUndefined();
    expect(await target.records.where('claimId').equals(other.id).count()).toBe(0);
    expect(await fullDump(target.name)).toEqual(await fullDump(source.name));
  });

  it('round-trips with a passphrase, and a wrong one touches nothing', async () => {
    const source = await newDb('source');
    await seedDesk(source);
    const bytes = await exportBackup(source, { now: NOW, passphrase: '우리 가게 비밀번호' });
    const target = await newDb('target');
    await setSetting(target, 'language', 'en');
    const before = await fullDump(target.name);
    const wrong = await restoreBackup(target, bytes, { mode: 'replace-all', passphrase: '틀린 비밀번호입니다' }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(BackupError);
    expect((wrong as Error).message).toBe('비밀번호가 맞지 않거나 파일이 손상됐어요 / the passphrase is wrong or the file is damaged');
    expect(await fullDump(target.name)).toEqual(before);
    await restoreBackup(target, bytes, { mode: 'replace-all', passphrase: '우리 가게 비밀번호' });
    expect(await fullDump(target.name)).toEqual(await fullDump(source.name));
  });

  it('restores a version-1 backup into the current version, rows in the current shape and found by day', async () => {
    const target = await newDb();
    const { bytes } = await buildBackup(sampleContents(), { appVersion: '0.1.0', dbVersion: 1, now: NOW });
    await restoreBackup(target, bytes, { mode: 'replace-all' });
    const rows = await target.records.toArray();
    expect(rows).toHaveLength(41);
    for (const r of rows) expect('day' in r).toBe(false);
    const [first] = rows;
    expect((await recordsOfDay(target, first!.claimId, first!.bucket.slice(0, 10))).map((r) => r.id)).toContain(first!.id);
  });

  it('restores the copy of a version-2 database (rows with `day`, taken before its upgrade) into the current version', async () => {
    const name = freshName('v2-copy');
    await seedAtVersion(name, 2, async (old) => {
      await old.table('claims').add({ id: 'c1', title: '판교 치킨', kind: 'merchant', createdAt: '2022-10-20T09:00:00.000+09:00', updatedAt: '2022-10-20T09:00:00.000+09:00', example: 0, body: {} });
      await old.table('records').bulkAdd([
        { claimId: 'c1', bucket: '2022-10-15T20:00+09:00', day: '2022-10-15', channel: 'phone', count: 3, revenue: 54_000, provenance: { kind: 'logged' } },
        { claimId: 'c1', bucket: '2022-10-08', day: '2022-10-08', channel: 'phone', count: 41, provenance: { kind: 'reconstructed', note: '지난주' } },
      ]);
    });
    const copy = await copyInstalledDatabase(name, { now: NOW, appVersion: '0.1.0' });
    expect(copy).toMatchObject({ kind: 'backup', dbVersion: 2 });
    expect((await previewBackup(copy.bytes)).ok).toBe(true);

    const target = await newDb();
    const summary = await restoreBackup(target, copy.bytes, { mode: 'replace-all' });
    expect(summary.dbVersion).toBe(2);
    expect(target.verno).toBe(LATEST_VERSION);
    const rows = await listRecords(target, 'c1');
    expect(rows.map(({ id: _id, ...r }) => r)).toEqual([
      { claimId: 'c1', bucket: '2022-10-08', channel: 'phone', count: 41, provenance: { kind: 'reconstructed', note: '지난주' } },
      { claimId: 'c1', bucket: '2022-10-15T20:00+09:00', channel: 'phone', count: 3, revenue: 54_000, provenance: { kind: 'logged' } },
    ]);
    expect(await countRecords(target, 'c1')).toBe(2);
  });
});

describe('preview', () => {
  it('summarises without writing, and reports a bad file as a BackupError', async () => {
    const source = await newDb('source');
    await seedDesk(source);
    const bytes = await exportBackup(source, { now: NOW, appVersion: '9.9.9' });
    const preview = await previewBackup(bytes);
    expect(preview.ok).toBe(true);
    if (preview.ok) {
      expect(preview.summary).toMatchObject({ createdAt: '2022-10-28T12:00:00+09:00', appVersion: '9.9.9', recordCount: 32, evidenceCount: 2, importCount: 1, settingCount: 2, encrypted: false });
      expect(preview.summary.evidenceBytes).toBe(10337 + 14253);
    }
    const bad = await previewBackup(bytes.subarray(0, 500));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/손상/);
    const locked = await previewBackup(await exportBackup(source, { now: NOW, passphrase: 'abcdefgh' }));
    expect(!locked.ok && locked.error.code).toBe('passphrase-required');
  });
});

describe('all or nothing', () => {
  it('leaves the database exactly as it was when the restore fails half way', async () => {
    const source = await newDb('source');
    await seedDesk(source);
    const bytes = await exportBackup(source, { now: NOW });
    const target = await newDb('target');
    const mine = await createClaim(target, { title: '내 신고서' });
    await putRecords(target, mine.id, [{ bucket: '2022-10-02', channel: 'walk-in', count: 4, provenance: { kind: 'logged' } }]);
    await addEvidence(target, mine.id, { name: 'a.png', type: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, 1, 2, 3]) });
    await setSetting(target, 'currentClaimId', mine.id);
    const before = await fullDump(target.name);

    // The failure strikes after the tables were cleared and claims and some records were written.
    let written = 0;
    const failAtTenth = () => {
      written += 1;
      if (written === 10) throw new Error('디스크가 가득 찼어요 (simulated)');
    };
    target.records.hook('creating', failAtTenth);
    await expect(restoreBackup(target, bytes, { mode: 'replace-all' })).rejects.toThrow(/simulated/);
    target.records.hook('creating').unsubscribe(failAtTenth);
    expect(written).toBe(10);
    expect(await fullDump(target.name)).toEqual(before);

    // A failure on the last table (settings) is rolled back the same way.
    const failSettings = () => {
      throw new Error('settings write failed (simulated)');
    };
    target.settings.hook('creating', failSettings);
    await expect(restoreBackup(target, bytes, { mode: 'replace-all' })).rejects.toThrow(/simulated/);
    target.settings.hook('creating').unsubscribe(failSettings);
    expect(await fullDump(target.name)).toEqual(before);
  });

  it('refuses a backup from a newer database version and changes nothing', async () => {
    const target = await newDb();
    await createClaim(target, { title: '그대로 있어야 해요' });
    const before = await fullDump(target.name);
    const e = await restoreBackup(target, craftBackup({}, { dbVersion: 99 }), { mode: 'replace-all' }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(BackupError);
    expect((e as BackupError).code).toBe('newer-version');
    expect((e as Error).message).toMatch(/dbVersion 99.*업데이트/);
    expect(await fullDump(target.name)).toEqual(before);
  });

  it('refuses an unknown restore mode', async () => {
    const target = await newDb();
    await expect(restoreBackup(target, new Uint8Array(1), { mode: 'merge' as never })).rejects.toThrow(RangeError);
  });
});

describe('backup preview of claims as the claim store keeps them', () => {
  it('marks a complete claim (document, records and evidence apart) as complete and an unfinished one as a draft; evidence labels survive', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseClaimFile } = await import('../../src/core/model');
    const { addClaim, loadClaim } = await import('../../src/db/claim-store');
    const parsed = parseClaimFile(readFileSync('assets/examples/driver-2022.claim.json', 'utf8'));
    if (!parsed.ok) throw new Error('example');
    const db = await newDb('store-draft');
    const { id } = await addClaim(db, parsed.claim);
    const png = asset('samples/broken-rows.csv');
    await db.evidence.add({
      id: 'ev-screen', claimId: id, sha256: sha256(png), fileName: 'screen.png', mimeType: 'image/png', size: png.length,
      addedAt: '2022-10-16T09:00:00.000+09:00', label: 'screenshot-outage', provenance: 'at-the-time', linkedIds: ['claim-prep'], blob: new Blob([png]),
    });
    await createClaim(db, { title: '작성 중' });
    const preview = await previewBackup(await exportBackup(db, { now: NOW }));
    if (!preview.ok) throw preview.error;
    const summary = preview.summary;
    expect(summary.claims.map((c) => [c.title, c.draft]).sort()).toEqual([[parsed.claim.title, false], ['작성 중', true]].sort());

    const target = await newDb('store-draft-restored');
    await restoreBackup(target, await exportBackup(db, { now: NOW }), { mode: 'replace-all' });
    const restored = await target.evidence.get('ev-screen');
    expect(restored).toMatchObject({ label: 'screenshot-outage', provenance: 'at-the-time', linkedIds: ['claim-prep'] });
    expect((await loadClaim(target, id)).status).toBe('ready');
  });
});

describe('incident packs stored here', () => {
  it('a pack imported on one desk comes back with the restore, as stored', async () => {
    const source = await newDb('packs-source');
    await seedDesk(source);
    await saveImportedPack(source, associationPack());
    const bytes = await exportBackup(source, { now: NOW });
    const preview = await previewBackup(bytes);
    expect(preview.ok && preview.summary.packCount).toBe(1);
    const target = await newDb('packs-target');
    await restoreBackup(target, bytes, { mode: 'replace-all' });
    expect(await findStoredPack(target, 'assoc-isp-2026-12', 1)).toEqual(associationPack());
    expect(await fullDump(target.name)).toEqual(await fullDump(source.name));
  });

  it('an older backup (format version 1, no packs) restores as before, and the packs stored here stay', async () => {
    const target = await newDb('packs-v1');
    await saveImportedPack(target, associationPack());
    const v1 = craftBackup({ 'settings.json': JSON.stringify([{ key: 'language', value: 'en' }]) }, { counts: { claims: 0, records: 0, evidence: 0, evidenceBytes: 0, imports: 0, settings: 1 } });
    const summary = await restoreBackup(target, v1, { mode: 'replace-all' });
    expect(summary.formatVersion).toBe(1);
    expect(await target.settings.toArray()).toEqual([{ key: 'language', value: 'en' }]);
    expect((await listStoredPacks(target)).map((r) => [r.id, r.version])).toEqual([['assoc-isp-2026-12', 1]]);
  });

  it('keeps a stored pack when the backup holds the same version with the same content; refuses other content and changes nothing', async () => {
    const source = await newDb('packs-same');
    await saveImportedPack(source, associationPack());
    const bytes = await exportBackup(source, { now: NOW });

    const same = await newDb('packs-same-target');
    await saveImportedPack(same, associationPack());
    await restoreBackup(same, bytes, { mode: 'replace-all' });
    expect(await same.packs.count()).toBe(1);

    const other = await newDb('packs-conflict');
    await seedDesk(other);
    await saveImportedPack(other, associationPack(70_000));
    const before = await fullDump(other.name);
    const err = await restoreBackup(other, bytes, { mode: 'replace-all' }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as BackupError).code).toBe('pack-conflict');
    expect((err as BackupError).message).toContain('동네 인터넷 장애 (2026년 12월)');
    expect((err as BackupError).message).toContain('버전 1');
    expect(await fullDump(other.name)).toEqual(before);
  });
});
