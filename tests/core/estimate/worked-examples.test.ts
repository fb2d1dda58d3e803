import { describe, expect, it } from 'vitest';
import { estimateClaim, suggestReferenceDatesForClaim } from '../../../src/core/estimate/index';
import { loadExample } from './helpers';

describe('loss model section 7: the designated driver, to the won', () => {
  const claim = loadExample('driver-2022.claim.json');

  it('suggests the reference dates, skipping 10-09 (한글날) and 09-11 (추석)', () => {
    const s = suggestReferenceDatesForClaim(claim);
    expect(s.byWindowDate).toEqual({
      '2022-10-15': ['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17'],
      '2022-10-16': ['2022-10-02', '2022-09-25', '2022-09-18', '2022-09-04'],
    });
    expect(s.shortfalls).toEqual([]);
    // They were skipped because they are holidays, although the driver has records on both.
    expect(s.skipped).toEqual(expect.arrayContaining([
      { windowDate: '2022-10-16', date: '2022-10-09', reason: 'holiday', holiday: '한글날' },
      { windowDate: '2022-10-16', date: '2022-09-11', reason: 'holiday', holiday: '추석 다음 날' },
    ]));
    expect(claim.records.some((r) => r.bucket.startsWith('2022-10-09'))).toBe(true);
    expect(claim.records.some((r) => r.bucket.startsWith('2022-09-11'))).toBe(true);
  });

  it('gives E, A, lost calls, LR, m, LP, the range, D, I and the total', () => {
    const e = estimateClaim(claim);
    expect(e.claimWindow.bucketCount).toBe(6);
    expect(e.buckets.map((b) => b.bucket)).toEqual([
      '2022-10-15T20:00+09:00', '2022-10-15T21:00+09:00', '2022-10-15T22:00+09:00', '2022-10-15T23:00+09:00',
      '2022-10-16T00:00+09:00', '2022-10-16T01:00+09:00',
    ]);
    expect(e.referenceDates.k).toBe(4);
    expect(e.expectedRevenue).toBeCloseTo(325_000, 6);
    expect(e.actualRevenue).toBe(44_000);
    expect(e.lostCount).toBeCloseTo(11, 9);
    expect(e.lostRevenue).toBeCloseTo(281_000, 6);
    expect(e.margin.m).toBe(0.75);
    expect(e.lostProfit).toBe(210_750);
    // Week k pairs the k-th Saturday with the k-th Sunday: T = 350k, 325k, 300k, 325k (section 7 lists them in another order).
    expect(e.referenceDates.weeks.map((w) => w.dates)).toEqual([
      ['2022-10-08', '2022-10-02'], ['2022-10-01', '2022-09-25'], ['2022-09-24', '2022-09-18'], ['2022-09-17', '2022-09-04'],
    ]);
    expect(e.referenceDates.weeks.map((w) => w.revenue).sort()).toEqual([300_000, 325_000, 325_000, 350_000]);
    const r = e.lostProfitRange;
    expect(r.s!).toBeCloseTo(20_412.41, 2);
    expect(r.q!).toBeCloseTo(1.637744, 6);
    expect(r.h).toBeCloseTo(37_376.23, 2);
    expect([r.low, r.high]).toEqual([182_718, 238_782]);
    expect(r.level).toBe(0.8);
    expect(r.driver).toBe('reference-weeks');
    expect(e.directTotal).toBe(210_750);
    expect(e.indirectItems.map((i) => [i.kind, i.amount])).toEqual([['claim-prep', 13_740]]);
    expect(e.indirectTotal).toBe(13_740);
    expect(e.claimTotal).toBe(224_490);
    expect(e.warnings).toEqual([]);
  });

  it('counts the mitigation through the other app in A, bucket by bucket', () => {
    const e = estimateClaim(claim);
    expect(e.buckets.map((b) => b.actualRevenue)).toEqual([22_000, 0, 22_000, 0, 0, 0]);
    expect(e.buckets.map((b) => b.expectedCount)).toEqual([2.5, 2.75, 2.75, 2.25, 1.75, 1]);
    const other = e.channels.find((c) => c.id === 'other-app')!;
    expect(other.actualRevenue).toBe(44_000);
    expect(e.channels.find((c) => c.id === 'kakao-t')!.expectedRevenue).toBeCloseTo(325_000, 6);
  });

  it('widens to a 95% range on request', () => {
    const e = estimateClaim(claim, { alpha: 0.05 });
    expect(e.lostProfitRange.level).toBe(0.95);
    expect(e.lostProfitRange.q!).toBeCloseTo(3.182446, 5);
    expect(e.lostProfitRange.low).toBeLessThan(182_718);
    expect(e.lostProfitRange.high).toBeGreaterThan(238_782);
    expect(e.lostProfit).toBe(210_750);
  });

  it('shows the preset window beside the user\'s edit, and the margin defaults as confirmed assumptions', () => {
    const e = estimateClaim(claim);
    const daeri = e.claimWindow.services.find((s) => s.id === 'kakao-t-daeri')!;
    expect(daeri.presetWindow).toEqual({ start: '2022-10-15T15:30+09:00', end: '2022-10-16T21:30+09:00' });
    expect(daeri.userWindow).toMatchObject({ start: '2022-10-15T20:00+09:00', end: '2022-10-16T02:00+09:00' });
    expect(e.assumptions.find((a) => a.id === 'margin-c')).toMatchObject({ value: 0.2, confirmed: true });
    expect(e.assumptions.find((a) => a.id === 'minimum-wage')).toMatchObject({ value: 9_160 });
  });
});

describe('loss model section 7: the merchant best-week rule', () => {
  const claim = loadExample('merchant-best-week.claim.json');
  const e = estimateClaim(claim);
  const rule = e.rules['kakao-2022-smb-best-week']!;

  it('reproduces the weekly totals from daily records', () => {
    const weeks = (rule.details.weeksUsed as { start: string; sales: number }[]).map((w) => [w.start, w.sales]);
    expect(weeks).toEqual([
      ['2022-09-03', 4_200_000], ['2022-09-10', 3_100_000], ['2022-09-17', 4_550_000], ['2022-09-24', 4_400_000],
      ['2022-10-01', 4_480_000], ['2022-10-08', 4_610_000], ['2022-10-22', 4_350_000],
    ]);
    expect(rule.details.outageWeek).toMatchObject({ start: '2022-10-15', end: '2022-10-21', sales: 3_900_000 });
    expect(rule.details.weeksSkipped).toEqual([]);
  });

  it('finds the best week 4,610,000, a loss of 710,000 and the review band', () => {
    expect(rule.details.bestWeek).toMatchObject({ start: '2022-10-08', sales: 4_610_000 });
    expect(rule.loss).toBe(710_000);
    expect(rule.band).toMatchObject({ id: 'review', payout: null });
    expect(rule.computable).toBe(true);
  });

  it('computes the rule beside the same-slot estimate, never instead of it', () => {
    expect(e.granularity).toBe('daily');
    expect(e.baseline).toBe('same-slot');
    expect(e.lostProfit).not.toBe(rule.loss);
    expect(e.claimWindow.bucketCount).toBe(6);
    // Monday 10-17: 10-10 (대체공휴일) and 10-03 (개천절) and 09-12 (추석 대체공휴일) are skipped.
    expect(e.referenceDates.byWindowDate['2022-10-17']).toEqual(['2022-09-26', '2022-09-19', '2022-09-05', '2022-08-29']);
  });
});
