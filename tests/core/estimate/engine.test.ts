import { describe, expect, it } from 'vitest';
import {
  estimate, estimateClaim, resolveClaimWindow, sampleStandardDeviation, smbBestWeekBand, suggestReferenceDates,
  windowBucketKeys, channelRules, rulesFor,
} from '../../../src/core/estimate/index';
import { claimSchema, type Claim } from '../../../src/core/model/index';
import { hourOfEpochHour } from '../../../src/core/time/kst';
import { driverClaim, hour, loadExample, rec } from './helpers';

/** Four reference Saturdays with the same calls at 20:00 and 21:00, plus the outage night. */
function fourWeeks(values: number[][], fare = 20_000) {
  const sats = ['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17'];
  return sats.flatMap((d, k) => values[k]!.map((calls, i) => rec(hour(d, 20 + i), 'kakao-t', calls, calls * fare)));
}
const twoHours = { start: '2022-10-15T20:00+09:00', end: '2022-10-15T22:00+09:00' };

describe('estimators (section 3.1)', () => {
  it('mean, median and trimmed mean', () => {
    expect(estimate([1, 2, 3, 10], 'mean')).toBe(4);
    expect(estimate([10, 1, 3, 2], 'median')).toBe(2.5);
    expect(estimate([3, 1, 2], 'median')).toBe(2);
    expect(estimate([10, 1, 3, 2], 'trimmed')).toBe(2.5);
    expect(estimate([1, 2, 3, 4, 100], 'trimmed')).toBe(3);
    expect(estimate([1, 2, 9], 'trimmed')).toBe(4); // K < 4: the mean
    expect(estimate([], 'mean')).toBe(0);
    expect(sampleStandardDeviation([325_000, 300_000, 325_000, 350_000])).toBeCloseTo(20_412.41, 2);
    expect(sampleStandardDeviation([5])).toBe(0);
  });

  it('the engine uses the chosen estimator per bucket', () => {
    const records = fourWeeks([[1, 1], [1, 1], [1, 1], [9, 1]]);
    const mean = estimateClaim(driverClaim(records, {}, twoHours));
    const median = estimateClaim(driverClaim(records, { parameters: { estimator: 'median' } }, twoHours));
    const trimmed = estimateClaim(driverClaim(records, { parameters: { estimator: 'trimmed' } }, twoHours));
    expect(mean.expectedRevenue).toBe((3 + 1) * 20_000);
    expect(median.expectedRevenue).toBe(2 * 20_000);
    expect(trimmed.expectedRevenue).toBe(2 * 20_000);
    expect(median.assumptions.find((a) => a.id === 'estimator')!.value).toBe('median');
  });
});

describe('reference dates (section 3.1)', () => {
  it('suggests at most 12 weeks back and reports a shortfall', () => {
    const s = suggestReferenceDates({
      windowDates: ['2022-10-15'],
      datesWithRecords: new Set(['2022-10-08', '2022-07-23', '2022-07-16']),
      abnormalDates: [], k: 4,
    });
    expect(s.byWindowDate['2022-10-15']).toEqual(['2022-10-08', '2022-07-23']); // 07-16 is 13 weeks back
    expect(s.shortfalls).toEqual([{ windowDate: '2022-10-15', found: 2, wanted: 4 }]);
  });

  it('skips abnormal dates, dates without records and the outage itself', () => {
    const s = suggestReferenceDates({
      windowDates: ['2022-10-22'],
      datesWithRecords: new Set(['2022-10-15', '2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17', '2022-09-03']),
      abnormalDates: ['2022-10-01'],
      excludedDates: new Set(['2022-10-15']),
      k: 3,
    });
    expect(s.byWindowDate['2022-10-22']).toEqual(['2022-10-08', '2022-09-24', '2022-09-17']);
    expect(s.skipped.map((x) => [x.date, x.reason])).toEqual([['2022-10-15', 'in-window'], ['2022-10-01', 'abnormal']]);
  });

  it('the engine warns when fewer than K are found, and uses what was found', () => {
    const records = fourWeeks([[2, 2], [2, 2], [3, 3], [1, 1]]).filter((r) => !r.bucket.startsWith('2022-09'));
    const e = estimateClaim(driverClaim(records, {}, twoHours));
    expect(e.referenceDates.k).toBe(2);
    expect(e.warnings.map((w) => w.code)).toContain('fewer-reference-dates');
    expect(e.lostProfitRange.driver).toBe('reference-weeks');
    expect(e.lostProfitRange.q!).toBeCloseTo(3.077684, 5); // t(0.9, 1)
  });

  it('takes explicit reference dates as given (claim or options)', () => {
    const records = fourWeeks([[2, 2], [4, 4], [6, 6], [8, 8]]);
    const claim = driverClaim(records, { referenceDates: { byWindowDate: { '2022-10-15': ['2022-09-24', '2022-09-17'] }, abnormalDates: [] } }, twoHours);
    const e = estimateClaim(claim);
    expect(e.referenceDates.byWindowDate['2022-10-15']).toEqual(['2022-09-24', '2022-09-17']);
    expect(e.referenceDates.source['2022-10-15']).toBe('claim');
    expect(e.expectedRevenue).toBe(2 * 7 * 20_000);
    const o = estimateClaim(claim, { referenceDates: { '2022-10-15': ['2022-10-08'] } });
    expect(o.expectedRevenue).toBe(2 * 2 * 20_000);
    expect(o.lostProfitRange.driver).toBe('assumed'); // K = 1
  });
});

describe('records (section 1)', () => {
  it('fills missing revenue with the average ticket of the reference buckets that carry both', () => {
    const records = [
      ...fourWeeks([[2, 2], [2, 2], [2, 2], [2, 2]], 15_000),
      rec(hour('2022-10-15', 20), 'phone', 2, null),
    ];
    const e = estimateClaim(driverClaim(records, {}, twoHours));
    expect(e.averageTicket).toEqual({ value: 15_000, source: 'reference' });
    expect(e.actualRevenue).toBe(30_000);
    expect(e.assumptions.find((a) => a.id === 'average-ticket')).toMatchObject({ value: 15_000, confirmed: false });
  });

  it('falls back to the declared ticket, and warns when there is none', () => {
    const records = fourWeeks([[2, 2], [2, 2], [2, 2], [2, 2]]).map((r) => ({ ...r, revenue: null }));
    const declared = estimateClaim(driverClaim(records, { parameters: { averageTicket: 18_000 } }, twoHours));
    expect(declared.averageTicket.source).toBe('declared');
    expect(declared.expectedRevenue).toBe(4 * 18_000);
    const none = estimateClaim(driverClaim(records, {}, twoHours));
    expect(none.expectedRevenue).toBe(0);
    expect(none.warnings.map((w) => w.code)).toContain('revenue-not-computable');
    expect(none.revenue.computable).toBe(false);
  });

  it('an hour without a record on a date with records counts as zero', () => {
    const records = fourWeeks([[2, 0], [2, 0], [2, 0], [2, 0]]).filter((r) => r.count > 0);
    const e = estimateClaim(driverClaim(records, {}, twoHours));
    expect(e.buckets.map((b) => b.expectedRevenue)).toEqual([40_000, 0]);
  });

  it('never spreads daily records over hours: a daily claim sums hourly records to days', () => {
    const hourly = driverClaim(fourWeeks([[2, 3], [2, 3], [2, 3], [2, 3]]), {}, twoHours);
    const daily = claimSchema.parse({ ...hourly, granularity: 'daily' });
    const e = estimateClaim(daily);
    expect(e.granularity).toBe('daily');
    expect(e.buckets.map((b) => b.bucket)).toEqual(['2022-10-15']);
    expect(e.expectedRevenue).toBe(5 * 20_000);
    const bad = claimSchema.safeParse({ ...hourly, records: [...hourly.records, rec('2022-10-01', 'kakao-t', 3, 60_000)] });
    expect(bad.success).toBe(false);
  });
});

describe('trend factor (section 3.1)', () => {
  const base = (todayBefore: number) => [
    ...['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17'].flatMap((d) => [
      rec(hour(d, 18), 'kakao-t', 2, 40_000), rec(hour(d, 19), 'kakao-t', 2, 40_000), rec(hour(d, 20), 'kakao-t', 3, 60_000),
    ]),
    rec(hour('2022-10-15', 18), 'kakao-t', todayBefore, todayBefore * 20_000),
    rec(hour('2022-10-15', 19), 'kakao-t', todayBefore, todayBefore * 20_000),
  ];
  const window = { start: '2022-10-15T20:00+09:00', end: '2022-10-15T21:00+09:00' };

  it('is off by default', () => {
    const e = estimateClaim(driverClaim(base(3), {}, window));
    expect(e.trend.enabled).toBe(false);
    expect(e.expectedRevenue).toBe(60_000);
  });

  it('scales expected values by actual / expected before the window, printing the hours', () => {
    const e = estimateClaim(driverClaim(base(3), { parameters: { trendFactor: true } }, window));
    expect(e.trend.applied).toBe(true);
    expect(e.trend.factor).toBeCloseTo(1.5, 12);
    expect(e.trend.hours).toHaveLength(20); // 00:00-19:00
    expect(e.trend.hours.at(-1)).toBe('2022-10-15T19:00+09:00');
    expect(e.expectedRevenue).toBeCloseTo(90_000, 6);
  });

  it('is clamped to [0.5, 2]', () => {
    expect(estimateClaim(driverClaim(base(10), { parameters: { trendFactor: true } }, window)).trend).toMatchObject({ factor: 2, rawFactor: 5 });
    expect(estimateClaim(driverClaim(base(0), { parameters: { trendFactor: true } }, window)).trend).toMatchObject({ factor: 0.5, rawFactor: 0 });
  });
});

describe('declared baseline (sections 3.2, 6)', () => {
  it('spreads a day-part evenly over its hours, is marked declared and carries the assumed band', () => {
    const claim = driverClaim([rec(hour('2022-10-15', 20), 'other-app', 1, 20_000)], {
      declaredBaseline: {
        entries: [{ weekday: 6, dayPart: 'evening', count: 8, averageTicket: 20_000 }], // 18-22: 2 calls an hour
      },
    }, twoHours);
    const e = estimateClaim(claim);
    expect(e.baseline).toBe('declared');
    expect(e.expectedRevenue).toBe(80_000);
    expect(e.lostProfitRange.driver).toBe('assumed');
    expect(e.lostProfitRange.bandPct).toBe(0.2);
    expect(e.lostProfitRange.low).toBe(Math.round((80_000 * 0.8 - 20_000) * 0.75));
    expect(e.lostProfitRange.high).toBe(Math.round((80_000 * 1.2 - 20_000) * 0.75));
    expect(e.referenceDates.weeks).toEqual([]);
  });

  it('without records or a declared baseline the engine says so', () => {
    const e = estimateClaim(driverClaim([], {}, twoHours));
    expect(e.baseline).toBe('none');
    expect(e.lostProfit).toBe(0);
    expect(e.warnings.map((w) => w.code)).toContain('no-baseline');
  });
});

describe('claim window (section 2)', () => {
  it('is the union of the depended services\' windows', () => {
    const claim = loadExample('restaurant-hourly.claim.json'); // kakao-pay and gift/order: both end 16 Oct 21:30
    const w = resolveClaimWindow(claim);
    expect(w.intervals.map(({ start, end }) => [start, end])).toEqual([['2022-10-15T15:30+09:00', '2022-10-16T21:30+09:00']]);
    const withTalk = resolveClaimWindow({ ...claim, claimant: { ...claim.claimant, servicesUsed: ['kakaotalk', 'talk-channel'] } });
    expect(withTalk.end).toBe('2022-10-20T23:00+09:00');
    const disjoint = claimSchema.parse({
      ...claim,
      incident: { ...claim.incident, services: [
        { id: 'a', name: { ko: 'A' }, window: { start: '2023-01-02T10:00+09:00', end: '2023-01-02T11:30+09:00' } },
        { id: 'b', name: { ko: 'B' }, window: { start: '2023-01-02T14:00+09:00', end: '2023-01-02T15:00+09:00' } },
      ] },
      claimant: { ...claim.claimant, servicesUsed: ['a', 'b'] },
    });
    const dw = resolveClaimWindow(disjoint);
    expect(windowBucketKeys(dw, 'hourly').map(hourOfEpochHour)).toEqual([
      '2023-01-02T10:00+09:00', '2023-01-02T11:00+09:00', '2023-01-02T14:00+09:00',
    ]);
  });
});

describe('indirect items (section 5)', () => {
  const claim = loadExample('restaurant-hourly.claim.json');
  const e = estimateClaim(claim);
  const item = (kind: string) => e.indirectItems.find((i) => i.kind === kind)!;

  it('values each item from its inputs and rounds it once', () => {
    expect(item('extra-labour').amount).toBe(6 * 12_000);
    expect(item('claim-prep').amount).toBe(2 * 9_160);
    expect(item('lost-regulars')).toMatchObject({ speculative: true, amount: Math.round(2 * 60_000 * 0.62 * 2) });
    const after = item('after-effect');
    expect(after.inputs.tailStart).toBe('2022-10-16T22:00+09:00');
    expect(after.amount).toBe(Math.round(Math.max(0, (after.inputs.expectedRevenue as number) - (after.inputs.actualRevenue as number)) * 0.62));
    expect(e.indirectTotal).toBe(e.indirectItems.reduce((s, i) => s + i.amount, 0));
  });

  it('the after-effect does not disturb the window\'s reference weeks', () => {
    const without = estimateClaim({ ...claim, indirectItems: claim.indirectItems.filter((i) => i.kind !== 'after-effect') } as Claim);
    expect(without.expectedRevenue).toBe(e.expectedRevenue);
    expect(without.referenceDates.byWindowDate).toEqual(e.referenceDates.byWindowDate);
    expect(without.lostProfitRange).toEqual(e.lostProfitRange);
  });

  it('uses the minimum wage of the incident\'s year', () => {
    const claim2025 = claimSchema.parse({
      ...claim,
      incident: { id: 'my-outage', name: { ko: '내 장애' }, services: [{ id: 'pos', name: { ko: 'POS' }, window: { start: '2025-03-01T10:00+09:00', end: '2025-03-01T12:00+09:00' } }] },
      claimant: { ...claim.claimant, servicesUsed: ['pos'] },
      indirectItems: [{ kind: 'claim-prep', id: 'c', hours: 1, justification: 'x' }],
    });
    expect(estimateClaim(claim2025).indirectItems[0]!.amount).toBe(10_030);
    expect(estimateClaim(claim2025).rules).toEqual({}); // the Kakao rules belong to the Kakao incident only
  });
});

describe('channel rules (section 3.3)', () => {
  it('bands: at most 300,000 -> 30,000; at most 500,000 -> 50,000; above -> review', () => {
    expect(smbBestWeekBand(300_000)).toMatchObject({ id: 'up-to-300000', payout: 30_000 });
    expect(smbBestWeekBand(300_001)).toMatchObject({ id: 'up-to-500000', payout: 50_000 });
    expect(smbBestWeekBand(500_000)).toMatchObject({ id: 'up-to-500000', payout: 50_000 });
    expect(smbBestWeekBand(500_001)).toMatchObject({ id: 'review', payout: null });
    expect(smbBestWeekBand(0)).toMatchObject({ id: 'none', payout: 0 });
  });

  it('the best-week rule skips a week with a day missing and lists it', () => {
    const claim = loadExample('merchant-best-week.claim.json');
    const holed = { ...claim, records: claim.records.filter((r) => r.bucket !== '2022-10-11') } as Claim;
    const rule = estimateClaim(holed).rules['kakao-2022-smb-best-week']!;
    expect(rule.details.weeksSkipped).toEqual([{ start: '2022-10-08', end: '2022-10-14', missingDays: ['2022-10-11'] }]);
    expect(rule.details.bestWeek).toMatchObject({ start: '2022-09-17', sales: 4_550_000 });
    expect(rule.loss).toBe(650_000);
  });

  it('the Kakao Mobility rule: 18 hours against the same hours a week earlier, no margin', () => {
    const claim = loadExample('taxi-franchise.claim.json');
    const rule = estimateClaim(claim).rules['kakao-mobility-2022-taxi']!;
    const sum = (from: string, to: string) => claim.records
      .filter((r) => r.bucket >= from && r.bucket < to)
      .reduce((s, r) => s + (r.revenue ?? 0), 0);
    const during = sum('2022-10-15T15:00+09:00', '2022-10-16T09:00+09:00');
    const before = sum('2022-10-08T15:00+09:00', '2022-10-09T09:00+09:00');
    expect(rule.details).toMatchObject({ earningsDuring: during, earningsWeekBefore: before, window: { hours: 18 } });
    expect(rule.loss).toBe(before - during);
    expect(rule.band).toMatchObject({ id: 'full', payout: before - during });
  });

  it('rules are data in the bundled packs, chosen by incident and claimant', () => {
    expect(Object.values(channelRules).filter((r) => r.packId === 'kakao-2022-10').map((r) => r.id).sort()).toEqual(['kakao-2022-smb-best-week', 'kakao-mobility-2022-pro', 'kakao-mobility-2022-taxi']);
    expect(new Set(Object.values(channelRules).map((r) => r.rule.kind)).size).toBe(7);
    // A designated driver: only the paid-member rule (Kakao Mobility's Pro service), not the taxis' own.
    expect(rulesFor(loadExample('driver-2022.claim.json')).map((r) => r.id)).toEqual(['kakao-mobility-2022-pro']);
    expect(rulesFor(loadExample('cafe-daily.claim.json')).map((r) => r.id)).toEqual(['kakao-2022-smb-best-week']);
  });
});

// Speed is a benchmark target (npm run bench, estimateMs), not a timed test: this checks only that the
// large case (8 reference weeks, hourly, 5 channels, the 128-hour Talk Channel window) computes with K = 8.
describe('large claim', () => {
  it('estimates 8 reference weeks, hourly, 5 channels over the 128-hour Talk Channel window', () => {
    const claim = loadExample('restaurant-hourly.claim.json');
    const channels = ['card', 'kakao-pay', 'talk-channel-order', 'cash', 'phone'];
    const records = [];
    for (let day = -90; day <= 8; day++) {
      const d = new Date(Date.UTC(2022, 9, 15 + day)).toISOString().slice(0, 10);
      for (let h = 0; h < 24; h++) for (const [i, ch] of channels.entries()) records.push(rec(hour(d, h), ch, 1 + ((h + i) % 3), (1 + ((h + i) % 3)) * 11_000));
    }
    const big = claimSchema.parse({
      ...claim,
      claimant: { ...claim.claimant, servicesUsed: ['talk-channel'], salesChannels: channels.map((id) => ({ id, label: id, isPlatform: false })) },
      records,
      referenceDates: { byWindowDate: {}, abnormalDates: [] },
      parameters: { ...claim.parameters, k: 8, trendFactor: false },
    });
    const e = estimateClaim(big);
    expect(e.referenceDates.k).toBe(8);
    expect(e.buckets.length).toBe(e.claimWindow.bucketCount);
    expect(e.channels.map((c) => c.id)).toEqual(channels);
  });
});
