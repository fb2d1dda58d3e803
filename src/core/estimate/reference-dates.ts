import { addDays } from '../time/kst';
import { hasHolidayData, holidayNames } from '../time/holidays';

export type SkipReason = 'holiday' | 'abnormal' | 'no-records' | 'in-window';

export interface ReferenceDateSuggestion {
  /** Up to K dates per window date, most recent first. */
  byWindowDate: Record<string, string[]>;
  /** Window dates for which fewer than K were found within the look-back. */
  shortfalls: { windowDate: string; found: number; wanted: number }[];
  /** Candidates passed over, with the reason (the packet can list them). */
  skipped: { windowDate: string; date: string; reason: SkipReason; holiday?: string }[];
  /** Years whose public holidays the calendar does not know (no date there is treated as a holiday). */
  holidayYearsUnknown: number[];
}

export interface SuggestReferenceDatesInput {
  windowDates: readonly string[];
  /** KST dates that carry at least one record. */
  datesWithRecords: ReadonlySet<string>;
  /** Dates the user marked abnormal. */
  abnormalDates?: readonly string[];
  /** Dates that must not serve as a reference (the outage itself and its tail). */
  excludedDates?: ReadonlySet<string>;
  k: number;
  /** Section 3.1: look back at most 12 weeks. */
  maxWeeksBack?: number;
}

/**
 * Section 3.1: for each window date D, the K most recent dates D - 7j (j >= 1) that are not public
 * holidays, not marked abnormal and have records, looking back at most 12 weeks. Fewer found: reported.
 */
export function suggestReferenceDates(input: SuggestReferenceDatesInput): ReferenceDateSuggestion {
  const maxWeeks = input.maxWeeksBack ?? 12;
  const abnormal = new Set(input.abnormalDates ?? []);
  const excluded = input.excludedDates ?? new Set<string>();
  const out: ReferenceDateSuggestion = { byWindowDate: {}, shortfalls: [], skipped: [], holidayYearsUnknown: [] };
  const unknownYears = new Set<number>();
  for (const windowDate of input.windowDates) {
    const picked: string[] = [];
    for (let j = 1; j <= maxWeeks && picked.length < input.k; j++) {
      const date = addDays(windowDate, -7 * j);
      const year = Number(date.slice(0, 4));
      if (!hasHolidayData(year)) unknownYears.add(year);
      const holiday = holidayNames(date);
      if (excluded.has(date)) out.skipped.push({ windowDate, date, reason: 'in-window' });
      else if (holiday) out.skipped.push({ windowDate, date, reason: 'holiday', holiday: holiday.join(', ') });
      else if (abnormal.has(date)) out.skipped.push({ windowDate, date, reason: 'abnormal' });
      else if (!input.datesWithRecords.has(date)) out.skipped.push({ windowDate, date, reason: 'no-records' });
      else picked.push(date);
    }
    out.byWindowDate[windowDate] = picked;
    if (picked.length < input.k) out.shortfalls.push({ windowDate, found: picked.length, wanted: input.k });
  }
  out.holidayYearsUnknown = [...unknownYears].sort();
  return out;
}
