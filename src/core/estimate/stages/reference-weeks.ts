/**
 * Stage "3.1 Same-slot baseline", its first half: the reference dates of every window (and tail) date,
 * explicit where the claim gives them, suggested otherwise, and K, the number of reference weeks.
 */
import type { Claim } from '../../model/claim';
import { bt } from '../../model/common';
import { dateOfEpochDay } from '../../time/kst';
import { explicitK, MAX_REFERENCE_DATES, ReferenceDatesInputError, referenceDateProblems } from '../explicit-references';
import type { RecordIndex } from '../record-index';
import { suggestReferenceDates } from '../reference-dates';
import type { Assumption, ClaimEstimate, EstimateWarning, ReferenceWeek } from '../types';
import type { ClaimBuckets } from './claim-window';

export interface ReferenceWeeks {
  /** Window and tail dates -> their reference dates; a window date's list is cut to K. */
  byDate: Record<string, string[]>;
  /** Where each date's list came from. */
  source: Record<string, 'claim' | 'suggested'>;
  /** The window's dates (KST), in order. */
  windowDates: string[];
  requestedK: number;
  /** K actually used: the smallest number found for any window date, at most 12. */
  k: number;
  skipped: ClaimEstimate['referenceDates']['skipped'];
}

export interface ReferenceWeeksStage {
  weeks: ReferenceWeeks;
  warnings: EstimateWarning[];
  assumptions: Assumption[];
}

/**
 * Explicit lists define K (section 3.1); window dates without a list get that many suggested dates.
 * Throws ReferenceDatesInputError when the explicit lists do not fit the window.
 */
export function referenceWeeksStage(
  claim: Pick<Claim, 'referenceDates' | 'parameters'>,
  override: Record<string, string[]> | undefined,
  buckets: Pick<ClaimBuckets, 'windowDays' | 'tailDays'>,
  index: Pick<RecordIndex, 'days'>,
): ReferenceWeeksStage {
  const p = claim.parameters;
  const warnings: EstimateWarning[] = [];
  const warn = (code: string, ko: string, en: string) => warnings.push({ code, message: bt(ko, en) });
  const explicit = override ?? claim.referenceDates.byWindowDate;
  const windowDates = buckets.windowDays.map(dateOfEpochDay);
  const refProblems = referenceDateProblems(explicit, windowDates);
  if (refProblems.length > 0) throw new ReferenceDatesInputError(refProblems);
  const requestedK = explicitK(explicit, windowDates) ?? p.k;
  const datesWithRecords = new Set<string>();
  for (const d of index.days.keys()) datesWithRecords.add(dateOfEpochDay(d));
  const allDates = [...buckets.windowDays, ...buckets.tailDays].map(dateOfEpochDay);
  const suggestion = suggestReferenceDates({
    windowDates: allDates.filter((d) => explicit[d] === undefined),
    datesWithRecords,
    abnormalDates: claim.referenceDates.abnormalDates,
    excludedDates: new Set(allDates),
    k: requestedK,
  });
  if (suggestion.holidayYearsUnknown.length > 0) {
    warn('holidays-unknown', `공휴일 목록이 없는 해가 있어요: ${suggestion.holidayYearsUnknown.join(', ')}`, `no public-holiday list for: ${suggestion.holidayYearsUnknown.join(', ')}`);
  }
  const byDate: Record<string, string[]> = {};
  const source: Record<string, 'claim' | 'suggested'> = {};
  for (const date of allDates) {
    const list = explicit[date];
    byDate[date] = list ? [...list] : (suggestion.byWindowDate[date] ?? []);
    source[date] = list ? 'claim' : 'suggested';
    for (const ref of list ?? []) {
      if (!datesWithRecords.has(ref)) warn('reference-without-records', `기준일 ${ref}에 기록이 없어 0으로 계산했어요`, `reference date ${ref} has no records and counts as zero`);
    }
  }
  const kFound = windowDates.length ? Math.min(...windowDates.map((d) => byDate[d]!.length)) : 0;
  const k = Math.min(kFound, MAX_REFERENCE_DATES);
  if (windowDates.length && k < requestedK) {
    warn('fewer-reference-dates', `기준일을 ${requestedK}개 찾지 못해 ${k}개로 계산했어요 (최대 12주 전까지 찾아봤어요)`, `found only ${k} of ${requestedK} reference dates (looked back 12 weeks); K = ${k}`);
  }
  if (p.estimator === 'trimmed' && k < 4 && k > 0) {
    warn('trimmed-needs-4', '절사 평균은 기준일이 4개 이상일 때만 써요: 평균으로 계산했어요', 'trimmed mean needs K >= 4: the mean was used');
  }
  // Week k pairs the k-th reference date of every window date (section 3.1).
  for (const d of windowDates) byDate[d] = byDate[d]!.slice(0, k);
  const assumptions: Assumption[] = [
    { id: 'k', label: { ko: '기준일 수', en: 'reference dates' }, value: k, source: bt(`요청 ${requestedK}개, 찾은 ${k}개`, `asked ${requestedK}, found ${k}`), confirmed: null },
  ];
  return { weeks: { byDate, source, windowDates, requestedK, k, skipped: suggestion.skipped }, warnings, assumptions };
}

/** Section 6: week k's dates and its revenue T_k over the window buckets (empty without same-slot records). */
export function referenceWeekFigures(weeks: Pick<ReferenceWeeks, 'byDate' | 'windowDates'>, T: readonly number[], sameSlot: boolean): ReferenceWeek[] {
  return sameSlot ? T.map((revenue, k) => ({ week: k + 1, dates: weeks.windowDates.map((d) => weeks.byDate[d]![k]!), revenue })) : [];
}
