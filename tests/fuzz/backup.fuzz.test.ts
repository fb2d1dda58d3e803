import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError, buildBackup, readBackup, type ReadBackupResult } from '../../src/core/backup';
import { OutageDeskDB } from '../../src/db/database';
import { createClaim } from '../../src/db/claims';
import { putRecords } from '../../src/db/records';
import { addEvidence } from '../../src/db/evidence';
import { setSetting } from '../../src/db/settings';
import { exportBackup, restoreBackup } from '../../src/db/backup';
import { freshName } from '../db/harness';
import { fullDump } from '../db/backup-dump';
import { craftBackup, sampleContents } from '../core/backup/fixtures';
import { badDateArb, deepArrayJson, expectBilingual, expectPrototypeClean, hostileValueArb, pollutingPayload, prototypeSnapshot, runs } from './helpers';

/**
 * Backup restore is the one importer that replaces everything: a hostile or damaged file must be refused
 * as a whole with a BackupError naming the entry, and the database must be exactly as it was.
 */

const NOW = new Date('2022-10-28T03:00:00Z');
let good: Uint8Array;
const before = prototypeSnapshot();
const dbs: OutageDeskDB[] = [];

beforeAll(async () => {
  good = (await buildBackup(sampleContents(), { appVersion: '0.1.0', dbVersion: 2, now: NOW })).bytes;
});
afterAll(() => {
  dbs.forEach((db) => db.close());
  expectPrototypeClean(before);
});

/** Reads a backup; anything thrown must be a BackupError with a bilingual message. Returns the error or the result. */
async function readSafely(bytes: Uint8Array, passphrase?: string): Promise<ReadBackupResult | BackupError> {
  try {
    return await readBackup(bytes, { supportedDbVersion: 2, ...(passphrase !== undefined ? { passphrase } : {}) });
  } catch (err) {
    expect(err).toBeInstanceOf(BackupError);
    expectBilingual((err as Error).message);
    return err as BackupError;
  }
}

describe('backup reader under hostile input', () => {
  it('random bytes: a BackupError, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc.uint8Array({ maxLength: 3000 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
          fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(`OutageDeskEncryptedBackup\n${s}`)),
        ),
        async (bytes) => {
          expect(await readSafely(bytes)).toBeInstanceOf(BackupError);
          expect(await readSafely(bytes, 'any passphrase')).toBeInstanceOf(BackupError);
        },
      ),
      runs(200),
    );
  });

  it('a flipped byte or a cut anywhere in a real backup is refused, or changes nothing the backup holds', async () => {
    const original = await readSafely(good);
    expect(original).not.toBeInstanceOf(BackupError);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), async (pick, x, cut) => {
        const at = pick % good.length;
        const bytes = cut ? good.subarray(0, at) : good.slice();
        if (!cut) bytes[at]! ^= x;
        const r = await readSafely(bytes);
        // Bytes no check depends on (DOS times, CRCs, extra fields) may change: the contents are then identical.
        if (!(r instanceof BackupError)) expect(r.contents).toEqual((original as ReadBackupResult).contents);
      }),
      runs(200),
    );
  });

  it('any JSON in any entry: refused naming that entry (or the manifest counts), never a crash', async () => {
    const entries = ['claims.json', 'evidence.json', 'imports.json', 'settings.json', 'records.jsonl'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...entries), fc.jsonValue({ maxDepth: 5 }), async (entry, value) => {
        const text = entry === 'records.jsonl' ? `${JSON.stringify(value)}\n` : JSON.stringify(value);
        const r = await readSafely(craftBackup({ [entry]: text }));
        if (r instanceof BackupError) expect([entry, 'backup-manifest.json']).toContain(r.entry);
        else expect(r.contents.claims.length + r.contents.records.length).toBe(0);
      }),
      runs(300),
    );
  });

  it('hostile values in a record line are refused by line and field', async () => {
    const claim = { id: 'c1', title: '가게', createdAt: '2022-10-25T10:00+09:00', updatedAt: '2022-10-25T10:00+09:00', example: 0, body: {} };
    const valid = { claimId: 'c1', bucket: '2022-10-15', channel: 'walk-in', count: 3, revenue: 45_000, provenance: { kind: 'logged' } };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('bucket', 'channel', 'count', 'revenue', 'provenance', 'claimId', 'id'),
        fc.oneof(hostileValueArb, badDateArb),
        fc.integer({ min: 0, max: 4 }),
        async (field, value, line) => {
          const rows = Array.from({ length: 5 }, (_, i) => ({ ...valid, bucket: `2022-10-${10 + i}` }));
          rows[line] = { ...rows[line]!, [field]: value } as never;
          const r = await readSafely(craftBackup({ 'claims.json': JSON.stringify([claim]), 'records.jsonl': rows.map((x) => JSON.stringify(x)).join('\n') }, { counts: { claims: 1, records: 5, evidence: 0, evidenceBytes: 0, imports: 0, settings: 0 } }));
          if (r instanceof BackupError) {
            expect(r.entry).toBe('records.jsonl');
            expect(r.message).toContain(`${line + 1}번째 줄`);
          } else {
            // Accepted only if the value really is a valid one (e.g. a different valid date): stored exactly.
            expect((r.contents.records[line] as Record<string, unknown>)[field]).toEqual(value);
          }
        },
      ),
      runs(300),
    );
  });

  it('__proto__, constructor and prototype keys in every entry never pollute and never reach the rows', async () => {
    const claim = { id: 'c1', title: '가게', createdAt: '2022-10-25T10:00+09:00', updatedAt: '2022-10-25T10:00+09:00', example: 0, body: pollutingPayload() };
    const withPayload = (row: object) => JSON.stringify(row).replace(/^\{/, `{${JSON.stringify(pollutingPayload()).slice(1, -1)},`);
    const r = await readSafely(craftBackup(
      {
        'claims.json': `[${withPayload(claim)}]`,
        'records.jsonl': `${withPayload({ claimId: 'c1', bucket: '2022-10-15', channel: 'walk-in', count: 3, provenance: { kind: 'logged' } })}\n`,
        'settings.json': `[${withPayload({ key: 'language', value: pollutingPayload() })}]`,
      },
      { counts: { claims: 1, records: 1, evidence: 0, evidenceBytes: 0, imports: 0, settings: 1 } },
    ));
    expect(r).not.toBeInstanceOf(BackupError);
    const { contents } = r as ReadBackupResult;
    for (const row of [contents.claims[0]!, contents.records[0]!, contents.settings[0]!]) {
      expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      expect(Object.keys(row)).not.toContain('__proto__');
    }
    expectPrototypeClean(before);
  });

  it('JSON nested 10,000 and 100,000 deep in any entry is refused without a stack overflow', async () => {
    for (const depth of [10_000, 100_000]) {
      for (const entry of ['claims.json', 'settings.json', 'records.jsonl']) {
        const r = await readSafely(craftBackup({ [entry]: deepArrayJson(depth) }));
        expect(r).toBeInstanceOf(BackupError);
        expect((r as BackupError).entry).toBe(entry);
      }
    }
  });

  it('a wrong passphrase or a flipped byte in an encrypted backup gives the one clear message', async () => {
    const sealed = (await buildBackup(sampleContents(), { appVersion: '0.1.0', dbVersion: 2, now: NOW, passphrase: 'fuzz passphrase' })).bytes;
    // Each try costs a 600,000-round PBKDF2 (~0.3 s): few runs, by design of the key derivation.
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (pick, x) => {
        const at = pick % sealed.length;
        const bytes = sealed.slice();
        bytes[at]! ^= x;
        const r = await readSafely(bytes, 'fuzz passphrase');
        expect(r).toBeInstanceOf(BackupError);
        // A changed magic line no longer says "encrypted backup"; anywhere else it is the one message.
        if (at < 'OutageDeskEncryptedBackup\n'.length) expect((r as BackupError).code).toBe('not-a-backup');
        else expect((r as BackupError).message).toContain('비밀번호가 맞지 않거나 파일이 손상됐어요');
      }),
      runs(8),
    );
  });
});

describe('restore under hostile input: the database is unchanged', () => {
  it('every refused backup leaves a full dump of the database identical; an accepted one replaces it whole', async () => {
    const db = new OutageDeskDB(freshName('fuzz-restore'));
    await db.open();
    dbs.push(db);
    const claim = await createClaim(db, { title: '지켜야 할 신고서', kind: 'merchant' });
    await putRecords(db, claim.id, [{ bucket: '2022-10-15', channel: 'walk-in', count: 7, revenue: 70_000, provenance: { kind: 'logged' } }]);
    await addEvidence(db, claim.id, { name: '영수증.png', type: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2]) });
    await setSetting(db, 'language', 'ko');
    const dumpBefore = await fullDump(db.name);
    const ownBackup = await exportBackup(db, { now: NOW });
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([pick, x]) => {
            const bytes = good.slice();
            bytes[pick % bytes.length]! ^= x;
            return bytes;
          }),
          fc.nat().map((n) => good.subarray(0, n % good.length)),
          fc.uint8Array({ maxLength: 500 }),
          fc.jsonValue({ maxDepth: 4 }).map((v) => craftBackup({ 'claims.json': JSON.stringify(v) })),
        ),
        async (bytes) => {
          const e = await restoreBackup(db, bytes, { mode: 'replace-all' }).catch((err: unknown) => err);
          if (e instanceof Error) {
            expect(e).toBeInstanceOf(BackupError);
            refused += 1;
            expect(await fullDump(db.name)).toEqual(dumpBefore);
          } else {
            // An acceptable file (a benign flip, or a crafted but valid empty backup) replaced everything.
            const read = (await readBackup(bytes, { supportedDbVersion: 2 })) as ReadBackupResult;
            expect(await db.claims.count()).toBe(read.contents.claims.length);
            expect(await db.records.count()).toBe(read.contents.records.length);
            await restoreBackup(db, ownBackup, { mode: 'replace-all' });
            // Every table a restore replaces is back as it was; incident packs are merged, never dropped, so
            // the accepted file's packs (sampleContents holds one) stay beside the ones that were here (none).
            const { packs, ...tables } = (await fullDump(db.name)).tables;
            const { packs: packsBefore, ...tablesBefore } = dumpBefore.tables;
            expect(tables).toEqual(tablesBefore);
            expect(packsBefore).toEqual([]);
            expect(packs!.length).toBe(read.contents.packs.length);
            await db.packs.clear();
            expect(await fullDump(db.name)).toEqual(dumpBefore);
          }
        },
      ),
      { ...runs(60), endOnFailure: true },
    );
    expect(refused).toBeGreaterThan(30);
  });
});
