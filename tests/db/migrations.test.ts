import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seedAtVersion, freshName, dumpDatabase } from './harness';
import type { RecordRow } from '../../src/db/schema';
import { openDesk } from '../../src/db/open';
import { LATEST_VERSION, versions } from '../../src/db/versions';
import { OutageDeskDB } from '../../src/db/database';
import { countRecords, importRecords, listRecords, recordsOfDay } from '../../src/db/records';

async function openReady(name: string) {
  const result = await openDesk(name);
  if (result.kind !== 'ready') throw new Error(`expected ready, got ${result.kind}`);
  return result.db;
}

describe('migrations: every older version opens with the current app', () => {
  for (const v of versions.slice(0, -1)) {
    it(`an empty database at version ${v.version} (${v.name}) upgrades to ${LATEST_VERSION}`, async () => {
      const name = freshName(`empty-v${v.version}`);
      await seedAtVersion(name, v.version, async () => {});
      const db = await openReady(name);
      expect(db.verno).toBe(LATEST_VERSION);
      db.close();
    });
  }
});

describe('migration 1 -> 2 (records-by-day)', () => {
  it('adds the KST day to every record and keeps everything else as it was', async () => {
    const name = freshName('v1-v2');
    const evidenceBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    await seedAtVersion(name, 1, async (old) => {
      await old.table('claims').add({
        id: 'c1', title: '판교 치킨', kind: 'merchant', createdAt: '2022-10-20T09:00:00.000+09:00',
        updatedAt: '2022-10-21T09:00:00.000+09:00', example: 0, body: { note: 'kept' },
      });
      await old.table('records').bulkAdd([
        { claimId: 'c1', bucket: '2022-10-15T20:00+09:00', channel: 'kakao-t', count: 0, revenue: 0, provenance: { kind: 'logged' } },
        { claimId: 'c1', bucket: '2022-10-15T21:00+09:00', channel: 'phone', count: 3, revenue: 54000, provenance: { kind: 'logged' } },
        { claimId: 'c1', bucket: '2022-10-08', channel: 'kakao-t', count: 41, revenue: 738000, provenance: { kind: 'reconstructed', note: '지난주 토요일' } },
        { claimId: 'c2', bucket: '2022-10-15', channel: 'card', count: 12, provenance: { kind: 'logged' } },
      ]);
      await old.table('evidence').add({
        id: 'e1', claimId: 'c1', sha256: 'a'.repeat(64), fileName: '매출.pdf', mimeType: 'application/pdf',
        size: 4, addedAt: '2022-10-21T10:00:00.000+09:00', blob: new Blob([evidenceBytes], { type: 'application/pdf' }),
      });
      await old.table('settings').put({ key: 'language', value: 'en' });
      await old.table('imports').add({ claimId: 'c1', sha256: 'b'.repeat(64), fileName: 'pos.csv', importedAt: '2022-10-21T10:00:00.000+09:00', recordCount: 2 });
    });
    const before = await dumpDatabase(name);

    // Only the step under test: the app as it shipped version 2.
    const db = new OutageDeskDB(name, 2);
    await db.open();
    expect(db.verno).toBe(2);

    const records = (await listRecords(db, 'c1')) as (RecordRow & { day?: string })[];
    expect(records.map((r) => [r.bucket, r.day])).toEqual([
      ['2022-10-08', '2022-10-08'],
      ['2022-10-15T20:00+09:00', '2022-10-15'],
      ['2022-10-15T21:00+09:00', '2022-10-15'],
    ]);
    // The version-2 index answers per-day reads for one claim only.
    const ofDay = (claimId: string, day: string) => db.table('records').where('[claimId+day]').equals([claimId, day]).toArray() as Promise<RecordRow[]>;
    expect((await ofDay('c1', '2022-10-15')).map((r) => r.channel).sort()).toEqual(['kakao-t', 'phone']);
    expect((await ofDay('c2', '2022-10-15')).map((r) => r.count)).toEqual([12]);

    // Apart from `day`, every row is byte-for-byte what it was.
    const after = await dumpDatabase(name);
    db.close();
    const stripDay = (rows: unknown[]) => rows.map((r) => { const { day: _day, ...rest } = r as { day?: string }; return rest; });
    expect(stripDay(after.tables.records!)).toEqual(before.tables.records);
    for (const t of ['claims', 'settings', 'imports']) expect(after.tables[t]).toEqual(before.tables[t]);
    const blob = (after.tables.evidence![0] as { blob: Blob }).blob;
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(evidenceBytes);
  });
});

/** Rows as version 2 stored them: `day` beside the bucket. */
const V2_RECORDS = [
  { claimId: 'c1', bucket: '2022-10-15T20:00+09:00', day: '2022-10-15', channel: 'kakao-t', count: 0, revenue: 0, provenance: { kind: 'logged' } },
  { claimId: 'c1', bucket: '2022-10-15T21:00+09:00', day: '2022-10-15', channel: 'phone', count: 3, revenue: 54000, provenance: { kind: 'logged' } },
  { claimId: 'c1', bucket: '2022-10-15', day: '2022-10-15', channel: 'card', count: 7, revenue: 91000, provenance: { kind: 'imported', fileSha256: 'c'.repeat(64), fileName: '카드.xlsx', row: 4 } },
  { claimId: 'c1', bucket: '2022-10-08', day: '2022-10-08', channel: 'kakao-t', count: 41, revenue: 738000, provenance: { kind: 'reconstructed', note: '지난주 토요일' } },
  { claimId: 'c1', bucket: '2022-10-16T00:00+09:00', day: '2022-10-16', channel: 'phone', count: 1, provenance: { kind: 'logged' } },
  { claimId: 'c10', bucket: '2022-10-15', day: '2022-10-15', channel: 'card', count: 12, provenance: { kind: 'logged' } },
];

describe('migration 2 -> 3 (records-two-indexes)', () => {
  async function seedV2(name: string) {
    const evidenceBytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    await seedAtVersion(name, 2, async (old) => {
      await old.table('claims').bulkAdd([
        { id: 'c1', title: '판교 치킨', kind: 'merchant', createdAt: '2022-10-20T09:00:00.000+09:00', updatedAt: '2022-10-21T09:00:00.000+09:00', example: 0, body: { note: 'kept' } },
        { id: 'c10', title: '제주 택시', kind: 'taxi', createdAt: '2022-10-20T09:00:00.000+09:00', updatedAt: '2022-10-21T09:00:00.000+09:00', example: 0, body: {} },
      ]);
      await old.table('records').bulkAdd(V2_RECORDS);
      await old.table('evidence').add({
        id: 'e1', claimId: 'c1', sha256: 'a'.repeat(64), fileName: '매출.pdf', mimeType: 'application/pdf',
        size: 4, addedAt: '2022-10-21T10:00:00.000+09:00', blob: new Blob([evidenceBytes], { type: 'application/pdf' }),
      });
      await old.table('settings').put({ key: 'language', value: 'ko' });
      await old.table('imports').add({ claimId: 'c1', sha256: 'c'.repeat(64), fileName: '카드.xlsx', importedAt: '2022-10-21T10:00:00.000+09:00', recordCount: 1 });
    });
    return evidenceBytes;
  }

  it('drops the `claimId` and `[claimId+day]` indexes and the `day` field, and keeps everything else as it was', async () => {
    const name = freshName('v2-v3');
    const evidenceBytes = await seedV2(name);
    const before = await dumpDatabase(name);

    const db = await openReady(name);
    expect(db.verno).toBe(LATEST_VERSION);
    const indexes = db.records.schema.indexes.map((i) => i.name).sort();
    expect(indexes).toEqual(['[claimId+bucket]', '[claimId+channel+bucket]']);
    expect(db.records.schema.primKey.name).toBe('id');

    const after = await dumpDatabase(name);
    db.close();
    // Every record is the same row (same id) minus `day`; no other table changed.
    const stripDay = (rows: unknown[]) => rows.map((r) => { const { day: _day, ...rest } = r as { day?: string }; return rest; });
    expect(after.tables.records).toEqual(stripDay(before.tables.records!));
    for (const r of after.tables.records!) expect(Object.keys(r as object)).not.toContain('day');
    for (const t of ['claims', 'settings', 'imports']) expect(after.tables[t]).toEqual(before.tables[t]);
    const blob = (after.tables.evidence![0] as { blob: Blob }).blob;
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(evidenceBytes);
  });

  it('answers every read the dropped indexes answered, for one claim only (c1 is a prefix of c10)', async () => {
    const name = freshName('v2-v3-reads');
    await seedV2(name);
    const db = await openReady(name);
    try {
      // A day, hourly and daily buckets alike, from a `[claimId+bucket]` range.
      expect((await recordsOfDay(db, 'c1', '2022-10-15')).map((r) => `${r.bucket} ${r.channel}`)).toEqual([
        '2022-10-15 card',
        '2022-10-15T20:00+09:00 kakao-t',
        '2022-10-15T21:00+09:00 phone',
      ]);
      expect((await recordsOfDay(db, 'c1', '2022-10-16')).map((r) => r.bucket)).toEqual(['2022-10-16T00:00+09:00']);
      expect((await recordsOfDay(db, 'c10', '2022-10-15')).map((r) => r.count)).toEqual([12]);
      expect(await recordsOfDay(db, 'c1', '2022-10-14')).toEqual([]);

      // `where('claimId')`, used by deletes and the import screen, has no index of its own any more:
      // Dexie answers it from the first part of a compound index (a "virtual index", Dexie >= 3).
      expect(db.records.schema.idxByName.claimId).toBeUndefined();
      // (in the compound index's order, not by id: callers that care sort themselves)
      const ids = (rows: RecordRow[]) => rows.map((r) => r.id!).sort((a, b) => a - b);
      expect(ids(await db.records.where('claimId').equals('c1').toArray())).toEqual(ids(await listRecords(db, 'c1')));
      expect(ids(await listRecords(db, 'c1'))).toHaveLength(5);
      expect(await db.records.where('claimId').equals('c10').count()).toBe(1);
      expect(await countRecords(db, 'c1')).toBe(5);
      expect(await countRecords(db, 'c10')).toBe(1);
      await db.records.where('claimId').equals('c10').delete();
      expect(await countRecords(db, 'c10')).toBe(0);
      expect(await countRecords(db, 'c1')).toBe(5);

      // New writes after the upgrade carry no `day` either.
      await importRecords(db, 'c1', { sha256: 'd'.repeat(64), fileName: 'pos.csv' }, [
        { bucket: '2022-10-15T22:00+09:00', channel: 'phone', count: 2, revenue: 30000, provenance: { kind: 'imported', fileSha256: 'd'.repeat(64), row: 2 } },
      ]);
      const stored = await db.records.where('[claimId+channel+bucket]').equals(['c1', 'phone', '2022-10-15T22:00+09:00']).first();
      expect(stored && 'day' in stored).toBe(false);
      expect(await recordsOfDay(db, 'c1', '2022-10-15')).toHaveLength(4);
    } finally {
      db.close();
    }
  });

  it('a version-1 database with records reaches version 3 with the rows it had', async () => {
    const name = freshName('v1-v3');
    const v1Rows = V2_RECORDS.map(({ day: _day, ...r }) => r);
    await seedAtVersion(name, 1, async (old) => {
      await old.table('records').bulkAdd(v1Rows);
    });
    const db = await openReady(name);
    expect(db.verno).toBe(LATEST_VERSION);
    const rows = await db.records.toArray();
    db.close();
    expect(rows.map(({ id: _id, ...r }) => r)).toEqual(v1Rows);
  });
});

describe('migration 3 -> 4 (incident-packs)', () => {
  it('a version-3 database keeps every row and gains an empty packs table that stores by [id+version]', async () => {
    const name = freshName('v3-v4');
    const claim = { id: 'c1', title: '가게', createdAt: '2026-12-04T10:00:00.000+09:00', updatedAt: '2026-12-04T10:00:00.000+09:00', example: 0, body: { incident: { presetId: 'kt-2021-10' } } };
    await seedAtVersion(name, 3, async (old) => {
      await old.table('claims').add(claim);
      await old.table('records').bulkAdd(V2_RECORDS.map(({ day: _day, ...r }) => r));
      await old.table('settings').add({ key: 'language', value: 'ko' });
    });
    const before = await dumpDatabase(name);
    const db = await openReady(name);
    expect(db.verno).toBe(4);
    expect(await db.packs.count()).toBe(0);
    db.close();
    const after = await dumpDatabase(name);
    expect(after.tables.packs).toEqual([]);
    for (const table of Object.keys(before.tables)) expect(after.tables[table], table).toEqual(before.tables[table]);
  });
});
