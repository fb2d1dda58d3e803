import { describe, expect, it } from 'vitest';
import { rangeStage } from '../../../src/core/estimate/stages/range';

describe('the range driver in words', () => {
  it('gives the standard deviation of the reference weeks as a won amount, not s = 336967.36', () => {
    const { range } = rangeStage({ baseline: 'same-slot', k: 4, T: [1_000_000, 1_400_000, 900_000, 1_700_000], E: 1_250_000, A: 300_000, m: 0.7, alpha: 0.2, assumedBandPct: 0.3 });
    expect(range.driverLabel.ko).toMatch(/^기준 주 사이의 변동 \(표준편차 \d{1,3}(,\d{3})*원\)$/);
    expect(range.driverLabel.en).toMatch(/^week-to-week variation of your reference weeks \(standard deviation ₩\d{1,3}(,\d{3})*\)$/);
    for (const text of [range.driverLabel.ko, range.driverLabel.en]) expect(text).not.toMatch(/s = |\d\.\d/);
  });
});
