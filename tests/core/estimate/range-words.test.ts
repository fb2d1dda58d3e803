import { describe, expect, it } from 'vitest';
import { rangeStage, rangeWidthWords } from '../../../src/core/estimate/stages/range';

const weeks = (T: number[], alpha = 0.2) => rangeStage({ baseline: 'same-slot', k: T.length, T, E: 1_250_000, A: 300_000, m: 0.7, alpha, assumedBandPct: 0.3 }).range;

describe('the range driver in words a claim reviewer reads', () => {
  it('gives the weeks’ swing as a won amount and the number of weeks, never s =, t or a raw quantile', () => {
    // Mean 1,250,000; squared deviations sum to 410e9; / 3 -> sqrt = 369,684.6.
    const range = weeks([1_000_000, 1_400_000, 900_000, 1_700_000]);
    expect(range.driverLabel.ko).toBe('매주 매출의 흔들림(표준편차) 369,685원, 기준 주 4개로 80% 범위를 잡았어요');
    expect(range.driverLabel.en).toBe('weekly sales swung by ₩369,685 (standard deviation) across your 4 reference weeks; the 80% range is set from that');
    for (const text of [range.driverLabel.ko, range.driverLabel.en]) expect(text).not.toMatch(/\bs = |\bt |분위수|quantile|\d\.\d/);
  });

  it('names the level the user chose (95%)', () => {
    expect(weeks([1_000_000, 1_400_000, 900_000], 0.05).driverLabel.ko).toBe('매주 매출의 흔들림(표준편차) 264,575원, 기준 주 3개로 95% 범위를 잡았어요');
  });

  it('when the reference weeks were identical, says so and that the range is narrow, not "0원"', () => {
    const range = weeks([1_200_000, 1_200_000, 1_200_000, 1_200_000]);
    expect(range.low).toBe(range.high);
    expect(range.driverLabel.ko).toBe('기준 주 4개의 매출이 모두 같아 주마다 흔들림이 없었어요. 그래서 80% 범위가 좁아요');
    expect(range.driverLabel.en).toBe('your 4 reference weeks had identical sales, with no week-to-week swing, so the 80% range is narrow');
    expect(rangeWidthWords(range)).toEqual(range.driverLabel);
    for (const text of [range.driverLabel.ko, range.driverLabel.en]) expect(text).not.toMatch(/0원|₩0\b|표준편차|standard deviation/);
  });

  it('explains the width for the packet: the swing times one multiplier, in words (loss model 7: h = 37,376)', () => {
    const range = weeks([350_000, 325_000, 300_000, 325_000]);
    const words = rangeWidthWords(range)!;
    // q x sqrt(1 + 1/K) = 1.637744 x 1.118034 = 1.83; 20,412.41 x 1.831 = 37,376.
    expect(words.ko).toBe('매주 매출의 흔들림(표준편차) 20,412원, 기준 주 4개로 80% 범위를 잡았어요. 예상 매출의 위아래로 37,376원까지 봤어요 (흔들림 20,412원 × 배수 1.83: 배수는 기준 주 4개로 80% 범위를 잡을 때 쓰는 값이고, 기준 주가 적을수록 커져요)');
    expect(words.en).toContain('Expected sales are taken up to ₩37,376 either way (swing ₩20,412 × multiplier 1.83: the multiplier used for the 80% range with 4 reference weeks');
    for (const text of [words.ko, words.en]) expect(text).not.toMatch(/\bs = |\bq\b|t 분|√|분위수|quantile/);
  });

  it('an assumed band has no width words of its own', () => {
    const { range } = rangeStage({ baseline: 'declared', k: 0, T: [], E: 1_000_000, A: 0, m: 0.7, alpha: 0.2, assumedBandPct: 0.2 });
    expect(rangeWidthWords(range)).toBeNull();
  });
});
