/**
 * Stage "3.1 same-day trend factor" (off by default): f = actual / expected revenue over the hours of the
 * first window day before the window, clamped to [0.5, 2]; expected values are multiplied by f.
 */
import { josa } from 'es-hangul';
import { earningsWords, type ClaimantEarningsWords } from '../channel-fares';
import { bt } from '../../model/common';
import { firstEpochHourOfDay, hourOfEpochHour } from '../../time/kst';
import type { Assumption, ClaimEstimate, EstimateWarning } from '../types';
import type { Baseline } from './baseline';
import type { ClaimBuckets } from './claim-window';
import type { SpanFigures } from './expected-actual';

/** Trend factor bounds (section 3.1). */
export const TREND_MIN = 0.5;
export const TREND_MAX = 2;

export interface TrendStage {
  trend: ClaimEstimate['trend'];
  warnings: EstimateWarning[];
  assumptions: Assumption[];
}

/** `before` computes the span of the given hours against the reference weeks, unscaled. */
export function trendStage(
  enabled: boolean,
  buckets: Pick<ClaimBuckets, 'hourly' | 'keys' | 'dayOfKey'>,
  baseline: Baseline,
  before: (hours: number[]) => SpanFigures,
  words: ClaimantEarningsWords = earningsWords('merchant'),
): TrendStage {
  const trend: ClaimEstimate['trend'] = { enabled, applied: false, factor: 1, rawFactor: null, hours: [], actualBefore: 0, expectedBefore: 0 };
  const warnings: EstimateWarning[] = [];
  if (!enabled) return { trend, warnings, assumptions: [] };
  const warn = (code: string, ko: string, en: string) => warnings.push({ code, message: bt(ko, en) });
  if (!buckets.hourly) warn('trend-needs-hourly', '추세 보정은 시간 단위 기록에서만 써요', 'the trend factor needs hourly records');
  else if (baseline !== 'same-slot') warn('trend-needs-references', '추세 보정은 기준일 기록이 있어야 해요', 'the trend factor needs reference records');
  else if (buckets.keys.length > 0) {
    const first = buckets.keys[0]!;
    const hours: number[] = [];
    for (let h = firstEpochHourOfDay(buckets.dayOfKey(first)); h < first; h++) hours.push(h);
    if (hours.length === 0) warn('trend-no-hours', '장애가 자정에 시작해 추세를 잴 시간이 없어요', 'the window starts at midnight: no hours to measure a trend');
    else {
      const pre = before(hours);
      trend.hours = hours.map(hourOfEpochHour);
      trend.actualBefore = pre.A;
      trend.expectedBefore = pre.E;
      if (pre.E > 0) {
        trend.rawFactor = pre.A / pre.E;
        trend.factor = Math.min(TREND_MAX, Math.max(TREND_MIN, trend.rawFactor));
        trend.applied = true;
      } else warn('trend-no-expected', `장애 전 시간의 예상 ${josa(words.earnings.ko, '이/가')} 0이라 추세 보정을 하지 않았어요`, words.driver ? 'expected earnings before the window are zero: no trend factor' : 'expected revenue before the window is zero: no trend factor');
    }
  }
  const assumptions: Assumption[] = [{
    id: 'trend-factor',
    label: { ko: '당일 추세 보정', en: 'same-day trend factor' },
    value: trend.factor,
    source: bt(`장애 전 ${trend.hours.length}시간의 실제÷예상, 0.5~2배로 제한`, `actual ÷ expected over the ${trend.hours.length} hours before the window, kept between 0.5 and 2`),
    confirmed: null,
  }];
  return { trend, warnings, assumptions };
}
