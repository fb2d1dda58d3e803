/**
 * Dates and times as people type and read them, whatever the browser's locale: Korean `2022. 10. 15.`,
 * English `2022-10-15`; `2022-10-15`, `2022.10.15`, `2022/10/15` and `20221015` are all read. The stored
 * value stays an ISO calendar date `YYYY-MM-DD` (and `HH:MM`, 24-hour, for a time of day).
 */
import { isKstDate } from './kst';
import type { KstDate } from './kst';

const SEPARATED = /^(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\s*\.?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** The ISO date a typed text names, or null when it is not a real calendar date. */
export function parseDateInput(text: string): KstDate | null {
  const s = text.trim();
  const m = SEPARATED.exec(s) ?? COMPACT.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isKstDate(iso) ? iso : null;
}

/** An ISO date as the reader writes it: `2022. 10. 15.` in Korean, `2022-10-15` in English; other text as it is. */
export function formatDateInput(iso: string, language: string): string {
  if (!isKstDate(iso) || language === 'en') return iso;
  return `${iso.slice(0, 4)}. ${Number(iso.slice(5, 7))}. ${Number(iso.slice(8, 10))}.`;
}

const TIME = /^(\d{1,2})\s*[:시]\s*(\d{2})\s*분?$/;
const TIME_COMPACT = /^(\d{2})(\d{2})$/;

/** `HH:MM` (24-hour) from `9:05`, `09:05`, `0905` or `9시 05분`; null when it is not a time of day. */
export function parseTimeInput(text: string): string | null {
  const s = text.trim();
  const m = TIME.exec(s) ?? TIME_COMPACT.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/**
 * A date and time of day (Korea time where the form says so) as one text: `2022. 10. 15. 18:10`,
 * `2022-10-15 18:10` or `2022-10-15T18:10`; stored as `YYYY-MM-DDTHH:MM`. Null when either part is not real.
 */
export function parseDateTimeInput(text: string): string | null {
  const m = /^(.*?[\d.])\s*(?:T|\s)\s*(\d{1,2}\s*[:시]\s*\d{2}\s*분?)$/.exec(text.trim());
  if (!m) return null;
  const date = parseDateInput(m[1]!);
  const time = parseTimeInput(m[2]!);
  return date && time ? `${date}T${time}` : null;
}

/** `2022-10-15T18:10` as `2022. 10. 15. 18:10` (Korean) or `2022-10-15 18:10` (English). */
export function formatDateTimeInput(value: string, language: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  return m ? `${formatDateInput(m[1]!, language)} ${m[2]}` : value;
}
