/**
 * Stage "6. Range": with K >= 2, h = q x s x sqrt(1 + 1/K) from the week-to-week variation of the
 * reference weeks; with a declared baseline or K = 1, an assumed band of +-pct on E.
 */
import type { EarningsWord } from '../channel-fares';
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
  /** What the claimant earns, in their words (매출 for a shop, 수입 for a driver); a shop's by default. */
  earnings?: EarningsWord;
}

const SALES: EarningsWord = { ko: '매출', en: 'sales' };

export interface RangeStage {
  range: LostProfitRange;
  /** The range level always; the assumed band when one is used. */
  assumptions: Assumption[];
}

/** `80%`, `95%`: the range level as people say it. */
const levelWords = (level: number) => `${Number((level * 100).toFixed(1))}%`;

/** True when the reference weeks' totals are the same to the won: no spread, so no width to the range. */
const flat = (s: number) => roundWon(s) === 0;

/** A range from reference weeks whose totals were all the same (its words say so rather than `0원`). */
export const weeksIdentical = (range: LostProfitRange) => range.driver === 'reference-weeks' && range.s !== null && flat(range.s);

/**
 * What drives a range from the reference weeks, in the words a claim reviewer reads: the spread as money
 * (`20,412원`, `₩20,412`) and the number of weeks, never `s = 20412.41` or a t quantile. When the weeks
 * were identical the spread is not shown as `0원`: the words say so and that the range is narrow.
 */
function weeksDriverLabel(s: number, k: number, level: number, w: EarningsWord) {
  if (flat(s)) {
    return bt(
      `기준 주 ${k}개의 ${w.ko}이 모두 같아 주마다 흔들림이 없었어요. 그래서 ${levelWords(level)} 범위가 좁아요`,
      `your ${k} reference weeks had identical ${w.en}, with no week-to-week swing, so the ${levelWords(level)} range is narrow`,
    );
  }
  return bt(
    `매주 ${w.ko}의 흔들림(표준편차) ${formatWon(s)}, 기준 주 ${k}개로 ${levelWords(level)} 범위를 잡았어요`,
    `weekly ${w.en} swung by ₩${wonDigits(s)} (standard deviation) across your ${k} reference weeks; the ${levelWords(level)} range is set from that`,
  );
}

/**
 * How wide the range is and why, for the packet's method notes: the driver in words, then the width as
 * money and the multiplier explained in words (the t quantile and sqrt(1 + 1/K) folded into one figure a
 * reviewer can check: width = swing x multiplier). Null for an assumed band (its label says it all).
 */
export function rangeWidthWords(range: LostProfitRange, w: EarningsWord = SALES): { ko: string; en: string } | null {
  if (range.driver !== 'reference-weeks' || range.s === null || range.q === null) return null;
  if (flat(range.s)) return range.driverLabel;
  const multiplier = (range.q * Math.sqrt(1 + 1 / range.k)).toFixed(2);
  return bt(
    `${range.driverLabel.ko}. 예상 ${w.ko}의 위아래로 ${formatWon(range.h)}까지 봤어요 (흔들림 ${formatWon(range.s)} × 배수 ${multiplier}: 배수는 기준 주 ${range.k}개로 ${levelWords(range.level)} 범위를 잡을 때 쓰는 값이고, 기준 주가 적을수록 커져요)`,
    `${range.driverLabel.en}. Expected ${w.en} are taken up to ₩${wonDigits(range.h)} either way (swing ₩${wonDigits(range.s)} × multiplier ${multiplier}: the multiplier used for the ${levelWords(range.level)} range with ${range.k} reference weeks, larger with fewer weeks)`,
  );
}

/** The t quantile, computed once per level and degrees of freedom (every claim asks for the same few). */
const T_QUANTILES = new Map<string, number>();
function tQuantileOnce(p: number, df: number): number {
  const key = `${p}|${df}`;
  let q = T_QUANTILES.get(key);
  if (q === undefined) {
    q = tQuantile(p, df);
    if (T_QUANTILES.size >= 1_000) T_QUANTILES.clear();
    T_QUANTILES.set(key, q);
  }
  return q;
}

export function rangeStage({ baseline, k, T, E, A, m, alpha, assumedBandPct, earnings = SALES }: RangeInput): RangeStage {
  const level = Number((1 - alpha).toFixed(10));
  const assumptions: Assumption[] = [
    { id: 'alpha', label: { ko: '범위 수준', en: 'range level' }, value: level, source: bt('계산 방법으로 고른 값', 'chosen as the method'), confirmed: null },
  ];
  if (baseline === 'same-slot' && k >= 2) {
    const s = sampleStandardDeviation(T);
    const q = tQuantileOnce(1 - alpha / 2, k - 1);
    const h = q * s * Math.sqrt(1 + 1 / k);
    const range: LostProfitRange = {
      low: roundWon(Math.max(0, E - h - A) * m),
      high: roundWon(Math.max(0, E + h - A) * m),
      level, alpha, driver: 'reference-weeks',
      driverLabel: weeksDriverLabel(s, k, level, earnings),
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
    source: bt(baseline === 'declared' ? `직접 적은 평소 ${earnings.ko}에는 통계 구간이 없어요` : '기준일이 1개뿐이에요', baseline === 'declared' ? 'a declared baseline carries no statistical interval' : 'only one reference date'),
    confirmed: null,
  });
  return { range, assumptions };
}
