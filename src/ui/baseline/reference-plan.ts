/**
 * What the baseline page shows about reference dates, and how the user's changes rewrite the claim's
 * `referenceDates` and `parameters`. Classification only: every figure still comes from estimateClaim.
 */
import type { Claim, Estimator, Parameters } from '../../core/model/claim';
import type { ClaimEstimate } from '../../core/estimate/types';
import { suggestReferenceDatesForClaim } from '../../core/estimate/suggest-for-claim';
import { addDays } from '../../core/time/kst';
import { holidayNames } from '../../core/time/holidays';
import type { ClaimBody } from '../../db';

/** Section 3.1 looks back at most 12 weeks: the page shows every one of them. */
export const WEEKS_BACK = 12;

export type CandidateStatus =
  | { kind: 'used'; week: number }
  /** Eligible, but K dates were already found closer to the outage. */
  | { kind: 'spare' }
  | { kind: 'holiday'; names: readonly string[] }
  | { kind: 'abnormal' }
  | { kind: 'no-records' }
  | { kind: 'in-window' };

export interface Candidate {
  date: string;
  weeksBack: number;
  status: CandidateStatus;
  hasRecords: boolean;
  abnormal: boolean;
  holiday: readonly string[] | null;
  inWindow: boolean;
}

export interface WindowDatePlan {
  windowDate: string;
  /** The dates the engine used, most recent first (week k is the k-th). */
  used: string[];
  /** What the app suggests with the current K and abnormal dates. */
  suggested: string[];
  /** The user picked a list that differs from the suggestion. */
  custom: boolean;
  candidates: Candidate[];
  /** Fewer than K found within 12 weeks. */
  shortfall: { found: number; wanted: number } | null;
}

export function datesWithRecords(claim: Claim): Set<string> {
  const out = new Set<string>();
  for (const r of claim.records) out.add(r.bucket.slice(0, 10));
  return out;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);

export function referencePlan(claim: Claim, estimate: ClaimEstimate): WindowDatePlan[] {
  const withRecords = datesWithRecords(claim);
  const abnormal = new Set(claim.referenceDates.abnormalDates);
  const suggestion = suggestReferenceDatesForClaim(claim);
  const windowDates = Object.keys(estimate.referenceDates.byWindowDate).sort();
  const inWindow = new Set(windowDates);
  return windowDates.map((windowDate) => {
    const used = estimate.referenceDates.byWindowDate[windowDate] ?? [];
    const suggested = suggestion.byWindowDate[windowDate] ?? [];
    const stored = claim.referenceDates.byWindowDate[windowDate];
    const candidates: Candidate[] = [];
    for (let j = 1; j <= WEEKS_BACK; j++) {
      const date = addDays(windowDate, -7 * j);
      const holiday = holidayNames(date);
      const hasRecords = withRecords.has(date);
      const isAbnormal = abnormal.has(date);
      const week = used.indexOf(date);
      let status: CandidateStatus;
      // The same order of reasons as the suggester (reference-dates.ts), so the page and packet agree.
      if (week >= 0) status = { kind: 'used', week: week + 1 };
      else if (inWindow.has(date)) status = { kind: 'in-window' };
      else if (holiday) status = { kind: 'holiday', names: holiday };
      else if (isAbnormal) status = { kind: 'abnormal' };
      else if (!hasRecords) status = { kind: 'no-records' };
      else status = { kind: 'spare' };
      candidates.push({ date, weeksBack: j, status, hasRecords, abnormal: isAbnormal, holiday, inWindow: inWindow.has(date) });
    }
    const short = suggestion.shortfalls.find((s) => s.windowDate === windowDate);
    return {
      windowDate,
      used,
      suggested,
      custom: stored !== undefined && !sameList(stored, suggested),
      candidates,
      shortfall: estimate.referenceDates.k < claim.parameters.k && short ? { found: short.found, wanted: short.wanted } : null,
    };
  });
}

/** The parts of a stored claim body the baseline page rewrites. */
export type BaselineChange = Pick<ClaimBody, 'referenceDates' | 'parameters' | 'declaredBaseline'>;

function withReferenceDates(claim: Claim, byWindowDate: Record<string, string[]>, abnormalDates: string[], k = claim.parameters.k): Claim {
  return { ...claim, referenceDates: { byWindowDate, abnormalDates }, parameters: { ...claim.parameters, k } };
}

/**
 * Re-derives stored lists after the suggestion changed (abnormal dates or K): a stored list that was
 * exactly the old suggestion follows the new one (the user took the suggestion, not particular dates);
 * a list the user picked keeps its dates, minus abnormal ones, cut to K.
 */
function rederive(before: Claim, after: Claim): Record<string, string[]> {
  const oldSuggestion = suggestReferenceDatesForClaim(before).byWindowDate;
  const newSuggestion = suggestReferenceDatesForClaim(after).byWindowDate;
  const abnormal = new Set(after.referenceDates.abnormalDates);
  const out: Record<string, string[]> = {};
  for (const [windowDate, list] of Object.entries(before.referenceDates.byWindowDate)) {
    if (sameList(list, oldSuggestion[windowDate]) && newSuggestion[windowDate]) out[windowDate] = [...newSuggestion[windowDate]!];
    else out[windowDate] = list.filter((d) => !abnormal.has(d)).slice(0, after.parameters.k);
  }
  return out;
}

export function toggleAbnormal(claim: Claim, date: string): BaselineChange {
  const current = claim.referenceDates.abnormalDates;
  const abnormalDates = current.includes(date) ? current.filter((d) => d !== date) : [...current, date].sort();
  const after = withReferenceDates(claim, claim.referenceDates.byWindowDate, abnormalDates);
  return { referenceDates: { byWindowDate: rederive(claim, after), abnormalDates } };
}

/** K changes; trimmed needs K >= 4 (section 3.1), so a smaller K falls back to the mean. */
export function changeK(claim: Claim, k: number): { change: BaselineChange; estimatorSwitched: boolean } {
  const after = withReferenceDates(claim, claim.referenceDates.byWindowDate, claim.referenceDates.abnormalDates, k);
  const estimatorSwitched = k < 4 && claim.parameters.estimator === 'trimmed';
  const parameters: Parameters = { ...claim.parameters, k, ...(estimatorSwitched ? { estimator: 'mean' as Estimator } : {}) };
  return {
    change: { parameters, referenceDates: { byWindowDate: rederive(claim, after), abnormalDates: claim.referenceDates.abnormalDates } },
    estimatorSwitched,
  };
}

/** The user's own list for one window date, most recent first (week k pairs the k-th of each date). */
export function pickReferenceDates(claim: Claim, windowDate: string, dates: readonly string[]): BaselineChange {
  const list = [...new Set(dates)].sort().reverse().slice(0, 12);
  const byWindowDate = { ...claim.referenceDates.byWindowDate, [windowDate]: list };
  // Section 3.1: explicit lists define K, the same number for every window date. Another date's stored
  // list that is just the app's suggestion follows the new number (dropped: it is suggested anew with
  // K = this list's length); a list the user picked stays, and a different length is refused on save
  // with the dates named.
  const suggestion = suggestReferenceDatesForClaim(claim).byWindowDate;
  for (const [other, stored] of Object.entries(byWindowDate)) {
    if (other !== windowDate && stored.length !== list.length && sameList(stored, suggestion[other])) delete byWindowDate[other];
  }
  return { referenceDates: { ...claim.referenceDates, byWindowDate } };
}

/** One window date back to the app's suggestion (its stored list removed). */
export function resetWindowDate(claim: Claim, windowDate: string): BaselineChange {
  const byWindowDate = { ...claim.referenceDates.byWindowDate };
  delete byWindowDate[windowDate];
  return { referenceDates: { ...claim.referenceDates, byWindowDate } };
}

/** Everything on this page back to the suggestion and the loss model's defaults (section 3.1). */
export function resetAll(claim: Claim): BaselineChange {
  return {
    referenceDates: { byWindowDate: {}, abnormalDates: [] },
    parameters: { ...claim.parameters, baseline: 'auto', estimator: 'mean', k: 4, trendFactor: false },
  };
}
