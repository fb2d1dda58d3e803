/** What the tracker's forms read from typed text; its reads and writes are commands in src/db/submissions. */

/** Parses a won amount as typed ("50,000", "50000원"); null for empty, NaN for anything else. */
export function parseWonInput(text: string): number | null {
  const clean = text.replace(/[\s,원₩]/g, '');
  if (clean === '') return null;
  return /^\d{1,13}$/.test(clean) ? Number(clean) : Number.NaN;
}

/** `2022-11-01` + `09:30` as a KST instant, whatever the machine's zone. */
export function kstInstantOf(date: string, time: string): string {
  return `${date}T${time || '00:00'}+09:00`;
}
