import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seedAtVersion, freshName, dumpDatabase } from './harness';
import { openDesk } from '../../src/db/open';
import { LATEST_VERSION, versions } from '../../src/db/versions';
import { listRecords, recordsOfDay } from '../../src/db/records';

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

    const db = await openReady(name);
    expect(db.verno).toBe(2);

    const records = await listRecords(db, 'c1');
    expect(records.map((r) => [r.bucket, r.day])).toEqual([
      ['2022-10-08', '2022-10-08'],
      ['2022-10-15T20:00+09:00', '2022-10-15'],
      ['2022-10-15T21:00+09:00', '2022-10-15'],
    ]);
    // The new index answers per-day reads for one claim only.
    expect((await recordsOfDay(db, 'c1', '2022-10-15')).map((r) => r.channel).sort()).toEqual(['kakao-t', 'phone']);
    expect((await recordsOfDay(db, 'c2', '2022-10-15')).map((r) => r.count)).toEqual([12]);

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
