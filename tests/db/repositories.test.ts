import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { freshName } from './harness';
import { MAX_CLAIM_RECORDS } from '../../src/core/model/record';
import { OutageDeskDB } from '../../src/db/database';
import {
  ClaimInputError, createClaim, deleteClaim, getClaim, listClaims, renameClaim, saveClaimBody,
} from '../../src/db/claims';
import {
  ClaimRecordCapError, countRecords, DuplicateImportError, importRecords, listRecords, putRecords, RecordInputError, WRITE_CHUNK,
} from '../../src/db/records';
import { addEvidence, listEvidence } from '../../src/db/evidence';
import { getSetting, setSetting } from '../../src/db/settings';

const open: OutageDeskDB[] = [];
async function newDb(): Promise<OutageDeskDB> {
  const db = new OutageDeskDB(freshName('repo'));
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => open.splice(0).forEach((db) => db.close()));

const rec = (bucket: string, channel: string, count: number, revenue?: number) => ({
  bucket, channel, count, ...(revenue !== undefined ? { revenue } : {}), provenance: { kind: 'logged' as const },
});

describe('claims', () => {
  it('creates, lists newest first, renames and keeps KST timestamps', async () => {
    const db = await newDb();
    const a = await createClaim(db, { title: '  판교   치킨 ', kind: 'merchant' });
    await new Promise((r) => setTimeout(r, 5));
    const b = await createClaim(db, { title: '제주 택시', kind: 'taxi' });
    expect(a.title).toBe('판교 치킨');
    expect(a.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+09:00$/);
    expect(a.example).toBe(0);
    expect((await listClaims(db)).map((c) => c.title)).toEqual(['제주 택시', '판교 치킨']);

    await new Promise((r) => setTimeout(r, 5));
    await renameClaim(db, a.id, '판교 치킨 본점');
    expect((await getClaim(db, a.id))!.title).toBe('판교 치킨 본점');
    expect((await listClaims(db)).map((c) => c.id)).toEqual([a.id, b.id]);
  });

  it('refuses an empty or over-long title, naming the field, and stores nothing', async () => {
    const db = await newDb();
    await expect(createClaim(db, { title: '   ' })).rejects.toThrow(/title/);
    await expect(createClaim(db, { title: '가'.repeat(81) })).rejects.toThrow(ClaimInputError);
    expect(await db.claims.count()).toBe(0);
    const c = await createClaim(db, { title: '원래 이름' });
    await expect(renameClaim(db, c.id, '')).rejects.toThrow(/신고서 이름/);
    expect((await getClaim(db, c.id))!.title).toBe('원래 이름');
    await expect(renameClaim(db, 'no-such-id', '새 이름')).rejects.toThrow(/no-such-id/);
  });

  it('saves the claim document body', async () => {
    const db = await newDb();
    const c = await createClaim(db, { title: '대리 기사' });
    await saveClaimBody(db, c.id, { claimant: { name: '홍길동' } });
    expect((await getClaim(db, c.id))!.body).toEqual({ claimant: { name: '홍길동' } });
  });

  it('deletes a claim with its records, evidence and import marks, and leaves other claims alone', async () => {
    const db = await newDb();
    const gone = await createClaim(db, { title: '지울 신고서' });
    const kept = await createClaim(db, { title: '남길 신고서' });
    await putRecords(db, gone.id, [rec('2022-10-15', 'card', 3, 45000), rec('2022-10-08', 'card', 20, 300000)]);
    await putRecords(db, kept.id, [rec('2022-10-15', 'card', 5)]);
    await addEvidence(db, gone.id, { name: 'shot.png', type: 'image/png', bytes: new Uint8Array([1, 2, 3]) });
    await addEvidence(db, kept.id, { name: 'shot.png', type: 'image/png', bytes: new Uint8Array([1, 2, 3]) });
    await importRecords(db, gone.id, { sha256: 'c'.repeat(64), fileName: 'pos.csv' }, [rec('2022-10-01', 'card', 1)]);

    await deleteClaim(db, gone.id);
    expect(await getClaim(db, gone.id)).toBeUndefined();
    expect(await countRecords(db, gone.id)).toBe(0);
    expect(await listEvidence(db, gone.id)).toEqual([]);
    expect(await db.imports.where('claimId').equals(gone.id).count()).toBe(0);
    expect(await countRecords(db, kept.id)).toBe(1);
    expect(await listEvidence(db, kept.id)).toHaveLength(1);
  });

  it('deletes all or nothing: a failure part-way leaves records and evidence in place', async () => {
    const db = await newDb();
    const c = await createClaim(db, { title: '실패할 삭제' });
    await putRecords(db, c.id, [rec('2022-10-15', 'card', 3)]);
    await addEvidence(db, c.id, { name: 'a.txt', bytes: new Uint8Array([9]) });
    // The claim row is deleted last; make that step fail the way a storage error would.
    db.claims.hook('deleting', () => {
      throw new Error('disk went away');
    });
    await expect(deleteClaim(db, c.id)).rejects.toThrow('disk went away');
    expect(await countRecords(db, c.id)).toBe(1);
    expect(await listEvidence(db, c.id)).toHaveLength(1);
    expect(await getClaim(db, c.id)).toBeDefined();
  });
});

describe('records', () => {
  it('stores valid records (no derived fields since version 3), and corrects a bucket entered twice', async () => {
    const db = await newDb();
    const c = await createClaim(db, { title: '기록' });
    await putRecords(db, c.id, [rec('2022-10-15T20:00+09:00', 'kakao-t', 0), rec('2022-10-15T20:00+09:00', 'phone', 2, 36000)]);
    await putRecords(db, c.id, [rec('2022-10-15T20:00+09:00', 'phone', 4, 72000)]);
    const rows = await listRecords(db, c.id);
    expect(rows.map((r) => [r.channel, r.count, r.revenue, 'day' in r])).toEqual([
      ['kakao-t', 0, undefined, false],
      ['phone', 4, 72000, false],
    ]);
  });

  it('refuses a batch with one bad row, naming the row and field, and stores none of it', async () => {
    const db = await newDb();
    const c = await createClaim(db, { title: '기록' });
    const batch = [rec('2022-10-15', 'card', 1), rec('2022-10-15 20시', 'card', 1), rec('2022-10-16', 'card', 1)];
    await expect(putRecords(db, c.id, batch)).rejects.toThrow(RecordInputError);
    await expect(putRecords(db, c.id, batch)).rejects.toThrow(/2번째 기록, bucket.*record 2, bucket/);
    await expect(putRecords(db, c.id, [rec('2022-10-15', 'card', -1)])).rejects.toThrow(/count/);
    // Each language gets its own half: the Korean reason once, not "한국어 / English" inside both halves.
    const refused = (await putRecords(db, c.id, [rec('2022-10-15', 'card', -1)]).catch((e: unknown) => e)) as RecordInputError;
    expect(refused.text.ko).toMatch(/^1번째 기록, count: [^/]*[가-힣][^/]*$/);
    expect(refused.text.en).toMatch(/^record 1, count: [^가-힣/]+$/);
    expect(await countRecords(db, c.id)).toBe(0);
  });

  it('refuses to import the same file twice into a claim, storing nothing the second time', async () => {
    const db = await newDb();
    const a = await createClaim(db, { title: 'A' });
    const b = await createClaim(db, { title: 'B' });
    const file = { sha256: 'd'.repeat(64), fileName: '카드매출.csv' };
    expect(await importRecords(db, a.id, file, [rec('2022-10-15', 'card', 3)])).toBe(1);
    const again = importRecords(db, a.id, { ...file, fileName: '카드매출 (1).csv' }, [rec('2022-10-16', 'card', 7)]);
    await expect(again).rejects.toThrow(DuplicateImportError);
    const dup = (await again.catch((e: unknown) => e)) as DuplicateImportError;
    expect(dup.text.ko).toMatch(/^이미 가져온 파일이에요: 카드매출 \(1\)\.csv \(\d{4}-\d{2}-\d{2}에 카드매출\.csv로 가져왔어요\)$/);
    expect(dup.text.en).toMatch(/^already imported: 카드매출 \(1\)\.csv \(as 카드매출\.csv on \d{4}-\d{2}-\d{2}\)$/);
    await expect(importRecords(db, a.id, file, [rec('2022-10-16', 'card', 7)])).rejects.toThrow(/이미 가져온 파일이에요: 카드매출.csv/);
    expect((await listRecords(db, a.id)).map((r) => r.bucket)).toEqual(['2022-10-15']);
    // Another claim may use the same file.
    expect(await importRecords(db, b.id, file, [rec('2022-10-15', 'card', 3)])).toBe(1);
  });

  /** `n` hourly records of one channel from 2022-01-01 00:00 KST. */
  const hours = (n: number, channel: string, count: number) =>
    Array.from({ length: n }, (_, i) => {
      const d = new Date(Date.UTC(2022, 0, 1) + i * 3_600_000);
      return rec(`${d.toISOString().slice(0, 10)}T${String(d.getUTCHours()).padStart(2, '0')}:00+09:00`, channel, count);
    });

  it('reports progress chunk by chunk while a big import is stored in one transaction', async () => {
    const db = await newDb();
    const c = await createClaim(db, { title: '큰 파일' });
    const n = 2 * WRITE_CHUNK + 123;
    const seen: [number, number][] = [];
    const stored = await importRecords(db, c.id, { sha256: 'e'.repeat(64), fileName: 'pos.csv' }, hours(n, 'card', 1), {
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(stored).toBe(n);
    expect(seen).toEqual([[WRITE_CHUNK, n], [2 * WRITE_CHUNK, n], [n, n]]);
    expect(await countRecords(db, c.id)).toBe(n);
  });

  it('stores nothing of a big import that fails after its first chunk was written', async () => {
    const db = await newDb();
    const c = await createClaim(db, { title: '큰 파일' });
    await putRecords(db, c.id, [rec('2022-01-01T00:00+09:00', 'card', 9)]);
    const failing = importRecords(db, c.id, { sha256: 'f'.repeat(64), fileName: 'pos.csv' }, hours(WRITE_CHUNK + 10, 'card', 1), {
      onProgress: (done) => {
        if (done === WRITE_CHUNK) throw new Error('disk full (simulated)');
      },
    });
    await expect(failing).rejects.toThrow('disk full (simulated)');
    // The first chunk (which corrected the stored 00:00 record) is rolled back with the rest.
    expect((await listRecords(db, c.id)).map((r) => [r.bucket, r.count])).toEqual([['2022-01-01T00:00+09:00', 9]]);
    expect(await db.imports.count()).toBe(0);
  });

  it('refuses, before storing anything, a second big import that would take a claim past its record cap', async () => {
    // The case (two imports of 260,000 records, a claim holds 500,000) at 1/100 scale: the same
    // code with the cap passed in, because 520,000 rows take over five minutes in fake-indexeddb.
    // tests/core/io/import.test.ts pins the app's cap to the claim format's.
    const cap = { recordCap: 5_000 };
    const db = await newDb();
    const c = await createClaim(db, { title: '두 파일' });
    const first = hours(2_600, 'card', 1);
    expect(await importRecords(db, c.id, { sha256: '1'.repeat(64), fileName: '상반기.csv' }, first, cap)).toBe(2_600);
    const second = hours(2_600, 'phone', 2);
    let writes = 0;
    const refused = importRecords(db, c.id, { sha256: '2'.repeat(64), fileName: '하반기.csv' }, second, { ...cap, onProgress: () => writes++ });
    await expect(refused).rejects.toThrow(ClaimRecordCapError);
    const err = (await refused.catch((e: unknown) => e)) as ClaimRecordCapError;
    expect(err.message).toContain("'하반기.csv'의 새 기록 2,600건은 이 신고서에 다 들어가지 않아요");
    expect(err.message).toContain('신고서 하나에는 기록을 최대 5,000건까지 담을 수 있고, 지금 2,600건이 있어 2,400건만 더 넣을 수 있어요. 아무것도 저장하지 않았어요.');
    expect(err.message).toContain("'하반기.csv' brings 2,600 new records");
    expect(err.message).toContain('at most 5,000 records and this one has 2,600, so 2,400 more fit. Nothing was stored.');
    expect([err.existing, err.added, err.fits]).toEqual([2_600, 2_600, 2_400]);
    // A screen shows one half: the Korean whole, with no English in it, and the English on its own.
    expect(err.text.ko).toMatch(/^'하반기.csv'의 새 기록 2,600건은 .*다른 신고서로 가져와 주세요\.$/);
    expect(err.text.en).toMatch(/^'하반기.csv' brings 2,600 new records.*another claim\.$/);
    // Refused before the first write, and the file is not marked imported.
    expect(writes).toBe(0);
    expect(await countRecords(db, c.id)).toBe(2_600);
    expect((await db.imports.toArray()).map((i) => i.fileName)).toEqual(['상반기.csv']);
    // Corrections of stored records do not count against the cap; exactly up to the cap still fits.
    expect(await putRecords(db, c.id, hours(1_000, 'card', 5), cap)).toBe(1_000);
    expect(await importRecords(db, c.id, { sha256: '3'.repeat(64), fileName: '하반기 앞부분.csv' }, second.slice(0, 2_400), cap)).toBe(2_400);
    expect(await countRecords(db, c.id)).toBe(5_000);
    await expect(putRecords(db, c.id, [rec('2022-01-01T00:00+09:00', 'cash', 1)], cap)).rejects.toThrow(/0건만 더 넣을 수 있어요.*so 0 more fit/s);
    expect(await countRecords(db, c.id)).toBe(5_000);
  });

  it('says how many records still fit against the claim format cap by default, naming the file', () => {
    const err = new ClaimRecordCapError(260_000, 260_000, '하반기.csv');
    expect([err.cap, err.fits]).toEqual([MAX_CLAIM_RECORDS, 240_000]);
    expect(err.message).toMatch(/^'하반기.csv'의 새 기록 260,000건은 .*최대 500,000건까지 .*240,000건만 더 넣을 수 있어요.* \/ '하반기.csv' brings 260,000 new records.*so 240,000 more fit/);
    expect(new ClaimRecordCapError(500_000, 1).message).toMatch(/^새 기록 1건은 .*0건만 더 .* \/ this adds 1 new records/);
  });

  it('corrects a stored record from any chunk, and a key repeated in a later chunk keeps one row', async () => {
    const db = await newDb();
    const c = await createClaim(db, { title: '고침' });
    const late = hours(WRITE_CHUNK + 5, 'phone', 1).at(-1)!;
    await putRecords(db, c.id, [{ ...late, count: 9 }]);
    const batch = [...hours(WRITE_CHUNK + 5, 'phone', 2), { ...hours(1, 'phone', 0)[0]!, count: 5 }];
    await putRecords(db, c.id, batch);
    expect(await countRecords(db, c.id)).toBe(WRITE_CHUNK + 5);
    const rows = await listRecords(db, c.id);
    expect(rows[0]!.count).toBe(5);
    expect(rows.at(-1)!.count).toBe(2);
  });
});

describe('evidence and settings', () => {
  it('keeps the exact bytes with their SHA-256, once per claim', async () => {
    const db = await newDb();
    const c = await createClaim(db, { title: '증빙' });
    const bytes = new TextEncoder().encode('abc');
    const first = await addEvidence(db, c.id, { name: '캡처.txt', type: 'text/plain', bytes });
    const second = await addEvidence(db, c.id, { name: '캡처 복사본.txt', type: 'text/plain', bytes });
    expect(second.id).toBe(first.id);
    expect(first.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const [stored] = await listEvidence(db, c.id);
    expect(new TextDecoder().decode(await stored!.blob.arrayBuffer())).toBe('abc');
    expect(stored!.size).toBe(3);
  });

  it('reads back settings it wrote', async () => {
    const db = await newDb();
    expect(await getSetting(db, 'language')).toBeUndefined();
    await setSetting(db, 'language', 'en');
    await setSetting(db, 'currentClaimId', 'x');
    expect(await getSetting(db, 'language')).toBe('en');
    expect(await getSetting(db, 'currentClaimId')).toBe('x');
  });
});
