/**
 * Date and time inputs hold plain text (`2022-10-15`, `15:30`) with no time zone; a KST instant is
 * that text with `+09:00`. Nothing here goes through the machine's clock or time zone.
 */
export interface KstParts {
  date: string;
  time: string;
}

/** `2022-10-15T15:30+09:00` -> { date: '2022-10-15', time: '15:30' } (the instant is already KST). */
export function splitKst(instant: string | undefined): KstParts {
  if (!instant || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(instant)) return { date: '', time: '' };
  return { date: instant.slice(0, 10), time: instant.slice(11, 16) };
}

/** The KST instant of a date and a time, or undefined when either is empty (the schema then says it is required). */
export function joinKst({ date, time }: KstParts): string | undefined {
  if (!date || !time) return undefined;
  return `${date}T${time.slice(0, 5)}+09:00`;
}
