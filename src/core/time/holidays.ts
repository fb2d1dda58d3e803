/**
 * Korean public holidays (loss model section 3.1: holidays are never reference dates).
 * The official list comes from @hyunbinseo/holidays-kr; its `/all` entry is synchronous, which keeps the
 * engine a plain pure function (its default entry loads years lazily with promises).
 */
import { y2018, y2019, y2020, y2021, y2022, y2023, y2024, y2025, y2026, y2027 } from '@hyunbinseo/holidays-kr/all';

const byYear: Record<number, Readonly<Record<string, readonly string[]>>> = {
  2018: y2018, 2019: y2019, 2020: y2020, 2021: y2021, 2022: y2022,
  2023: y2023, 2024: y2024, 2025: y2025, 2026: y2026, 2027: y2027,
};

/** Whether the package carries the official list for that year (outside it, no date counts as a holiday). */
export function hasHolidayData(year: number): boolean {
  return year in byYear;
}

/** The holiday names of a KST date `YYYY-MM-DD`, or null when it is an ordinary day. */
export function holidayNames(date: string): readonly string[] | null {
  const table = byYear[Number(date.slice(0, 4))];
  return table?.[date] ?? null;
}

export function isPublicHoliday(date: string): boolean {
  return holidayNames(date) !== null;
}
