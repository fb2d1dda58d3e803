import { describe, expect, it } from 'vitest';
import { estimateClaim } from '../../../src/core/estimate/index';
import type { Claim } from '../../../src/core/model/claim';
import type { ActivityRecord } from '../../../src/core/model/record';
import { driverClaim, hour, normal, seeded } from './helpers';

/**
 * Loss model section 6: on simulated businesses whose weekly totals come from a known distribution,
 * the 80% range must cover the true loss in 75-85% of 10,000 trials. Each trial runs the real engine.
 */
const HOURS = [20, 21, 22];
const SATURDAYS = ['2022-10-08', '2022-10-01', '2022-09-24', '2022-09-17'];
const MEAN = [90_000, 120_000, 70_000];
const SD = [18_000, 22_000, 15_000];

function simulate(trials: number, alpha: number, seed: number): { covered: number; widths: number[] } {
  const rand = seeded(seed);
  const draw = (b: number) => Math.max(0, Math.round(MEAN[b]! + SD[b]! * normal(rand)));
  const template: Claim = driverClaim([], { parameters: { alpha } }, { start: '2022-10-15T20:00+09:00', end: '2022-10-15T23:00+09:00' });
  template.referenceDates.byWindowDate = { '2022-10-15': SATURDAYS };
  let covered = 0;
  const widths: number[] = [];
  for (let t = 0; t < trials; t++) {
    const records: ActivityRecord[] = [];
    for (const d of SATURDAYS) {
      HOURS.forEach((h, b) => records.push({ bucket: hour(d, h), channel: 'kakao-t', count: 1, revenue: draw(b), provenance: { kind: 'logged' } }));
    }
    // The outage night: the counterfactual Y (never seen by the engine) and the sales kept through another app.
    let trueRevenue = 0;
    let kept = 0;
    HOURS.forEach((h, b) => {
      const y = draw(b);
      const a = Math.round(y * 0.4 * rand());
      trueRevenue += y;
      kept += a;
      records.push({ bucket: hour('2022-10-15', h), channel: 'other-app', count: 1, revenue: a, provenance: { kind: 'logged' } });
    });
    const e = estimateClaim({ ...template, records });
    const trueLoss = Math.round(Math.max(0, trueRevenue - kept) * e.margin.m);
    if (e.lostProfitRange.low <= trueLoss && trueLoss <= e.lostProfitRange.high) covered++;
    widths.push(e.lostProfitRange.high - e.lostProfitRange.low);
    if (t === 0) expect(e.lostProfitRange.driver).toBe('reference-weeks');
  }
  return { covered: covered / trials, widths };
}

describe('range calibration (section 6)', () => {
  it('the 80% range covers the true loss in 75-85% of 10,000 simulated outages', () => {
    const { covered } = simulate(10_000, 0.2, 20221015);
    console.log(`80% range coverage: ${(covered * 100).toFixed(2)}%`);
    expect(covered).toBeGreaterThanOrEqual(0.75);
    expect(covered).toBeLessThanOrEqual(0.85);
  });

  it('the 95% range covers about 95%, and is wider', () => {
    const r95 = simulate(4_000, 0.05, 7);
    const r80 = simulate(4_000, 0.2, 7);
    console.log(`95% range coverage: ${(r95.covered * 100).toFixed(2)}%`);
    expect(r95.covered).toBeGreaterThanOrEqual(0.93);
    expect(r95.covered).toBeLessThanOrEqual(0.97);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    expect(median(r95.widths)).toBeGreaterThan(median(r80.widths) * 1.5);
  });

  it('is deterministic for a seed', () => {
    expect(simulate(300, 0.2, 99).covered).toBe(simulate(300, 0.2, 99).covered);
  });
});
