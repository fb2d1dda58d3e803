/**
 * Stage "6. Range": with K >= 2, h = q x s x sqrt(1 + 1/K) from the week-to-week variation of the
 * reference weeks; with a declared baseline or K = 1, an assumed band of +-pct on E.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { bt } from '../../model/common';
import { formatWon, roundWon, wonDigits } from '../../model/money';
import { sampleStandardDeviation } from '../estimators';
import type { Assumption, LostProfitRange } from '../types';
import type { Baseline } from './baseline';

export interface RangeInput {
  baseline: Baseline;
  k: number;
  /** T_k per reference week. */
  T: readonly number[];
  E: number;
  A: number;
  m: number;
  alpha: number;
  assumedBandPct: number;
}

export interface RangeStage {
  range: LostProfitRange;
  /** The range level always; the assumed band when one is used. */
  assumptions: Assumption[];
}

export function rangeStage({ baseline, k, T, E, A, m, alpha, assumedBandPct }: RangeInput): RangeStage {
  const level = Number((1 - alpha).toFixed(10));
  const assumptions: Assumption[] = [
    { id: 'alpha', label: { ko: '범위 수준', en: 'range level' }, value: level, source: bt('계산 방법 설정에서 고른 값', 'chosen in the method settings'), confirmed: null },
  ];
  if (baseline === 'same-slot' && k >= 2) {
    const s = sampleStandardDeviation(T);
    const q = tQuantile(1 - alpha / 2, k - 1);
    const h = q * s * Math.sqrt(1 + 1 / k);
    const range: LostProfitRange = {
      low: roundWon(Math.max(0, E - h - A) * m),
      high: roundWon(Math.max(0, E + h - A) * m),
      level, alpha, driver: 'reference-weeks',
      // The standard deviation as money people read (`336,967원`, `₩336,967`), never `s = 336967.36`.
      driverLabel: bt(`기준 주 사이의 변동 (표준편차 ${formatWon(s)})`, `week-to-week variation of your reference weeks (standard deviation ₩${wonDigits(s)})`),
      s, q, h, k, bandPct: null,
    };
    return { range, assumptions };
  }
  const pct = assumedBandPct;
  const h = pct * E;
  const range: LostProfitRange = {
    low: roundWon(Math.max(0, E - h - A) * m),
    high: roundWon(Math.max(0, E + h - A) * m),
    level, alpha, driver: 'assumed',
    driverLabel: bt(`가정한 범위 ±${Math.round(pct * 100)}%`, `assumed band of +-${Math.round(pct * 100)}%`),
    s: null, q: null, h, k, bandPct: pct,
  };
  assumptions.push({
    id: 'assumed-band',
    label: { ko: '가정한 범위', en: 'assumed band' },
    value: pct,
    source: bt(baseline === 'declared' ? '직접 적은 평소 매출에는 통계 구간이 없어요' : '기준일이 1개뿐이에요', baseline === 'declared' ? 'a declared baseline carries no statistical interval' : 'only one reference date'),
    confirmed: null,
  });
  return { range, assumptions };
}
