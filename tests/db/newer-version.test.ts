import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { dumpDatabase, freshName } from './harness';
import { declareVersions, OutageDeskDB } from '../../src/db/database';
import { openDesk, readInstalledVersion } from '../../src/db/open';
import { LATEST_VERSION } from '../../src/db/versions';

/** What a future app might have done: our versions plus one we do not know. */
async function seedFromNewerApp(name: string): Promise<void> {
  const future = new Dexie(name);
  declareVersions(future);
  future.version(LATEST_VERSION + 1).stores({ claims: 'id, title, updatedAt, example, archivedAt', backups: '++id' });
  await future.open();
  await future.table('claims').add({ id: 'f1', title: '미래의 신고서', createdAt: '2030-01-01T00:00:00.000+09:00', updatedAt: '2030-01-02T00:00:00.000+09:00', example: 0, body: { schema: 9 } });
  await future.table('records').add({ claimId: 'f1', bucket: '2030-01-01', day: '2030-01-01', channel: 'card', count: 1, provenance: { kind: 'logged' } });
  await future.table('settings').put({ key: 'language', value: 'ko' });
  future.close();
}

describe('a database made by a newer app', () => {
  it('is reported as newer, read into a snapshot, and left exactly as it was', async () => {
    const name = freshName('newer');
    await seedFromNewerApp(name);
    const before = await dumpDatabase(name);

    const result = await openDesk(name);
    expect(result.kind).toBe('newer');
    if (result.kind !== 'newer') return;
    expect(result.foundVersion).toBe(LATEST_VERSION + 1);
    expect(result.supportedVersion).toBe(LATEST_VERSION);
    expect(result.snapshot.claims).toEqual([{ id: 'f1', title: '미래의 신고서', updatedAt: '2030-01-02T00:00:00.000+09:00' }]);

    const after = await dumpDatabase(name);
    expect(after).toEqual(before);
    expect(await readInstalledVersion(name)).toBe(LATEST_VERSION + 1);
  });

  it('would be opened silently by Dexie 4 itself, which is why openDesk checks the version first', async () => {
    // If this starts failing, Dexie refuses newer databases again; openDesk's check stays harmless.
    const name = freshName('dexie-behaviour');
    await seedFromNewerApp(name);
    const db = new OutageDeskDB(name);
    await expect(db.open()).resolves.toBeDefined();
    expect(db.backendDB().version / 10).toBe(LATEST_VERSION + 1);
    db.close();
  });

  it('reads version 0 for a database that does not exist, without creating it', async () => {
    const name = freshName('missing');
    expect(await readInstalledVersion(name)).toBe(0);
    expect((await indexedDB.databases()).some((d) => d.name === name)).toBe(false);
  });

  it('a fresh start creates the newest version', async () => {
    const name = freshName('fresh');
    const result = await openDesk(name);
    expect(result.kind).toBe('ready');
    if (result.kind === 'ready') {
      expect(result.db.verno).toBe(LATEST_VERSION);
      result.db.close();
    }
  });
});
