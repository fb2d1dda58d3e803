/** Statutory minimum hourly wage in KRW by year (domain.md section 4), for valuing time spent on a claim (section 5). */
export const MINIMUM_WAGE_KRW: Readonly<Record<number, number>> = {
  2022: 9_160,
  2023: 9_620,
  2024: 9_860,
  2025: 10_030,
  2026: 10_320,
};

/** The wage of the incident's year; years outside the table take the nearest year listed (and say so). */
export function minimumWageFor(year: number): { wage: number; year: number; exact: boolean } {
  if (MINIMUM_WAGE_KRW[year] !== undefined) return { wage: MINIMUM_WAGE_KRW[year], year, exact: true };
  const years = Object.keys(MINIMUM_WAGE_KRW).map(Number).sort((a, b) => a - b);
  const nearest = year < years[0]! ? years[0]! : years[years.length - 1]!;
  return { wage: MINIMUM_WAGE_KRW[nearest]!, year: nearest, exact: false };
}
