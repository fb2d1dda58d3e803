import { describe, expect, it } from 'vitest';
import { spanFigures, channelFigures } from '../../../../src/core/estimate/stages/expected-actual';
import { lostProfitStage } from '../../../../src/core/estimate/stages/lost-profit';
import { rangeStage } from '../../../../src/core/estimate/stages/range';
import { averageTicketStage } from '../../../../src/core/estimate/stages/ticket';
import { revenueStage, revenueComputability } from '../../../../src/core/estimate/stages/revenue';
import { trendStage } from '../../../../src/core/estimate/stages/trend';
import { declaredBaseline } from '../../../../src/core/estimate/stages/declared-baseline';
import { epochHourOf } from '../../../../src/core/time/kst';
import { driverClaim, hour, loadExample, rec } from '../helpers';
import { upToReferences } from './setup';

/** Loss model section 7, stage by stage. */
describe('stages 1, 3, 4 and 6 on the worked example', () => {
  const claim = loadExample('driver-2022.claim.json');
  const s = upToReferences(claim);

  it('average ticket: 25,000 from the reference buckets', () => {
    const t = averageTicketStage(s.buckets.keys, s.index, s.references, undefined);
    expect(t.averageTicket).toEqual({ value: 25_000, source: 'reference' });
    expect(t.ticket).toBe(25_000);
  });

  it('average ticket: the declared one when no reference bucket carries revenue, listed as an assumption', () => {
    const c = driverClaim([rec(hour('2022-10-15', 20), 'kakao-t', 2, null)], { parameters: { averageTicket: 20_000 } });
    const t = averageTicketStage(upToReferences(c).buckets.keys, upToReferences(c).index, null, 20_000);
    expect(t.averageTicket).toEqual({ value: 20_000, source: 'declared' });
    expect(t.assumptions).toMatchObject([{ id: 'average-ticket', value: 20_000, confirmed: true }]);
  });

  it('expected and actual: E = 325,000, A = 44,000, T = the four weeks, the other app carrying A', () => {
    const span = spanFigures(s.span(25_000), s.buckets.keys, s.refs.weeks.k, 1);
    expect(span.E).toBeCloseTo(325_000, 6);
    expect(span.A).toBe(44_000);
    expect(span.Ecount - span.Acount).toBeCloseTo(11, 9);
    expect(span.T.map((t) => Math.round(t))).toEqual([350_000, 325_000, 300_000, 325_000]);
    expect(span.buckets[0]!.referenceRevenue).toEqual([75_000, 50_000, 75_000, 50_000]);
    const channels = channelFigures(claim, s.index.channelIds, span);
    expect(channels.find((c) => c.actualRevenue > 0)).toMatchObject({ actualRevenue: 44_000, actualCount: 2 });
  });

  it('expected and actual: a factor scales the expectation, never the actual', () => {
    const span = spanFigures(s.span(25_000), s.buckets.keys, s.refs.weeks.k, 2);
    expect(span.E).toBeCloseTo(650_000, 6);
    expect(span.A).toBe(44_000);
  });

  it('expected: the declared table spreads a day-part evenly over its hours', () => {
    const declared = declaredBaseline({
      dayParts: [{ id: 'evening', label: '저녁', startHour: 18, endHour: 22 }],
      entries: [{ weekday: 6, dayPart: 'evening', count: 8, averageTicket: 10_000 }],
    } as never);
    expect(declared(epochHourOf('2022-10-15T20:00+09:00'), true)).toEqual({ count: 2, revenue: 20_000 });
    expect(declared(epochHourOf('2022-10-15T23:00+09:00'), true)).toEqual({ count: 0, revenue: 0 });
  });

  it('lost profit: LR = 281,000, m = 0.75, LP = 210,750, v and c listed', () => {
    const lost = lostProfitStage(claim, { E: 325_000, A: 44_000, Ecount: 13, Acount: 2 });
    expect([lost.lostRevenue, lost.margin.m, lost.lostProfit, lost.lostCount]).toEqual([281_000, 0.75, 210_750, 11]);
    expect(lost.assumptions.map((a) => a.id)).toEqual(['margin-v', 'margin-c']);
    expect(lostProfitStage(claim, { E: 1, A: 5, Ecount: 0, Acount: 1 }).lostProfit).toBe(0);
  });

  it('range: [182,718, 238,782] from the four weeks; an assumed band when K = 1', () => {
    const r = rangeStage({ baseline: 'same-slot', k: 4, T: [350_000, 325_000, 300_000, 325_000], E: 325_000, A: 44_000, m: 0.75, alpha: 0.2, assumedBandPct: 0.2 });
    expect([r.range.low, r.range.high]).toEqual([182_718, 238_782]);
    expect(r.range.s).toBeCloseTo(20_412.41, 2);
    expect(r.assumptions.map((a) => a.id)).toEqual(['alpha']);
    const one = rangeStage({ baseline: 'same-slot', k: 1, T: [325_000], E: 100_000, A: 0, m: 1, alpha: 0.2, assumedBandPct: 0.2 });
    expect([one.range.driver, one.range.low, one.range.high]).toEqual(['assumed', 80_000, 120_000]);
    expect(one.assumptions.map((a) => a.id)).toEqual(['alpha', 'assumed-band']);
  });
});

describe('stage 3.1: the same-day trend factor', () => {
  const claim = loadExample('driver-2022.claim.json');
  const s = upToReferences(claim);
  const before = (hours: number[]) => spanFigures(s.span(25_000), hours, s.refs.weeks.k, 1);

  it('is off by default and says nothing', () => {
    expect(trendStage(false, s.buckets, 'same-slot', before)).toMatchObject({ trend: { factor: 1, applied: false }, warnings: [], assumptions: [] });
  });

  it('measures the hours of the first day before the window and clamps the factor to [0.5, 2]', () => {
    const t = trendStage(true, s.buckets, 'same-slot', before);
    expect(t.trend.hours.length).toBe(20);
    expect(t.trend.hours[0]).toBe('2022-10-15T00:00+09:00');
    if (t.trend.applied) expect(t.trend.factor).toBe(Math.min(2, Math.max(0.5, t.trend.rawFactor!)));
    else expect(t.warnings.map((w) => w.code)).toEqual(['trend-no-expected']);
    expect(t.assumptions).toMatchObject([{ id: 'trend-factor', value: t.trend.factor }]);
  });

  it('needs reference records', () => {
    expect(trendStage(true, s.buckets, 'declared', before).warnings.map((w) => w.code)).toEqual(['trend-needs-references']);
  });
});

describe('stage 1: revenue not computable', () => {
  it('counts only and no ticket: says so in words with the counts, and asks for a ticket', () => {
    const c = driverClaim([rec(hour('2022-10-15', 20), 'kakao-t', 2, null)]);
    const s = upToReferences(c);
    const r = revenueStage(false, s.buckets.keys, s.index, null, { expected: 3.25, actual: 2 });
    expect(r.revenue.computable).toBe(false);
    expect(r.revenue.message?.ko).toContain('예상 3.3건, 실제 2.0건, 놓친 건수 1.3건');
    expect(r.warnings.map((w) => w.code)).toEqual(['revenue-not-computable']);
    expect(r.assumptions.map((a) => a.id)).toEqual(['average-ticket-missing']);
    expect(revenueStage(true, s.buckets.keys, s.index, null, { expected: 0, actual: 0 })).toEqual({ revenue: revenueComputability(true, 0, 0), warnings: [], assumptions: [] });
  });
});
