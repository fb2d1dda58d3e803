/**
 * KST (Asia/Seoul, UTC+09:00, no DST) calendar arithmetic, loss model section 1.
 *
 * Every function works on UTC epoch numbers shifted by +9 h and reads dates back with the UTC getters
 * or `toISOString`, so nothing here depends on the machine's time zone (a driver abroad sees the same
 * hours). Never use `getHours()`, `getDay()` or `new Date(y, m, d)` in this module.
 */

import { bi } from '../model/text';

export const KST_OFFSET_MS = 9 * 3_600_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

declare const kstDateBrand: unique symbol;
declare const kstHourBrand: unique symbol;
/** A KST calendar day `2022-10-15`: a daily bucket. */
export type KstDate = string & { readonly [kstDateBrand]: true };
/** A whole KST hour `2022-10-15T20:00+09:00`, named by its start: an hourly bucket. */
export type KstHour = string & { readonly [kstHourBrand]: true };
/** A time bucket of either granularity. */
export type KstBucket = KstDate | KstHour;
export type Granularity = 'hourly' | 'daily';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):00\+09:00$/;
/** An instant with an explicit offset: `2022-10-15T15:30+09:00`, seconds optional, `Z` allowed. */
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  return d <= DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0);
}

export function isKstDate(s: string): s is KstDate {
  const m = DATE_RE.exec(s);
  return !!m && validYmd(+m[1]!, +m[2]!, +m[3]!);
}

export function isKstHour(s: string): s is KstHour {
  const m = HOUR_RE.exec(s);
  return !!m && validYmd(+m[1]!, +m[2]!, +m[3]!) && +m[4]! < 24;
}

/** Days since 1970-01-01 of a KST calendar date. */
export function epochDayOf(date: string): number {
  const known = EPOCH_DAY_OF.get(date);
  if (known !== undefined) return known;
  const m = DATE_RE.exec(date);
  if (!m || !validYmd(+m[1]!, +m[2]!, +m[3]!)) throw new RangeError(bi('날짜 형식이 아니에요', `not a date: ${date}`));
  const day = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / DAY_MS;
  remember(EPOCH_DAY_OF, date, day);
  return day;
}

export function dateOfEpochDay(day: number): KstDate {
  const known = DATE_OF_EPOCH_DAY.get(day);
  if (known !== undefined) return known;
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10) as KstDate;
  remember(DATE_OF_EPOCH_DAY, day, date);
  return date;
}

/**
 * The two conversions above, remembered: an estimate converts the same few hundred days back and forth
 * thousands of times, and a synthetic national batch (issue 18) does it for 105,116 claims; the regex and
 * Date work were a sixth of an estimate. Only valid dates are kept (a bad one still throws each time), and
 * each table is emptied when it reaches 20,000 days (55 years), so it stays small.
 */
const EPOCH_DAY_OF = new Map<string, number>();
const DATE_OF_EPOCH_DAY = new Map<number, KstDate>();
function remember<K, V>(table: Map<K, V>, key: K, value: V): void {
  if (table.size >= 20_000) table.clear();
  table.set(key, value);
}

/** Hours since the epoch (UTC) of the start of a KST hourly bucket. */
export function epochHourOf(hour: string): number {
  const known = EPOCH_HOUR_OF.get(hour);
  if (known !== undefined) return known;
  const m = HOUR_RE.exec(hour);
  if (!m || !validYmd(+m[1]!, +m[2]!, +m[3]!) || +m[4]! > 23) {
    throw new RangeError(bi('시간 구간 형식이 아니에요', `not an hourly bucket: ${hour}`));
  }
  const epochHour = (Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!) - KST_OFFSET_MS) / HOUR_MS;
  remember(EPOCH_HOUR_OF, hour, epochHour);
  return epochHour;
}

export function hourOfEpochHour(epochHour: number): KstHour {
  const known = HOUR_OF_EPOCH_HOUR.get(epochHour);
  if (known !== undefined) return known;
  const local = new Date(epochHour * HOUR_MS + KST_OFFSET_MS).toISOString();
  const hour = `${local.slice(0, 13)}:00+09:00` as KstHour;
  remember(HOUR_OF_EPOCH_HOUR, epochHour, hour);
  return hour;
}

/** The same, for hours and instants (an estimate reads the same window bounds and hours many times). */
const EPOCH_HOUR_OF = new Map<string, number>();
const HOUR_OF_EPOCH_HOUR = new Map<number, KstHour>();
const INSTANT_MS = new Map<string, number>();

/** The KST date an epoch hour falls on. */
export function epochDayOfEpochHour(epochHour: number): number {
  return Math.floor((epochHour * HOUR_MS + KST_OFFSET_MS) / DAY_MS);
}

/** Epoch hour of 00:00 KST on the given epoch day. */
export function firstEpochHourOfDay(epochDay: number): number {
  return (epochDay * DAY_MS - KST_OFFSET_MS) / HOUR_MS;
}

/** Hour of day 0-23 in KST. */
export function kstHourOfDay(epochHour: number): number {
  return (((epochHour + 9) % 24) + 24) % 24;
}

/** Weekday of a KST date: 0 Sunday ... 6 Saturday (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function weekdayOf(date: string): number {
  return weekdayOfEpochDay(epochDayOf(date));
}

export function addDays(date: string, days: number): KstDate {
  return dateOfEpochDay(epochDayOf(date) + days);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return epochDayOf(b) - epochDayOf(a);
}

export function isInstant(s: string): boolean {
  const m = INSTANT_RE.exec(s);
  return !!m && validYmd(+m[1]!, +m[2]!, +m[3]!) && +m[4]! < 24 && +m[5]! < 60 && (m[6] === undefined || +m[6] < 60);
}

/** Epoch milliseconds of an ISO instant that carries its own offset (never read as machine-local time). */
export function parseInstant(s: string): number {
  const known = INSTANT_MS.get(s);
  if (known !== undefined) return known;
  if (!isInstant(s)) throw new RangeError(bi('시각은 2022-10-15T15:30+09:00 형식이어야 해요', `instant must carry an offset: ${s}`));
  const ms = Date.parse(s);
  remember(INSTANT_MS, s, ms);
  return ms;
}

/** `2022-10-15T15:30+09:00` for an epoch millisecond (minute precision, seconds kept when not zero). */
export function formatKstInstant(ms: number): string {
  const local = new Date(ms + KST_OFFSET_MS).toISOString();
  const seconds = local.slice(17, 19);
  return `${local.slice(0, 16)}${seconds === '00' ? '' : `:${seconds}`}+09:00`;
}

/** `2022-10-15 15:30` for a KST instant or hourly bucket, as a person reads it (no `T`, no offset). */
export function wallTimeKst(at: string): string {
  return formatKstInstant(parseInstant(at)).replace('T', ' ').replace(/\+09:00$/, '');
}

/** The hourly bucket containing an instant. */
export function hourContaining(ms: number): number {
  return Math.floor(ms / HOUR_MS);
}

/**
 * All hourly buckets overlapping `[startMs, endMs)`, edge buckets counted whole (loss model section 2).
 * Returned as epoch hours.
 */
export function enumerateHours(startMs: number, endMs: number): number[] {
  const out: number[] = [];
  if (!(endMs > startMs)) return out;
  const first = Math.floor(startMs / HOUR_MS);
  const last = Math.ceil(endMs / HOUR_MS) - 1;
  for (let h = first; h <= last; h++) out.push(h);
  return out;
}

/** All KST days overlapping `[startMs, endMs)`, counted whole. Returned as epoch days. */
export function enumerateDays(startMs: number, endMs: number): number[] {
  const out: number[] = [];
  if (!(endMs > startMs)) return out;
  const first = Math.floor((startMs + KST_OFFSET_MS) / DAY_MS);
  const last = Math.ceil((endMs + KST_OFFSET_MS) / DAY_MS) - 1;
  for (let d = first; d <= last; d++) out.push(d);
  return out;
}

/** The KST date of a bucket of either granularity. */
export function dateOfBucket(bucket: string): KstDate {
  return bucket.slice(0, 10) as KstDate;
}

export function isHourlyBucket(bucket: string): bucket is KstHour {
  return bucket.length > 10;
}

/** The KST year of an instant. */
/** The KST calendar date of an epoch millisecond, whatever the machine's zone. */
export function kstDateOfMs(ms: number): KstDate {
  return dateOfEpochDay(Math.floor((ms + KST_OFFSET_MS) / DAY_MS));
}

export function kstYearOf(ms: number): number {
  return new Date(ms + KST_OFFSET_MS).getUTCFullYear();
}

export const WEEKDAY_KO = ['일', '월', '화', '수', '목', '금', '토'] as const;
export const WEEKDAY_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
