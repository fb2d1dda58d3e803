import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateClaim, MarginInputError, ReferenceDatesInputError } from '../../../src/core/estimate/index';
import { parseClaimFile, type Claim } from '../../../src/core/model/index';
import { joined } from '../../../src/core/model/common';

const EXAMPLE = join(__dirname, '..', '..', '..', 'assets', 'examples', 'driver-2022.claim.json');
/** The driver example (window 2022-10-15 15:30 - 2022-10-16 01:31 on Kakao T 대리: dates 10-15 and 10-16). */
interface Doc {
  parameters: { k: number; margin: Record<'v' | 'c', { value?: number; confirmed: boolean }> };
  referenceDates: { byWindowDate: Record<string, string[]> };
}
const doc = () => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Doc & Record<string, unknown>;
const check = (d: Record<string, unknown>) => parseClaimFile(JSON.stringify(d));
const issues = (d: Record<string, unknown>) => {
  const r = check(d);
  if (r.ok) throw new Error('expected the claim file check to refuse this file');
  // The reasons are `{ ko, en }`; compared here in their joined shape, as the files and the CLI print them.
  return r.issues.map((i) => ({ path: i.path, message: joined(i.message) }));
};
const valid = (): Claim => {
  const r = check(doc());
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.claim;
};

describe('claim file check: margins (loss model section 4)', () => {
  it('v + c over 1 names the share that was entered (driver default c = 0.20, v = 0.85)', () => {
    const d = doc();
    d.parameters.margin.v = { value: 0.85, confirmed: true };
    expect(issues(d)).toEqual([{
      path: 'parameters.margin.v.value',
      message: '변동비 v 85%와 수수료 c 20%의 합이 100%를 넘어요: 변동비 비율 v를 고쳐 주세요 / v 85% + c 20% exceeds 100%: correct the variable-cost share v',
    }]);
  });

  it('both entered, 0.6 + 0.5: named on c', () => {
    const d = doc();
    d.parameters.margin = { v: { value: 0.6, confirmed: true }, c: { value: 0.5, confirmed: true } };
    expect(issues(d).map((i) => i.path)).toEqual(['parameters.margin.c.value']);
  });

  it('a share below 0 or above 1 is a field error', () => {
    const d = doc();
    d.parameters.margin.c = { value: 1.2, confirmed: true };
    expect(issues(d)).toEqual([{ path: 'parameters.margin.c.value', message: expect.stringMatching(/^비율은 1 이하예요 \/ share must be at most 1/) }]);
    d.parameters.margin.c = { value: -0.01, confirmed: true };
    expect(issues(d)[0]!.path).toBe('parameters.margin.c.value');
  });

  it('exactly 1 is allowed (m = 0, lost profit 0) and nothing is floored silently', () => {
    const d = doc();
    d.parameters.margin = { v: { value: 0.8, confirmed: true }, c: { value: 0.2, confirmed: true } };
    const r = check(d);
    expect(r.ok).toBe(true);
    const e = estimateClaim((r as { claim: Claim }).claim);
    expect(e.margin.m).toBe(0);
    expect(e.lostProfit).toBe(0);
    expect(e.warnings.map((w) => w.code)).not.toContain('margin-negative');
  });

  it('the engine refuses an unchecked claim with v + c > 1 instead of flooring the margin', () => {
    const claim = valid();
    const bad = { ...claim, parameters: { ...claim.parameters, margin: { v: { value: 0.9, confirmed: true }, c: { confirmed: true } } } };
    expect(() => estimateClaim(bad)).toThrow(MarginInputError);
    expect(() => estimateClaim(bad)).toThrow(/^parameters\.margin\.v: 변동비 v 90%와 수수료 c 20%의 합이 100%를 넘어요/);
  });
});

describe('claim file check: explicit reference dates define K (section 3.1)', () => {
  it('the example lists 4 dates for each window date: K = 4', () => {
    expect(estimateClaim(valid()).referenceDates.k).toBe(4);
  });

  it('unequal list lengths across window dates: an error naming the date and both counts', () => {
    const d = doc();
    d.referenceDates.byWindowDate['2022-10-16'] = ['2022-10-02', '2022-09-25', '2022-09-18'];
    expect(issues(d)).toEqual([{
      path: 'referenceDates.byWindowDate.2022-10-16',
      message: '2022-10-16의 기준일 수(3개)가 2022-10-15(4개)와 달라요: 날짜마다 같은 수를 골라 주세요 (2022-10-15 4개, 2022-10-16 3개) / 2022-10-16 lists 3 reference dates but 2022-10-15 lists 4: every window date needs the same number (2022-10-15: 4, 2022-10-16: 3)',
    }]);
  });

  it('more than 12 dates for a window date: an error at that date', () => {
    const d = doc();
    const sats = Array.from({ length: 13 }, (_, j) => new Date(Date.UTC(2022, 9, 15 - 7 * (j + 1))).toISOString().slice(0, 10));
    d.referenceDates.byWindowDate['2022-10-15'] = sats;
    const found = issues(d);
    expect(found[0]).toEqual({ path: 'referenceDates.byWindowDate.2022-10-15', message: '기준일은 날짜마다 12개까지예요 / at most 12 reference dates per window date' });
  });

  it('a reference date inside the window: an error naming it (Sunday 10-16 referring to Saturday 10-15)', () => {
    const d = doc();
    d.referenceDates.byWindowDate['2022-10-16'] = ['2022-10-15', '2022-09-25', '2022-09-18', '2022-09-04'];
    expect(issues(d)).toEqual([{
      path: 'referenceDates.byWindowDate.2022-10-16[0]',
      message: '기준일 2022-10-15은 장애 기간 안의 날짜예요 (2022-10-16의 기준일) / reference date 2022-10-15 lies inside the outage window (listed for 2022-10-16)',
    }]);
  });

  it('explicit lists define K whatever the default K says; an unlisted window date gets that many suggested', () => {
    const d = doc();
    d.parameters.k = 6;
    d.referenceDates.byWindowDate = { '2022-10-15': ['2022-10-08', '2022-10-01', '2022-09-24'] };
    const e = estimateClaim(check(d).ok ? (check(d) as { claim: Claim }).claim : valid());
    expect(e.referenceDates.requestedK).toBe(3);
    expect(e.referenceDates.k).toBe(3);
    expect(e.referenceDates.byWindowDate).toEqual({ '2022-10-15': ['2022-10-08', '2022-10-01', '2022-09-24'], '2022-10-16': ['2022-10-02', '2022-09-25', '2022-09-18'] });
    expect(e.referenceDates.source).toMatchObject({ '2022-10-15': 'claim', '2022-10-16': 'suggested' });
    expect(e.warnings.map((w) => w.code)).not.toContain('fewer-reference-dates');
  });

  it('the engine refuses unequal explicit lists given to it directly, naming the date', () => {
    expect(() => estimateClaim(valid(), { referenceDates: { '2022-10-15': ['2022-10-08', '2022-10-01'], '2022-10-16': ['2022-10-02'] } }))
      .toThrow(ReferenceDatesInputError);
    expect(() => estimateClaim(valid(), { referenceDates: { '2022-10-15': ['2022-10-08', '2022-10-01'], '2022-10-16': ['2022-10-02'] } }))
      .toThrow(/^referenceDates\.byWindowDate\.2022-10-16: 2022-10-16의 기준일 수\(1개\)가 2022-10-15\(2개\)와 달라요/);
  });
});
