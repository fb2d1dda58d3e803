import { describe, expect, it } from 'vitest';
import { estimateClaim } from '../../../src/core/estimate/index';
import { revenueComputability } from '../../../src/core/estimate/stages/revenue';
import { claimSchema, type Claim } from '../../../src/core/model/index';
import { loadExample } from './helpers';
import { joined } from '../../../src/core/model/common';

/** The section 7 driver with every revenue removed: counts only (calls), no ticket declared. */
function countsOnly(averageTicket?: number): Claim {
  const claim = loadExample('driver-2022.claim.json');
  return claimSchema.parse({
    ...claim,
    records: claim.records.map((r) => ({ ...r, revenue: null })),
    parameters: { ...claim.parameters, ...(averageTicket === undefined ? {} : { averageTicket }) },
  });
}

describe('counts without any ticket (loss model section 1)', () => {
  it('says in words that revenue is not computable, gives the counts and the lost count, and asks for a ticket', () => {
    const e = estimateClaim(countsOnly());
    expect(e.averageTicket).toEqual({ value: null, source: 'none' });
    expect(e.revenue.computable).toBe(false);
    expect(joined(e.revenue.message!)).toBe(
      // The claimant is a designated driver: fares earned (수입) and the average fare (평균 요금).
      '기록에 수입 없이 건수만 있고 평균 요금도 없어 수입과 손실 이익을 계산할 수 없어요. 예상 13.0건, 실제 2.0건, 놓친 건수 11.0건이에요. 평균 요금을 적어 주세요'
      + ' / earnings and lost profit are not computable: the records carry counts only and no average fare is known. Expected 13.0 calls, actual 2.0, lost 11.0. Please enter an average fare',
    );
    // A shop's words are its own: 매출 and 평균 객단가.
    expect(joined(revenueComputability(false, 13, 2).message!)).toBe(
      '기록에 매출 없이 건수만 있고 평균 객단가(한 건 평균 요금)도 없어 매출과 손실 이익을 계산할 수 없어요. 예상 13.0건, 실제 2.0건, 놓친 건수 11.0건이에요. 평균 객단가를 적어 주세요'
      + ' / revenue and lost profit are not computable: the records carry counts only and no average ticket (average fare) is known. Expected 13.0 orders or calls, actual 2.0, lost 11.0. Please enter an average ticket',
    );
    expect(e.expectedCount).toBeCloseTo(13, 9);
    expect(e.actualCount).toBe(2);
    expect(e.lostCount).toBeCloseTo(11, 9);
    expect(e.warnings.map((w) => w.code)).toEqual(['revenue-not-computable']);
    // No "the ticket you declared" label over a 0 KRW ticket: the missing ticket is an open assumption.
    expect(e.assumptions.find((a) => a.id === 'average-ticket')).toBeUndefined();
    expect(e.assumptions.find((a) => a.id === 'average-ticket-missing')).toMatchObject({ value: { ko: '없음', en: 'none' }, confirmed: false });
    expect(JSON.stringify(e.assumptions)).not.toContain('the ticket you declared');
  });

  it('a declared ticket makes it computable: 13 calls expected at 25,000 = 325,000; 2 actual = 50,000; LP 206,250', () => {
    const e = estimateClaim(countsOnly(25_000));
    expect(e.revenue).toEqual({ computable: true, message: null });
    expect(e.averageTicket).toEqual({ value: 25_000, source: 'declared' });
    expect(e.expectedRevenue).toBeCloseTo(325_000, 6);
    expect(e.actualRevenue).toBe(50_000);
    expect(e.lostProfit).toBe(206_250);
    expect(e.referenceDates.weeks.map((w) => w.revenue)).toEqual([350_000, 325_000, 300_000, 325_000]);
    expect(e.assumptions.find((a) => a.id === 'average-ticket')).toMatchObject({ value: 25_000, source: { ko: '직접 적은 평균 요금', en: 'the average fare you declared' }, confirmed: true });
  });

  it('a record with revenue in the reference buckets gives the ticket: computable without a declared one', () => {
    const claim = countsOnly();
    const withOne = claimSchema.parse({
      ...claim,
      records: claim.records.map((r) => (r.bucket === '2022-10-08T20:00+09:00' && r.count > 0 ? { ...r, revenue: r.count * 25_000 } : r)),
    });
    const e = estimateClaim(withOne);
    expect(e.revenue.computable).toBe(true);
    expect(e.averageTicket).toEqual({ value: 25_000, source: 'reference' });
    expect(e.lostProfit).toBe(206_250);
  });
});
