import { describe, expect, it } from 'vitest';
import { estimateClaim } from '../../../src/core/estimate/index';
import { incidentFromPreset } from '../../../src/core/incidents/index';
import { claimSchema, type Claim, type ClaimInput, type ChannelFare } from '../../../src/core/model/index';
import { addDays } from '../../../src/core/time/kst';
import { loadExample, rec } from './helpers';
import { joined } from '../../../src/core/model/common';

/** The section 7 driver with every revenue removed (calls only), fares declared per channel. */
function countsOnly(fares: Record<string, ChannelFare | undefined>, keepRevenue = false): Claim {
  const claim = loadExample('driver-2022.claim.json');
  return claimSchema.parse({
    ...claim,
    claimant: { ...claim.claimant, salesChannels: claim.claimant.salesChannels.map((c) => ({ ...c, ...(fares[c.id] ? { averageFare: fares[c.id] } : {}) })) },
    records: keepRevenue ? claim.records : claim.records.map((r) => ({ ...r, revenue: null })),
  });
}

/** A taxi driver who typed daily call counts for five weeks and one fare for Kakao T calls. */
function taxiDaily(fare: ChannelFare | undefined): Claim {
  const incident = incidentFromPreset('kakao-2022-10')!;
  const records = [];
  // Saturdays 17 Sep - 8 Oct: 20 calls; Sundays: 16; the outage weekend 15-16 Oct: 6 and 10.
  for (let w = 0; w < 4; w++) {
    records.push(rec(addDays('2022-09-17', 7 * w), 'kakao-t', 20, null));
    records.push(rec(addDays('2022-09-18', 7 * w), 'kakao-t', 16, null));
  }
  records.push(rec('2022-10-15', 'kakao-t', 6, null), rec('2022-10-16', 'kakao-t', 10, null));
  return claimSchema.parse({
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: 'taxi-daily',
    claimant: {
      kind: 'taxi', taxiType: 'private', name: '김기사', mobile: '010-1234-5678', servicesUsed: ['kakao-t-taxi'],
      salesChannels: [{ id: 'kakao-t', label: '카카오 T 호출', isPlatform: true, ...(fare ? { averageFare: fare } : {}) }],
    },
    incident,
    granularity: 'daily',
    records,
  } satisfies ClaimInput);
}

describe('a channel\'s declared average fare (loss model section 1)', () => {
  it('a taxi driver with daily call counts and one fare gets a non-zero estimate that says which fare and where it comes from', () => {
    const without = estimateClaim(taxiDaily(undefined));
    expect(without.revenue.computable).toBe(false);
    expect(without.lostProfit).toBe(0);

    const e = estimateClaim(taxiDaily({ amount: 15_000, source: 'trip-history', note: '' }));
    expect(e.revenue).toEqual({ computable: true, message: null });
    // Expected 20 + 16 calls, actual 6 + 10: 20 calls lost at 15,000 = 300,000 KRW of revenue.
    expect(e.expectedCount).toBe(36);
    expect(e.actualCount).toBe(16);
    expect(e.lostRevenue).toBeCloseTo(300_000, 6);
    expect(e.lostProfit).toBe(Math.round(300_000 * e.margin.m));
    expect(e.lostProfit).toBeGreaterThan(0);
    expect(e.channelTickets).toEqual([
      { channel: 'kakao-t', label: '카카오 T 호출', value: 15_000, source: 'channel-declared', declaredFare: 15_000, fareSource: 'trip-history', fareNote: '' },
    ]);
    expect(e.assumptions.find((a) => a.id === 'average-fare:kakao-t')).toEqual({
      id: 'average-fare:kakao-t',
      label: { ko: '카카오 T 호출의 평균 요금', en: 'average fare, 카카오 T 호출' },
      value: 15_000,
      source: { ko: '직접 적은 평균 요금 (출처: 내 운행 내역)', en: 'the fare you entered (source: my trip history)' },
      confirmed: true,
    });
    expect(e.warnings.map((w) => w.code)).not.toContain('revenue-not-computable');
  });

  it('a merchant\'s declared figure is their 평균 객단가 from their own sales records, never a driver\'s 운행 내역', () => {
    const driver = taxiDaily({ amount: 15_000, source: 'trip-history', note: '' });
    const merchant = claimSchema.parse({
      ...driver,
      claimant: {
        kind: 'merchant', industry: 'restaurant', businessName: '판교 국밥', businessNumber: '123-45-67891', name: '박사장', mobile: '010-9876-5432', servicesUsed: ['kakao-pay'],
        salesChannels: [{ id: 'kakao-t', label: '톡채널 주문', isPlatform: true, averageFare: { amount: 15_000, source: 'trip-history', note: '' } }],
      },
    });
    const e = estimateClaim(merchant);
    expect(e.lostRevenue).toBeCloseTo(300_000, 6);
    expect(e.assumptions.find((a) => a.id === 'average-fare:kakao-t')).toMatchObject({
      label: { ko: '톡채널 주문의 평균 객단가', en: 'average ticket, 톡채널 주문' },
      source: { ko: '직접 적은 평균 객단가 (출처: 내 매출 기록)', en: 'the average ticket you entered (source: my own sales records)' },
    });
    const survey = estimateClaim(claimSchema.parse({ ...merchant, claimant: { ...merchant.claimant, salesChannels: [{ ...merchant.claimant.salesChannels[0]!, averageFare: { amount: 15_000, source: 'union-survey', note: '' } }] } }));
    expect(joined(survey.assumptions.find((a) => a.id === 'average-fare:kakao-t')!.source)).toContain('상인회·협회 조사');
    expect(JSON.stringify(e.assumptions)).not.toMatch(/운행|trip history|평균 요금/);
  });

  it('every channel with calls needs a ticket: a fare on Kakao T only leaves the other app\'s calls unpriced', () => {
    const one = estimateClaim(countsOnly({ 'kakao-t': { amount: 25_000, source: 'trip-history', note: '' } }));
    expect(one.revenue.computable).toBe(false);
    const both = estimateClaim(countsOnly({
      'kakao-t': { amount: 25_000, source: 'trip-history', note: '' },
      'other-app': { amount: 22_000, source: 'other', note: '다른 앱 정산서 평균' },
    }));
    expect(both.revenue.computable).toBe(true);
    // 13 Kakao calls expected at 25,000 = 325,000; actual 2 other-app calls at 22,000 = 44,000; m = 0.75.
    expect(both.expectedRevenue).toBeCloseTo(325_000, 6);
    expect(both.actualRevenue).toBe(44_000);
    expect(both.lostProfit).toBe(210_750);
    expect(joined(both.assumptions.find((a) => a.id === 'average-fare:other-app')!.source)).toBe(
      '직접 적은 평균 요금 (출처: 기타: 다른 앱 정산서 평균) / the fare you entered (source: other: 다른 앱 정산서 평균)',
    );
    // No claim-level ticket is in use, so none is stated.
    expect(both.assumptions.find((a) => a.id === 'average-ticket')).toBeUndefined();
  });

  it('the channel\'s own reference records come first; its declared fare is then set aside and said so', () => {
    const claim = countsOnly({ 'kakao-t': { amount: 40_000, source: 'union-survey', note: '' } }, true);
    // A reference hour's calls without revenue: valued at the channel's own reference ticket (25,000), not 40,000.
    const withGap = claimSchema.parse({ ...claim, records: claim.records.map((r) => (r.bucket === '2022-10-08T20:00+09:00' && r.channel === 'kakao-t' ? { ...r, revenue: null } : r)) });
    const e = estimateClaim(withGap);
    const plain = estimateClaim(loadExample('driver-2022.claim.json'));
    expect(e.channelTickets[0]).toMatchObject({ channel: 'kakao-t', value: 25_000, source: 'channel-reference', declaredFare: 40_000 });
    expect(e.lostProfit).toBe(plain.lostProfit);
    expect(e.assumptions.find((a) => a.id === 'average-fare:kakao-t')?.source.ko).toContain('적어 둔 40,000원보다 먼저 써요');
  });

  it('a channel without a fare keeps the claim-level ticket: an old claim\'s averageTicket is still honoured', () => {
    const claim = countsOnly({});
    const old = claimSchema.parse({ ...claim, parameters: { ...claim.parameters, averageTicket: 25_000 } });
    const e = estimateClaim(old);
    expect(e.lostProfit).toBe(206_250);
    expect(e.channelTickets.map((t) => t.source)).toEqual(['declared', 'declared']);
    expect(e.assumptions.find((a) => a.id === 'average-ticket')).toMatchObject({ value: 25_000, confirmed: true });
  });

  it('refuses a fare of 0 and an "other" source without a note, naming the field', () => {
    const bad = (fare: unknown) => {
      const claim = loadExample('driver-2022.claim.json');
      const r = claimSchema.safeParse({ ...claim, claimant: { ...claim.claimant, salesChannels: [{ ...claim.claimant.salesChannels[0], averageFare: fare }, claim.claimant.salesChannels[1]] } });
      expect(r.success).toBe(false);
      return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(bad({ amount: 0, source: 'trip-history' })).toEqual(['claimant.salesChannels.0.averageFare.amount: 평균 요금은 0원보다 커야 해요 / the average fare must be more than 0 KRW']);
    expect(bad({ amount: 20_000, source: 'other', note: '  ' })).toEqual(['claimant.salesChannels.0.averageFare.note: 평균 요금을 어디서 얻었는지 적어 주세요 / say where the average fare comes from']);
  });
});
