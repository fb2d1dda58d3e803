/**
 * Each rule kind on its real case's published figures (shared/incident-packs.md), through the bundled
 * pack that carries it and the same estimate the app and the packet use.
 */
import { describe, expect, it } from 'vitest';
import { estimateClaim } from '../../../src/core/estimate/index';
import { findBundledPack, packToIncident } from '../../../src/core/incidents/index';
import { claimSchema, type Claim, type ClaimInput } from '../../../src/core/model/index';
import type { ActivityRecord } from '../../../src/core/model/record';
import { addDays } from '../../../src/core/time/kst';
import { hour, loadExample, rec } from './helpers';

type Inputs = NonNullable<ClaimInput['ruleInputs']>;

function merchantClaim(packId: string, opts: { granularity?: 'hourly' | 'daily'; records?: ActivityRecord[]; inputs?: Inputs; taxi?: boolean } = {}): Claim {
  const pack = findBundledPack(packId)!;
  return claimSchema.parse({
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: `test-${packId}`,
    claimant: {
      kind: 'merchant', industry: 'other', businessNumber: '123-45-67891', name: '테스트', mobile: '010-1111-2222',
      salesChannels: [
        { id: 'platform', label: '플랫폼 주문', isPlatform: true },
        { id: 'walk-in', label: '매장', isPlatform: false },
      ],
    },
    incident: packToIncident(pack),
    granularity: opts.granularity ?? 'daily',
    records: opts.records ?? [],
    ruleInputs: opts.inputs ?? {},
  } satisfies ClaimInput);
}

const declared = (value: number | string[]) => ({ value, evidenceIds: [], note: '' });

describe('fixed-amount: LG U+ 2023 PC cafes (323,000 for 01-29, 387,000 for 02-04, 710,000 for both)', () => {
  const figure = (dates: string[]) => estimateClaim(merchantClaim('lguplus-2023-01', { inputs: { datesHit: declared(dates) } })).rules['lguplus-2023-pc-cafe']!;
  it('pays by the days the claimant declares', () => {
    expect(figure(['2023-01-29']).loss).toBe(323_000);
    expect(figure(['2023-02-04']).loss).toBe(387_000);
    expect(figure(['2023-01-29', '2023-02-04']).loss).toBe(710_000);
  });
  it('leaves out a date the rule does not cover and says so; asks for the dates when none are declared', () => {
    const r = figure(['2023-01-29', '2023-01-30']);
    expect(r.loss).toBe(323_000);
    expect(r.notes.map((n) => n.ko).join()).toMatch(/2023-01-30/);
    const none = estimateClaim(merchantClaim('lguplus-2023-01')).rules['lguplus-2023-pc-cafe']!;
    expect(none).toMatchObject({ computable: false, loss: null });
    expect(none.inputs[0]).toMatchObject({ id: 'datesHit', value: null, evidence: { ko: 'PC방 이용 기록·매출 자료' } });
  });
});

describe('fixed-amount per claimant: Baemin riders', () => {
  it('2025: 10,000; 2021: 60,000', () => {
    const r2025 = findBundledPack('baemin-2025-05')!.rules.find((r) => r.id === 'baemin-2025-riders')!;
    const r2021 = findBundledPack('baemin-2021-12')!.rules.find((r) => r.id === 'baemin-2021-riders')!;
    expect(r2025.params).toMatchObject({ amount: 10_000 });
    expect(r2021.params).toMatchObject({ amount: 60_000 });
    // Riders are not a claimant kind of the app's claims yet: the rule is computed directly.
    expect(estimateClaim(merchantClaim('baemin-2025-05')).rules['baemin-2025-riders']).toBeUndefined();
  });
});

describe('fee-for-duration', () => {
  it('KT 2021: the fee for 15 hours (press: about 1,000 KRW for an individual) and 10 days for small businesses (7,000-8,000)', () => {
    const e = estimateClaim(merchantClaim('kt-2021-10', { inputs: { monthlyFee: declared(22_000) } }));
    // 22,000 / 30 x 10 = 7,333: within the press estimate for a small business.
    expect(e.rules['kt-2021-smb-10d']!.loss).toBe(7_333);
    expect(e.rules['kt-2021-customers-15h']).toBeUndefined(); // individuals' rule, not a shop's
    const pack = findBundledPack('kt-2021-10')!;
    expect(pack.rules.find((r) => r.id === 'kt-2021-customers-15h')!.params).toMatchObject({ basis: 'hours', amount: 15 });
  });

  it('LG U+ 2023 small businesses: one month of the fees (average 31,998)', () => {
    const e = estimateClaim(merchantClaim('lguplus-2023-01', { inputs: { monthlyFee: declared(31_998) } }));
    expect(e.rules['lguplus-2023-smb-1m']!.loss).toBe(31_998);
    expect(e.rules['lguplus-2023-smb-1m']!.band).toMatchObject({ id: 'figure', payout: 31_998 });
    // A whole month is paid: the fee is not divided, and the lines do not say it is.
    expect(e.rules['lguplus-2023-smb-1m']!.lines.map((l) => l.ko)).toEqual(['월 요금 31,998원', '1개월분 요금']);
  });

  it('KT 2024: small businesses one month; 10 x the outage time 06:15-16:20 for a general customer', () => {
    const e = estimateClaim(merchantClaim('kt-2024-08', { inputs: { monthlyFee: declared(33_000) } }));
    expect(e.rules['kt-2024-smb-1m']!.loss).toBe(33_000);
    // A designated driver's own line: 10 x 605 minutes of a 36,000 monthly fee = 36,000 / 720 x 100.8333 h = 5,042.
    const driver = claimSchema.parse({ ...merchantClaim('kt-2024-08', { granularity: 'hourly', inputs: { monthlyFee: declared(36_000) } }), claimant: { kind: 'designated-driver', name: '김대리', mobile: '010-1234-5678', salesChannels: [{ id: 'kakao-t', label: 'Kakao T', isPlatform: true }] } });
    const r = estimateClaim(driver).rules['kt-2024-customers-10x']!;
    expect(r.details).toMatchObject({ outageMinutes: 605 });
    expect(r.loss).toBe(5_042);
  });

  it('Kakao Mobility 2022 paid members: 6 days of October\'s fee to the ten won, exactly the published 7,550 (taxi Pro, 39,000) and 4,260 (대리 Pro, 22,000)', () => {
    const withFee = (file: string, fee: number, taxiType?: string) => {
      const claim = loadExample(file);
      return claimSchema.parse({ ...claim, ...(taxiType ? { claimant: { ...claim.claimant, taxiType } } : {}), ruleInputs: { ...(claim.ruleInputs ?? {}), proMonthlyFee: declared(fee) } });
    };
    const taxi = estimateClaim(withFee('taxi-franchise.claim.json', 39_000, 'private')).rules['kakao-mobility-2022-pro']!;
    // 39,000 / 31 x 6 = 7,548.4, to the ten won: 7,550.
    expect(taxi).toMatchObject({ kind: 'fee-for-duration', loss: 7_550, eligible: true, subscribersOnly: true, details: { daysPerMonth: 31, amount: 6, roundTo: 10 } });
    expect(taxi.lines.map((l) => l.ko)).toEqual(['월 요금 39,000원 (한 달 31일로 나눠요)', '6일분 요금', '10원 단위로 반올림']);
    // 22,000 / 31 x 6 = 4,258.1, to the ten won: 4,260.
    const daeri = estimateClaim(withFee('driver-2022.claim.json', 22_000)).rules['kakao-mobility-2022-pro']!;
    expect(daeri).toMatchObject({ loss: 4_260, eligible: true });
    // A franchise driver was not on the Pro plan: the figure is for reference. A shop never sees the rule.
    expect(estimateClaim(withFee('taxi-franchise.claim.json', 39_000)).rules['kakao-mobility-2022-pro']!.eligible).toBe(false);
    expect(estimateClaim(loadExample('merchant-best-week.claim.json')).rules['kakao-mobility-2022-pro']).toBeUndefined();
    // Without the fee declared the rule asks for it.
    const none = estimateClaim(loadExample('driver-2022.claim.json')).rules['kakao-mobility-2022-pro']!;
    expect(none).toMatchObject({ computable: false, loss: null });
    expect(none.notes.map((n) => n.ko)).toContain('월 요금을 입력해 주세요');
  });

  it('Baemin 2025 Ultra Call: 10 x the ad cost of the 30-minute outage, marked unconfirmed', () => {
    // 88,000 a month: 88,000 / 720 per hour x 5 hours = 611.1 -> 611.
    const r = estimateClaim(merchantClaim('baemin-2025-05', { inputs: { ultraCallMonthlyCost: declared(88_000) } })).rules['baemin-2025-ultra-call']!;
    expect(r.loss).toBe(611);
    expect(r.notes.map((n) => n.ko).join()).toMatch(/확인되지 않았어요/);
  });
});

describe('commission-refund', () => {
  it('Baemin 2025: the commission rate x platform orders 18:00-24:00, walk-in sales not counted', () => {
    const records = [16, 17, 18, 19, 20, 21, 22, 23].flatMap((h) => [rec(hour('2025-05-30', h), 'platform', 4, 100_000), rec(hour('2025-05-30', h), 'walk-in', 2, 50_000)]);
    const r = estimateClaim(merchantClaim('baemin-2025-05', { granularity: 'hourly', records, inputs: { commissionRate: declared(0.068) } })).rules['baemin-2025-commission']!;
    expect(r.details).toMatchObject({ platformRevenue: 600_000 });
    expect(r.loss).toBe(40_800);
  });

  it('refuses to split a daily total into part of a day', () => {
    const r = estimateClaim(merchantClaim('baemin-2025-05', { records: [rec('2025-05-30', 'platform', 30, 900_000)], inputs: { commissionRate: declared(0.068) } })).rules['baemin-2025-commission']!;
    expect(r.computable).toBe(false);
    expect(r.notes.map((n) => n.ko).join()).toMatch(/시간 단위 기록/);
  });

  it('Baemin 2021: the next day (12-25) whole, from daily records', () => {
    const records = [rec('2021-12-24', 'platform', 20, 500_000), rec('2021-12-25', 'platform', 40, 1_200_000), rec('2021-12-25', 'walk-in', 5, 80_000)];
    const r = estimateClaim(merchantClaim('baemin-2021-12', { records, inputs: { commissionRate: declared(0.068) } })).rules['baemin-2021-commission-12-25']!;
    expect(r.loss).toBe(81_600);
  });
});

describe('failed-orders: Baemin 2021, 100% of the food price of orders cancelled 17:00-21:00', () => {
  it('pays the declared value in full', () => {
    const r = estimateClaim(merchantClaim('baemin-2021-12', { inputs: { cancelledOrderValue: declared(123_500) } })).rules['baemin-2021-cancelled-orders']!;
    expect(r.loss).toBe(123_500);
    expect(r.inputs[0]).toMatchObject({ id: 'cancelledOrderValue', value: 123_500 });
  });
});

describe('same-slot-multiple: Naver Pay 2026, 3 x the average fee of the same weekday and slot over 12 weeks', () => {
  it('averages the weeks that have records and multiplies by the fee rate and 3', () => {
    // Thursdays before 2026-02-19: weeks 1-12. The slot 12:00-14:20 covers the hours 12, 13 and 14.
    const records: ActivityRecord[] = [];
    for (let j = 1; j <= 12; j++) {
      if (j === 5) continue; // a week without records is left out
      const d = addDays('2026-02-19', -7 * j);
      for (const h of [11, 12, 13, 14, 15]) records.push(rec(hour(d, h), 'platform', 5, j % 2 === 0 ? 200_000 : 100_000));
    }
    const r = estimateClaim(merchantClaim('naverpay-2026-02', { granularity: 'hourly', records, inputs: { paymentFeeRate: declared(0.0363) } })).rules['naverpay-2026-sellers-3x']!;
    // 11 weeks: six even (600,000 in the slot), five odd (300,000): average 463,636.36; x 0.0363 x 3 = 50,490.
    expect(r.details).toMatchObject({ weeksSkipped: ['2026-01-15'], multiple: 3 });
    expect((r.details.weeks as unknown[]).length).toBe(11);
    expect(r.loss).toBe(50_490);
  });
});

describe('best-week and window-vs-earlier: the Kakao 2022 rules come from the pack with today\'s figures', () => {
  it('best week 4,610,000, loss 710,000, review band', () => {
    const r = estimateClaim(loadExample('merchant-best-week.claim.json')).rules['kakao-2022-smb-best-week']!;
    expect(r).toMatchObject({ kind: 'best-week', loss: 710_000, band: { id: 'review', payout: null } });
  });
  it('the taxi rule pays the full difference; a non-franchise driver sees it for reference', () => {
    const claim = loadExample('taxi-franchise.claim.json');
    const r = estimateClaim(claim).rules['kakao-mobility-2022-taxi']!;
    expect(r.kind).toBe('window-vs-earlier');
    expect(r.band).toMatchObject({ id: 'full', payout: r.loss });
    expect(r.eligible).toBe(true);
    const corporate = claimSchema.parse({ ...claim, claimant: { ...claim.claimant, taxiType: 'corporate' } });
    const c = estimateClaim(corporate).rules['kakao-mobility-2022-taxi']!;
    expect(c.eligible).toBe(false);
    expect(c.notes[0]!.ko).toMatch(/참고용/);
  });
});

describe("packet wording comes from the claim's incident, not a Kakao default", () => {
  it('times the claimant typed without a source are called so; unconfirmed pack times are flagged', async () => {
    const { describeClaim } = await import('../../../src/core/packet/facts');
    const { findChannelProfile } = await import('../../../src/core/packet/profiles/index');
    const generic = findChannelProfile('generic')!;
    const own = merchantClaim('kt-2021-10');
    own.incident = { id: 'my-outage', name: { ko: '내 장애', en: '' }, services: [{ id: 'pos', name: { ko: 'POS', en: '' }, window: { start: '2026-05-01T11:00+09:00', end: '2026-05-01T13:00+09:00' }, source: '' }] };
    own.claimant.servicesUsed = ['pos'];
    const ownText = JSON.stringify(describeClaim(own, generic).report);
    expect(ownText).toContain('직접 적은 시각, 출처 없음');
    expect(ownText).not.toContain('공개 시각');
    const baemin = JSON.stringify(describeClaim(merchantClaim('baemin-2025-05'), generic).report);
    expect(baemin).toContain('공개 시각, 일부 확인되지 않음');
  });
});
