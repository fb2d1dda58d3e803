import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createClaim, listRecords, OutageDeskDB } from '../../src/db';
import { freshName } from '../db/harness';
import { checkQuickLog, exportQuickLog, importQuickLog, logTap, readJournal } from '../../src/db/quick-log';

const at = (hhmm: string) => Date.parse(`2022-10-15T${hhmm}:00+09:00`);

/** Real Dexie on fake-indexeddb: a phone's database and a desktop's, the same claim on both. */
async function twoDesks() {
  const phone = new OutageDeskDB(freshName('phone'));
  const desktop = new OutageDeskDB(freshName('desktop'));
  const claim = await createClaim(phone, { title: '택시', kind: 'taxi' });
  await desktop.claims.put(claim);
  return { phone, desktop, claimId: claim.id };
}

describe('the quick log sent from the phone to the desktop', () => {
  it('chains every tap, exports one file, and the desktop merges it once, skipping entries it holds', async () => {
    const { phone, desktop, claimId } = await twoDesks();
    await logTap(phone, claimId, { channel: 'kakao-t', kind: 'taken', fare: 12000, nowMs: at('15:10'), granularity: 'hourly' });
    await logTap(phone, claimId, { channel: 'kakao-t', kind: 'missed', nowMs: at('15:40'), granularity: 'hourly' });
    await logTap(phone, claimId, { channel: 'kakao-t', kind: 'taken', fare: 9000, nowMs: at('15:55'), granularity: 'hourly' });
    expect(await checkQuickLog(phone, claimId)).toMatchObject({ intact: true, en: '3 entries, chain intact' });

    const first = await exportQuickLog(phone, claimId, at('16:00'));
    expect(await importQuickLog(desktop, claimId, first.text, 'log.json', 'hourly')).toMatchObject({ added: 3, skipped: 0 });
    expect((await listRecords(desktop, claimId)).map((r) => [r.bucket, r.count, r.revenue, r.provenance.kind])).toEqual([['2022-10-15T15:00+09:00', 2, 21000, 'logged']]);

    // One more call on the phone; the whole log again: only the new entry is added.
    await logTap(phone, claimId, { channel: 'kakao-t', kind: 'taken', fare: 5000, nowMs: at('16:20'), granularity: 'hourly' });
    const second = await exportQuickLog(phone, claimId, at('16:30'));
    expect(await importQuickLog(desktop, claimId, second.text, 'log.json', 'hourly')).toMatchObject({ added: 1, skipped: 3 });
    expect(await importQuickLog(desktop, claimId, second.text, 'log.json', 'hourly')).toMatchObject({ added: 0, skipped: 4 });
    expect((await listRecords(desktop, claimId)).map((r) => [r.bucket, r.count, r.revenue])).toEqual([
      ['2022-10-15T15:00+09:00', 2, 21000],
      ['2022-10-15T16:00+09:00', 1, 5000],
    ]);
    expect(await checkQuickLog(desktop, claimId)).toMatchObject({ intact: true, entries: 4 });
  });

  it('an edited middle entry is refused and nothing is merged', async () => {
    const { phone, desktop, claimId } = await twoDesks();
    for (const [t, fare] of [['15:10', 12000], ['15:20', 8000], ['15:30', 7000]] as const) {
      await logTap(phone, claimId, { channel: 'kakao-t', kind: 'taken', fare, nowMs: at(t), granularity: 'hourly' });
    }
    const { text } = await exportQuickLog(phone, claimId, at('16:00'));
    const edited = text.replace('"fare": 8000', '"fare": 80000');
    expect(edited).not.toBe(text);
    await expect(importQuickLog(desktop, claimId, edited, 'log.json', 'hourly')).rejects.toThrow(/2번째 기록\(2022-10-15 15:20\)이 기록된 뒤에 바뀌었어요/);
    expect(await listRecords(desktop, claimId)).toEqual([]);
    expect(await readJournal(desktop, claimId)).toEqual([]);
    // Another claim's desk refuses it too.
    const other = await createClaim(desktop, { title: '다른 신고서', kind: 'taxi' });
    await expect(importQuickLog(desktop, other.id, text, 'log.json', 'hourly')).rejects.toThrow(/다른 신고서의 빠른 기록이에요/);
  });
});
