import type { Incident } from '../model/incident';
import { effectiveWindow } from '../model/incident';
import { kstYearOf, parseInstant } from '../time/kst';
import { bt, type BilingualText } from '../model/common';

/**
 * Statutory minimum hourly wage in KRW by year (loss model section 5), for valuing the time spent on a
 * claim. Source: 최저임금위원회 고시 (Minimum Wage Commission notices, minimumwage.go.kr), 2015-2026.
 */
export const MINIMUM_WAGE_KRW: Readonly<Record<number, number>> = {
  2015: 5_580,
  2016: 6_030,
  2017: 6_470,
  2018: 7_530,
  2019: 8_350,
  2020: 8_590,
  2021: 8_720,
  2022: 9_160,
  2023: 9_620,
  2024: 9_860,
  2025: 10_030,
  2026: 10_320,
};

export const MINIMUM_WAGE_SOURCE = {
  ko: '최저임금위원회 고시',
  en: 'Minimum Wage Commission notice',
} as const;

export interface MinimumWage {
  wage: number;
  /** The year asked for (the incident's year). */
  year: number;
  /** The table year whose figure was used. */
  tableYear: number;
  /** True when the year is after the table: its last figure is used, marked assumed (section 5). */
  assumed: boolean;
}

const TABLE_YEARS = Object.keys(MINIMUM_WAGE_KRW).map(Number).sort((a, b) => a - b);
const FIRST_YEAR = TABLE_YEARS[0]!;
const LAST_YEAR = TABLE_YEARS[TABLE_YEARS.length - 1]!;

/**
 * The wage of `year`. After the table: the last year's figure, marked assumed. Before the table (an
 * incident before 2015, outside what the app is for) the first figure, also marked assumed.
 */
export function minimumWageFor(year: number): MinimumWage {
  const exact = MINIMUM_WAGE_KRW[year];
  if (exact !== undefined) return { wage: exact, year, tableYear: year, assumed: false };
  const tableYear = year > LAST_YEAR ? LAST_YEAR : FIRST_YEAR;
  return { wage: MINIMUM_WAGE_KRW[tableYear]!, year, tableYear, assumed: true };
}

/** Section 5: the year (KST) in which the incident's earliest window starts (user edits included). */
export function wageYearOf(incident: Pick<Incident, 'services'>): number {
  const starts = incident.services.map((s) => parseInstant(effectiveWindow(s).start));
  return kstYearOf(Math.min(...starts));
}

/** The words an assumed wage carries wherever it is shown (estimate, screen, packet). */
export function minimumWageAssumedNote(w: MinimumWage): BilingualText {
  return w.year > w.tableYear
    ? bt(`${w.year}년 최저임금이 아직 표에 없어 ${w.tableYear}년 금액을 가정했어요`, `assumed: the ${w.year} minimum wage is not in the table yet, so the ${w.tableYear} figure is used`)
    : bt(`${w.year}년은 최저임금 표보다 앞이라 ${w.tableYear}년 금액을 가정했어요`, `assumed: ${w.year} is before the table, so the ${w.tableYear} figure is used`);
}
