/** Stage "3. Baselines": which baseline the claim is computed against (sections 3.1, 3.2). */
import { josa } from 'es-hangul';
import { earningsWords, type ClaimantEarningsWords } from '../channel-fares';
import type { Parameters } from '../../model/claim';
import { bt } from '../../model/common';
import type { Assumption, ClaimEstimate, EstimateWarning } from '../types';
import type { ReferenceWeeks } from './reference-weeks';

export type Baseline = ClaimEstimate['baseline'];

export interface BaselineStage {
  baseline: Baseline;
  warnings: EstimateWarning[];
  /** The suggested reference dates, listed for the user to confirm, when the same-slot baseline uses them. */
  assumptions: Assumption[];
}

/** Same-slot when reference weeks were found (unless declared is asked for), else declared, else none. */
export function chooseBaseline(p: Pick<Parameters, 'baseline'>, weeks: ReferenceWeeks, hasDeclared: boolean, words: ClaimantEarningsWords = earningsWords('merchant')): BaselineStage {
  let baseline: Baseline;
  if (p.baseline === 'declared' || (p.baseline === 'auto' && weeks.k === 0)) baseline = hasDeclared ? 'declared' : 'none';
  else baseline = weeks.k >= 1 ? 'same-slot' : 'none';
  const warnings: EstimateWarning[] = [];
  if (baseline === 'none') {
    warnings.push({ code: 'no-baseline', message: bt(`기준이 될 기록도, 직접 적은 평소 ${words.earnings.ko}도 없어 예상 ${josa(words.earnings.ko, '을/를')} 0으로 봤어요`, words.driver ? 'no reference records and no declared baseline: expected earnings are zero' : 'no reference records and no declared baseline: expected revenue is zero') });
  }
  const assumptions: Assumption[] = [];
  if (weeks.windowDates.some((d) => weeks.source[d] === 'suggested') && baseline === 'same-slot') {
    assumptions.push({
      id: 'reference-dates',
      label: { ko: '기준일', en: 'reference dates' },
      value: weeks.windowDates.map((d) => `${d}: ${weeks.byDate[d]!.join(', ')}`).join('; '),
      source: bt('앱이 제안한 날짜예요 (같은 요일, 공휴일·이상일 제외, 12주 이내)', 'suggested by the app (same weekday, no holidays or abnormal dates, within 12 weeks)'),
      confirmed: false,
    });
  }
  return { baseline, warnings, assumptions };
}
