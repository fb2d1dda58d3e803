import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { DBCore } from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshName } from './harness';
import { OutageDeskDB } from '../../src/db/database';
import { createClaim } from '../../src/db/claims';
import { putRecords } from '../../src/db/records';
import { classifyStorageError, isQuotaError } from '../../src/db/errors';
import { estimateStorage, requestPersistentStorage } from '../../src/db/persistence';

/** A database whose every write fails at the IndexedDB layer with the given DOMException name. */
async function dbFailingWrites(errorName: string): Promise<OutageDeskDB> {
  const db = new OutageDeskDB(freshName('fail'));
  db.use({
    stack: 'dbcore',
    name: 'fail-writes',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return { ...table, mutate: () => Promise.reject(new DOMException('The quota has been exceeded.', errorName)) };
      },
    }),
  });
  await db.open();
  return db;
}

describe('storage errors', () => {
  it('recognise a quota failure from a real Dexie write, single and bulk', async () => {
    const db = await dbFailingWrites('QuotaExceededError');
    const single = await createClaim(db, { title: '가득 찬 디스크' }).catch((e: unknown) => e);
    expect(isQuotaError(single)).toBe(true);
    expect(classifyStorageError(single)).toBe('quota');
    const bulk = await putRecords(db, 'c', [{ bucket: '2022-10-15', channel: 'card', count: 1, provenance: { kind: 'logged' } }]).catch((e: unknown) => e);
    expect(isQuotaError(bulk)).toBe(true);
    db.close();
  });

  it('recognise wrapped quota errors and nothing else', () => {
    const dom = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', dom))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('bulk', { 3: dom }))).toBe(true);
    expect(isQuotaError({ name: 'Error', inner: { name: 'AbortError', inner: { code: 22 } } })).toBe(true);
    expect(isQuotaError(new Dexie.ConstraintError('dup'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError in the message only'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(classifyStorageError(new Dexie.DatabaseClosedError())).toBe('closed');
    expect(classifyStorageError(new Error('x'))).toBe('unknown');
  });
});

describe('persistent storage', () => {
  const manager = (persisted: boolean, grant: boolean) =>
    ({
      persisted: async () => persisted,
      persist: async () => grant,
      estimate: async () => ({ usage: 1024, quota: 2048 }),
    }) as unknown as StorageManager;

  it('reports granted, denied or unsupported', async () => {
    expect(await requestPersistentStorage(manager(true, false))).toBe('granted');
    expect(await requestPersistentStorage(manager(false, true))).toBe('granted');
    expect(await requestPersistentStorage(manager(false, false))).toBe('denied');
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    expect(await estimateStorage(manager(false, false))).toEqual({ usage: 1024, quota: 2048 });
    expect(await estimateStorage(undefined)).toBeNull();
  });
});
