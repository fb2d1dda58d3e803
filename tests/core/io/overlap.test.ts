import { describe, expect, it } from 'vitest';
import { checkReimport, findOverlaps, importActivityFile, resolveOverlaps } from '../../../src/core/io';
import type { ActivityRecord } from '../../../src/core/model/record';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
const rec = (bucket: string, channel: string, count: number, sha = SHA_A): ActivityRecord => ({
  bucket,
  channel,
  count,
  revenue: count * 15_000,
  provenance: { kind: 'imported', fileSha256: sha },
});

describe('overlap resolution', () => {
  const existing = [
    rec('2022-10-08T20:00+09:00', 'kakao-t', 3),
    rec('2022-10-08T21:00+09:00', 'kakao-t', 2),
    rec('2022-10-08T21:00+09:00', 'phone', 1),
    rec('2022-10-09', 'card', 40),
  ];
  const incoming = [
    rec('2022-10-08T21:00+09:00', 'kakao-t', 4, SHA_B), // clashes with existing 21:00 kakao-t
    rec('2022-10-08T22:00+09:00', 'kakao-t', 1, SHA_B), // new hour
    rec('2022-10-09T12:00+09:00', 'card', 5, SHA_B), // an hour inside an existing daily card record
    rec('2022-10-09T12:00+09:00', 'cash', 2, SHA_B), // other channel: no clash
  ];

  it('lists clashes of the same bucket and channel, and of a day against its hours', () => {
    const overlaps = findOverlaps(existing, incoming);
    expect(overlaps.map((o) => [o.channel, o.bucket, o.existing.map((r) => r.count), o.incoming.map((r) => r.count)])).toEqual([
      ['kakao-t', '2022-10-08T21:00+09:00', [2], [4]],
      ['card', '2022-10-09', [40], [5]],
    ]);
  });

  it('replace: drops the clashing existing records and adds every new one', () => {
    const r = resolveOverlaps(existing, incoming, 'replace');
    expect(r.removed.map((x) => [x.bucket, x.channel])).toEqual([
      ['2022-10-08T21:00+09:00', 'kakao-t'],
      ['2022-10-09', 'card'],
    ]);
    expect(r.added).toEqual(incoming);
    expect(r.skipped).toEqual([]);
    expect(r.records).toHaveLength(existing.length - 2 + incoming.length);
    expect(r.records.filter((x) => x.bucket === '2022-10-08T21:00+09:00' && x.channel === 'kakao-t').map((x) => x.count)).toEqual([4]);
  });

  it('keep: leaves what was there and adds only the new records that clash with nothing', () => {
    const r = resolveOverlaps(existing, incoming, 'keep');
    expect(r.removed).toEqual([]);
    expect(r.skipped.map((x) => [x.bucket, x.channel])).toEqual([
      ['2022-10-08T21:00+09:00', 'kakao-t'],
      ['2022-10-09T12:00+09:00', 'card'],
    ]);
    expect(r.added.map((x) => [x.bucket, x.channel])).toEqual([
      ['2022-10-08T22:00+09:00', 'kakao-t'],
      ['2022-10-09T12:00+09:00', 'cash'],
    ]);
    expect(r.records).toEqual([...existing, ...r.added]);
  });

  it('no overlap: both decisions give the union', () => {
    const other = [rec('2022-10-10T20:00+09:00', 'kakao-t', 1, SHA_B)];
    expect(resolveOverlaps(existing, other, 'replace').records).toEqual([...existing, ...other]);
    expect(resolveOverlaps(existing, other, 'keep').records).toEqual([...existing, ...other]);
    expect(findOverlaps(existing, other)).toEqual([]);
  });
});

describe('re-import refusal', () => {
  it('refuses a file whose SHA-256 is already recorded, naming it, and accepts a new one', async () => {
    const bytes = new TextEncoder().encode('일자,건수\n2022-10-15,3\n');
    const first = await importActivityFile(bytes, { fileName: 'pos.csv' });
    const known = [{ fileSha256: SHA_B }, { fileSha256: first.fileSha256, fileName: 'pos.csv', importedAt: '2022-10-20 10:00' }];
    const again = await importActivityFile(bytes, { fileName: 'pos-copy.csv' });
    const check = checkReimport(again.fileSha256, known);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.message.ko).toContain("이미 가져온 파일이에요 'pos.csv' (2022-10-20 10:00)");
      expect(check.message.en).toMatch(/^this file was already imported/);
      expect(check.message.ko).not.toContain('already');
      expect(check.previous.fileName).toBe('pos.csv');
    }
    expect(checkReimport(again.fileSha256.toUpperCase(), [first.fileSha256]).ok).toBe(false);
    const changed = await importActivityFile(new TextEncoder().encode('일자,건수\n2022-10-15,4\n'));
    expect(checkReimport(changed.fileSha256, known)).toEqual({ ok: true });
  });
});
