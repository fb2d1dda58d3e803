import { describe, expect, it } from 'vitest';
import { estimateClaim, MINIMUM_WAGE_KRW, minimumWageFor, wageYearOf } from '../../../src/core/estimate/index';
import { claimSchema, type Claim } from '../../../src/core/model/index';
import { driverClaim, hour, rec } from './helpers';
import { joined } from '../../../src/core/model/common';

/** A claim of one's own incident whose only window is `start`-`end`, with 2 h of claim-preparation time. */
function claimAt(start: string, end: string, extraServices: { id: string; start: string; end: string }[] = []): Claim {
  const base = driverClaim([rec(hour('2022-10-08', 20), 'kakao-t', 3, 75_000)]);
  return claimSchema.parse({
    ...base,
    incident: {
      id: 'own',
      name: { ko: '내 장애' },
      services: [
        { id: 'app', name: { ko: '앱' }, window: { start, end } },
        ...extraServices.map((s) => ({ id: s.id, name: { ko: s.id }, window: { start: s.start, end: s.end } })),
      ],
    },
    claimant: { ...base.claimant, servicesUsed: ['app'] },
    indirectItems: [{ kind: 'claim-prep', id: 'prep', hours: 2, justification: '청구서를 쓰는 데 든 시간 / time to write the claim' }],
  });
}

const prep = (c: Claim) => estimateClaim(c).indirectItems.find((i) => i.kind === 'claim-prep')!;
const wageAssumption = (c: Claim) => estimateClaim(c).assumptions.find((a) => a.id === 'minimum-wage')!;

describe('minimum wage by year (loss model section 5)', () => {
  it('holds the statutory table 2015-2026', () => {
    expect(MINIMUM_WAGE_KRW).toEqual({
      2015: 5_580, 2016: 6_030, 2017: 6_470, 2018: 7_530, 2019: 8_350, 2020: 8_590,
      2021: 8_720, 2022: 9_160, 2023: 9_620, 2024: 9_860, 2025: 10_030, 2026: 10_320,
    });
  });

  it('an incident from 2019-12-31 23:00 KST (2019-12-31 14:00 UTC) uses 2019: 8,350 an hour', () => {
    const c = claimAt('2019-12-31T23:00+09:00', '2020-01-01T03:00+09:00');
    expect(wageYearOf(c.incident)).toBe(2019);
    expect(prep(c).amount).toBe(2 * 8_350);
    expect(prep(c).inputs).toMatchObject({ minimumWage: 8_350, wageYear: 2019 });
    expect(prep(c).note).toBeNull();
    expect(wageAssumption(c)).toMatchObject({ value: 8_350, confirmed: null });
    expect(wageAssumption(c).source.ko).toContain('최저임금위원회');
  });

  it('an incident starting at 2020-01-01 00:30 KST (still 2019 in UTC) uses 2020: 8,590', () => {
    const c = claimAt('2020-01-01T00:30+09:00', '2020-01-01T02:00+09:00');
    expect(prep(c).amount).toBe(2 * 8_590);
  });

  it('a 2021 incident is valued at 8,720, not 9,160', () => {
    const c = claimAt('2021-07-10T12:00+09:00', '2021-07-10T15:00+09:00');
    expect(prep(c).amount).toBe(17_440);
  });

  it('the earliest window of the incident decides, even one the claimant did not use', () => {
    const c = claimAt('2021-01-01T01:00+09:00', '2021-01-01T03:00+09:00', [{ id: 'web', start: '2020-12-31T22:00+09:00', end: '2021-01-01T02:00+09:00' }]);
    expect(prep(c).amount).toBe(2 * 8_590);
  });

  it('2027 takes the 2026 figure, 10,320, marked assumed in the estimate (and so in the packet)', () => {
    expect(minimumWageFor(2027)).toEqual({ wage: 10_320, year: 2027, tableYear: 2026, assumed: true });
    const c = claimAt('2027-02-01T10:00+09:00', '2027-02-01T12:00+09:00');
    expect(prep(c).amount).toBe(20_640);
    expect(joined(prep(c).note!)).toMatch(/^2027년 최저임금이 아직 표에 없어 2026년 금액을 가정했어요 \/ assumed:/);
    expect(wageAssumption(c)).toMatchObject({ value: 10_320, confirmed: false });
    expect(wageAssumption(c).source.en).toContain('assumed');
  });
});
