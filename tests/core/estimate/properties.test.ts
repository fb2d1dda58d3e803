import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateClaim } from '../../../src/core/estimate/index';
import type { ActivityRecord } from '../../../src/core/model/record';
import type { ClaimInput } from '../../../src/core/model/claim';
import { driverClaim, hour } from './helpers';

const REF_SATURDAYS = ['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17', '2022-09-03'];
const WINDOW = { start: '2022-10-15T19:30+09:00', end: '2022-10-15T23:00+09:00' }; // buckets 19-22
const HOURS = [19, 20, 21, 22];
const CHANNELS = ['kakao-t', 'other-app', 'phone'];

const revenueArb = fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null, freq: 6 });
const recordArb = (dates: string[]) =>
  fc.record({
    date: fc.constantFrom(...dates),
    hour: fc.constantFrom(17, ...HOURS),
    channel: fc.constantFrom(...CHANNELS),
    count: fc.integer({ min: 0, max: 12 }),
    revenue: revenueArb,
  });

function toRecords(list: { date: string; hour: number; channel: string; count: number; revenue: number | null }[]): ActivityRecord[] {
  const seen = new Map<string, ActivityRecord>();
  for (const r of list) {
    const bucket = hour(r.date, r.hour);
    seen.set(`${bucket}|${r.channel}`, { bucket, channel: r.channel, count: r.count, revenue: r.revenue, provenance: { kind: 'logged' } });
  }
  return [...seen.values()];
}

const paramsArb = fc.record({
  estimator: fc.constantFrom('mean' as const, 'median' as const, 'trimmed' as const),
  k: fc.integer({ min: 2, max: 5 }),
  alpha: fc.constantFrom(0.2, 0.05),
  trendFactor: fc.boolean(),
  averageTicket: fc.option(fc.integer({ min: 1_000, max: 50_000 }), { nil: undefined }),
  margin: fc.record({
    v: fc.record({ value: fc.option(fc.double({ min: 0, max: 0.7, noNaN: true }), { nil: undefined }), confirmed: fc.boolean() }),
    c: fc.record({ value: fc.option(fc.double({ min: 0, max: 0.3, noNaN: true }), { nil: undefined }), confirmed: fc.boolean() }),
  }),
});

const itemsArb = fc.record({
  direct: fc.array(fc.integer({ min: 0, max: 2_000_000 }), { maxLength: 4 }),
  labour: fc.option(fc.record({ hours: fc.double({ min: 0.1, max: 40, noNaN: true }), wage: fc.integer({ min: 0, max: 40_000 }) }), { nil: undefined }),
  prep: fc.option(fc.double({ min: 0.1, max: 20, noNaN: true }), { nil: undefined }),
  regulars: fc.option(fc.record({ customers: fc.integer({ min: 1, max: 30 }), spend: fc.integer({ min: 0, max: 300_000 }), months: fc.double({ min: 0.1, max: 3, noNaN: true }) }), { nil: undefined }),
  afterEffect: fc.boolean(),
});

type Items = typeof itemsArb extends fc.Arbitrary<infer T> ? T : never;

function claimFrom(reference: ActivityRecord[], actual: ActivityRecord[], parameters: ClaimInput['parameters'], items?: Items) {
  const just = '예견할 수 있었어요 / foreseeable';
  return driverClaim([...reference, ...actual], {
    parameters,
    directItems: (items?.direct ?? []).map((amount, i) => ({ id: `d${i}`, category: 'other', amount })),
    indirectItems: items ? [
      ...(items.labour ? [{ kind: 'extra-labour' as const, id: 'l', hours: items.labour.hours, hourlyWage: items.labour.wage, justification: just }] : []),
      ...(items.prep ? [{ kind: 'claim-prep' as const, id: 'p', hours: items.prep, justification: just }] : []),
      ...(items.regulars ? [{ kind: 'lost-regulars' as const, id: 'r', customers: items.regulars.customers, monthlySpend: items.regulars.spend, months: items.regulars.months, justification: just }] : []),
      ...(items.afterEffect ? [{ kind: 'after-effect' as const, id: 'a', tailHours: 24, justification: just }] : []),
    ] : [],
  }, WINDOW);
}

const referenceArb = fc.array(recordArb(REF_SATURDAYS), { minLength: 0, maxLength: 40 }).map(toRecords);
const actualArb = fc.array(recordArb(['2022-10-15', '2022-10-16']), { maxLength: 10 }).map(toRecords);

describe('loss model properties (fast-check)', () => {
  it('the loss is never negative, and LP lies inside its range', () => {
    fc.assert(fc.property(referenceArb, actualArb, paramsArb, (reference, actual, parameters) => {
      const e = estimateClaim(claimFrom(reference, actual, parameters));
      expect(e.lostRevenue).toBeGreaterThanOrEqual(0);
      expect(e.lostCount).toBeGreaterThanOrEqual(0);
      expect(e.lostProfit).toBeGreaterThanOrEqual(0);
      expect(e.lostProfitRange.low).toBeGreaterThanOrEqual(0);
      expect(e.lostProfitRange.low).toBeLessThanOrEqual(e.lostProfit);
      expect(e.lostProfit).toBeLessThanOrEqual(e.lostProfitRange.high);
      for (const b of e.buckets) expect(b.expectedRevenue).toBeGreaterThanOrEqual(0);
    }), { numRuns: 300 });
  });

  it('more actual sales never raise the loss', () => {
    const extraArb = fc.record({
      hour: fc.constantFrom(...HOURS),
      channel: fc.constantFrom(...CHANNELS),
      count: fc.integer({ min: 0, max: 5 }),
      revenue: fc.integer({ min: 0, max: 200_000 }),
    });
    fc.assert(fc.property(referenceArb, actualArb, paramsArb, extraArb, (reference, actual, parameters, extra) => {
      // Trend off: the factor reads the same day's earlier hours, not the window's sales.
      const p = { ...parameters, trendFactor: false };
      const before = estimateClaim(claimFrom(reference, actual, p));
      const bucket = hour('2022-10-15', extra.hour);
      const existing = actual.find((r) => r.bucket === bucket && r.channel === extra.channel);
      const more = existing
        ? actual.map((r) => (r === existing ? { ...r, count: r.count + extra.count, revenue: r.revenue === null || r.revenue === undefined ? null : r.revenue + extra.revenue } : r))
        : [...actual, { bucket, channel: extra.channel, count: extra.count, revenue: extra.revenue, provenance: { kind: 'logged' as const } }];
      const after = estimateClaim(claimFrom(reference, more, p));
      expect(after.actualRevenue).toBeGreaterThanOrEqual(before.actualRevenue - 1e-6);
      expect(after.lostRevenue).toBeLessThanOrEqual(before.lostRevenue + 1e-6);
      expect(after.lostProfit).toBeLessThanOrEqual(before.lostProfit);
      expect(after.lostProfitRange.low).toBeLessThanOrEqual(before.lostProfitRange.low);
      expect(after.lostProfitRange.high).toBeLessThanOrEqual(before.lostProfitRange.high);
      expect(after.lostCount).toBeLessThanOrEqual(before.lostCount + 1e-9);
      expect(after.claimTotal).toBeLessThanOrEqual(before.claimTotal);
    }), { numRuns: 300 });
  });

  it('every total is the sum of its rounded items, in whole won', () => {
    fc.assert(fc.property(referenceArb, actualArb, paramsArb, itemsArb, (reference, actual, parameters, items) => {
      const e = estimateClaim(claimFrom(reference, actual, parameters, items));
      const amounts = [e.lostProfit, ...e.directItems.map((i) => i.amount), ...e.indirectItems.map((i) => i.amount), e.lostProfitRange.low, e.lostProfitRange.high];
      for (const a of amounts) expect(Number.isInteger(a)).toBe(true);
      expect(e.directTotal).toBe(e.lostProfit + e.directItems.reduce((s, i) => s + i.amount, 0));
      expect(e.indirectTotal).toBe(e.indirectItems.reduce((s, i) => s + i.amount, 0));
      expect(e.claimTotal).toBe(e.directTotal + e.indirectTotal);
      expect(e.lostProfit).toBe(Math.sign(e.lostRevenue * e.margin.m) * Math.round(Math.abs(Number((e.lostRevenue * e.margin.m).toPrecision(15)))));
    }), { numRuns: 300 });
  });
});
