/**
 * Section 3.1: explicit reference dates define K. When the user lists the dates, K is the number given
 * for each window date; every listed window date must have the same number, at most 12, and no
 * reference date may lie inside the outage window. Shared by the claim file check, the app's save and
 * the engine, so all three refuse the same input with the same words.
 */
import type { Claim } from '../model/claim';
import { dateOfEpochDay, epochDayOfEpochHour } from '../time/kst';
import { resolveClaimWindow, windowBucketKeys } from './window';
import { bt, joined, type BilingualText } from '../model/common';

export const MAX_REFERENCE_DATES = 12;

export interface ReferenceDateProblem {
  /** The window date whose list is at fault. */
  windowDate: string;
  /** Position of the offending reference date in that list, when one date is at fault. */
  index?: number;
  message: BilingualText;
}

/**
 * The window dates of recent claims, by what they depend on (the services' windows, the services used,
 * the granularity): a batch's thousands of claims of one outage share a handful of windows.
 */
const recentWindowDates = new Map<string, readonly string[]>();

function windowDatesKey(claim: Pick<Claim, 'incident' | 'claimant' | 'granularity'>): string {
  let key = `${claim.granularity}|${claim.claimant.servicesUsed.join(',')}`;
  for (const s of claim.incident.services) key += `|${s.id} ${s.window.start} ${s.window.end} ${s.userWindow ? `${s.userWindow.start} ${s.userWindow.end}` : '-'}`;
  return key;
}

/** The KST dates the claim window's buckets fall on, in order. */
export function claimWindowDates(claim: Pick<Claim, 'incident' | 'claimant' | 'granularity'>): string[] {
  const key = windowDatesKey(claim);
  const known = recentWindowDates.get(key);
  if (known) return [...known];
  const keys = windowBucketKeys(resolveClaimWindow(claim), claim.granularity);
  const toDay = claim.granularity === 'hourly' ? epochDayOfEpochHour : (k: number) => k;
  const dates = [...new Set(keys.map(toDay))].sort((a, b) => a - b).map(dateOfEpochDay);
  if (recentWindowDates.size >= 64) recentWindowDates.clear();
  recentWindowDates.set(key, dates);
  return [...dates];
}

/** K given by explicit lists of window dates (null when the user listed none: the default K applies). */
export function explicitK(byWindowDate: Readonly<Record<string, readonly string[]>>, windowDates: readonly string[]): number | null {
  const listed = windowDates.filter((d) => byWindowDate[d] !== undefined);
  return listed.length ? byWindowDate[listed[0]!]!.length : null;
}

export function referenceDateProblems(byWindowDate: Readonly<Record<string, readonly string[]>>, windowDates: readonly string[]): ReferenceDateProblem[] {
  const out: ReferenceDateProblem[] = [];
  const inWindow = new Set(windowDates);
  for (const [windowDate, refs] of Object.entries(byWindowDate)) {
    if (refs.length > MAX_REFERENCE_DATES) {
      out.push({
        windowDate,
        message: bt(`${windowDate}의 기준일이 ${refs.length}개예요: 12개까지만 써요`, `${windowDate} lists ${refs.length} reference dates: at most 12`),
      });
    }
    refs.forEach((ref, index) => {
      if (inWindow.has(ref)) {
        out.push({
          windowDate,
          index,
          message: bt(`기준일 ${ref}은 장애 기간 안의 날짜예요 (${windowDate}의 기준일)`, `reference date ${ref} lies inside the outage window (listed for ${windowDate})`),
        });
      }
    });
  }
  const listed = windowDates.filter((d) => byWindowDate[d] !== undefined);
  const counts = listed.map((d) => byWindowDate[d]!.length);
  if (new Set(counts).size > 1) {
    const all = listed.map((d, i) => `${d} ${counts[i]}개`).join(', ');
    const allEn = listed.map((d, i) => `${d}: ${counts[i]}`).join(', ');
    for (const d of listed.slice(1)) {
      if (byWindowDate[d]!.length === counts[0]) continue;
      out.push({
        windowDate: d,
        message: bt(`${d}의 기준일 수(${byWindowDate[d]!.length}개)가 ${listed[0]}(${counts[0]}개)와 달라요: 날짜마다 같은 수를 골라 주세요 (${all})`, `${d} lists ${byWindowDate[d]!.length} reference dates but ${listed[0]} lists ${counts[0]}: every window date needs the same number (${allEn})`),
      });
    }
  }
  return out;
}

export class ReferenceDatesInputError extends Error {
  constructor(readonly problems: ReferenceDateProblem[]) {
    super(problems.map((p) => `referenceDates.byWindowDate.${p.windowDate}: ${joined(p.message)}`).join('\n'));
    this.name = 'ReferenceDatesInputError';
  }
}
