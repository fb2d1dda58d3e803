import { describe, expect, it } from 'vitest';
import { checkChain, quickLogFile, readQuickLogFile, sealEntry, type ChainEntry } from '../../../src/core/quicklog';

const CLAIM = 'claim-taxi-1';

function log(n: number, claimId = CLAIM): ChainEntry[] {
  const out: ChainEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(sealEntry(claimId, out[out.length - 1], { at: `2022-10-15T15:${String(10 + i).padStart(2, '0')}:00+09:00`, channel: 'kakao-t', kind: i % 3 === 2 ? 'missed' : 'taken', ...(i % 3 === 2 ? {} : { fare: 10000 + 100 * i }) }));
  }
  return out;
}

describe('the quick log chain', () => {
  it('reports n entries, chain intact', () => {
    expect(checkChain(CLAIM, log(5))).toMatchObject({ intact: true, entries: 5, en: '5 entries, chain intact', ko: '기록 5개, 사슬이 온전해요' });
    expect(checkChain(CLAIM, [])).toMatchObject({ intact: true, entries: 0 });
  });

  it('finds an edited middle entry, naming it', () => {
    const entries = log(5);
    entries[2] = { ...entries[2]!, fare: 99000 };
    expect(checkChain(CLAIM, entries)).toMatchObject({ intact: false, brokenAt: 3, problem: 'edited', en: 'entry 3 (2022-10-15 15:12) was changed after it was logged' });
    const moved = log(5);
    moved[1] = { ...moved[1]!, at: '2022-10-15T14:00:00+09:00' };
    expect(checkChain(CLAIM, moved)).toMatchObject({ intact: false, brokenAt: 2, problem: 'edited' });
  });

  it('finds a deleted middle entry, and entries swapped', () => {
    const entries = log(5);
    entries.splice(2, 1);
    expect(checkChain(CLAIM, entries)).toMatchObject({ intact: false, brokenAt: 3, problem: 'missing' });
    const swapped = log(4);
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(checkChain(CLAIM, swapped)).toMatchObject({ intact: false, brokenAt: 2, problem: 'missing' });
    // Re-sealing an edited entry does not help: the next one still points at the old hash.
    const resealed = log(4);
    resealed[1] = sealEntry(CLAIM, resealed[0], { at: resealed[1]!.at, channel: 'kakao-t', kind: 'taken', fare: 1 });
    expect(checkChain(CLAIM, resealed)).toMatchObject({ intact: false, brokenAt: 3, problem: 'missing' });
  });

  it('a log from another claim does not fit', () => {
    expect(checkChain(CLAIM, log(3, 'someone-else'))).toMatchObject({ intact: false, brokenAt: 1, problem: 'other-claim' });
  });
});

describe('the exported log file', () => {
  const text = (entries: ChainEntry[], claimId = CLAIM) => JSON.stringify(quickLogFile(claimId, entries, '2022-10-16T09:00:00+09:00'));

  it('merges only the entries the desktop does not hold', () => {
    const phone = log(6);
    const r = readQuickLogFile(text(phone), 'log.json', CLAIM, phone.slice(0, 4));
    expect(r.skipped).toBe(4);
    expect(r.fresh.map((e) => e.seq)).toEqual([5, 6]);
    expect(r.check).toMatchObject({ intact: true, entries: 6 });
    // The same file again: nothing new.
    expect(readQuickLogFile(text(phone), 'log.json', CLAIM, phone).fresh).toEqual([]);
  });

  it('refuses another claim, a truncated file, a cut-short chain, an edited entry, a diverging log: nothing merged', () => {
    const phone = log(6);
    expect(() => readQuickLogFile(text(log(3, 'other'), 'other'), 'a.json', CLAIM, [])).toThrow(/a\.json: 다른 신고서의 빠른 기록이에요.*another claim/);
    expect(() => readQuickLogFile(text(phone).slice(0, 200), 'b.json', CLAIM, [])).toThrow(/b\.json: .*끝이 잘렸어요.*cut short/);
    const file = quickLogFile(CLAIM, phone, 'x');
    const cut = JSON.stringify({ ...file, entries: file.entries.slice(0, 4) });
    expect(() => readQuickLogFile(cut, 'c.json', CLAIM, [])).toThrow(/c\.json: 끝이 잘렸어요: 내보낸 기록은 6개인데 4개만 있어요/);
    const edited = JSON.stringify({ ...file, entries: file.entries.map((e) => (e.seq === 3 ? { ...e, kind: 'taken', fare: 50000 } : e)) });
    expect(() => readQuickLogFile(edited, 'd.json', CLAIM, [])).toThrow(/d\.json: 3번째 기록.*바뀌었어요.*nothing was merged/);
    const otherPhone = log(3).map((e, i) => (i === 0 ? e : e));
    const diverged = sealEntry(CLAIM, otherPhone[1], { at: '2022-10-15T18:00:00+09:00', channel: 'kakao-t', kind: 'missed' });
    expect(() => readQuickLogFile(text(phone), 'e.json', CLAIM, [...otherPhone.slice(0, 2), diverged])).toThrow(/e\.json: 3번째 기록이 이미 가진 기록과 달라요/);
  });
});
