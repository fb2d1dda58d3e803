/**
 * Cell parsers for the values Korean POS, card-sales and driver-app exports actually contain.
 * Every parser returns a value or a bilingual reason; none throws. Dates and hours are plain calendar
 * numbers read as KST wall-clock time: nothing here asks the machine for its time zone.
 */
import { KST_OFFSET_MS } from '../time/kst';
import { bt, type BilingualText } from '../model/common';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: BilingualText };

/** A raw cell: CSV gives strings; XLSX may give numbers, Dates (wall-clock stored as UTC, as exceljs does) or null. */
export type Cell = string | number | boolean | Date | null;

export type CalendarDate = { year: number; month: number; day: number };
export type KstDateTime = CalendarDate & { hour: number };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(ko: string, en: string): Parsed<T> => ({ ok: false, reason: bt(ko, en) });

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return String(cell).trim();
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

// ---------------------------------------------------------------- numbers

const AMOUNT_NOISE_RE = /[,\s원₩￦]|krw/giu;

function parseNumberText(text: string): number | null {
  const cleaned = text.replace(AMOUNT_NOISE_RE, '');
  // Accounting negatives "(1,234)" and ordinary "-1,234".
  const paren = /^\((.+)\)$/.exec(cleaned);
  const body = paren ? `-${paren[1]}` : cleaned;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(body)) return null;
  return Number(body);
}

/** Half away from zero to whole won (loss-model.md section 1). */
export function roundWon(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

type AmountOptions = { allowNegativeAsMagnitude?: boolean };

/** "1,234,567", "1,234,567원", "₩1,234", 1234567 → whole won. Negative or non-numeric is an error. */
export function parseAmount(cell: Cell, options: AmountOptions = {}): Parsed<number> {
  if (isBlank(cell)) return fail('금액이 비어 있어요', 'amount is empty');
  let value: number | null;
  if (typeof cell === 'number') value = cell;
  else if (typeof cell === 'string') value = parseNumberText(cell.trim());
  else value = null;
  if (value === null || !Number.isFinite(value)) {
    return fail('금액이 숫자가 아니에요', 'amount is not a number');
  }
  if (value < 0) {
    // Card statements print cancellations as negatives; in a cancellation column the sign carries no meaning.
    if (options.allowNegativeAsMagnitude) value = -value;
    else return fail('금액이 음수예요', 'amount is negative');
  }
  const won = roundWon(value);
  if (won > 1_000_000_000_000) return fail('금액이 너무 커요', 'amount is too large');
  return ok(won);
}

/** "12", "12건", "12회", "12콜" → 12. Fractions, negatives and text are errors. */
export function parseCount(cell: Cell, options: AmountOptions = {}): Parsed<number> {
  if (isBlank(cell)) return fail('건수가 비어 있어요', 'count is empty');
  let value: number | null;
  if (typeof cell === 'number') value = cell;
  else if (typeof cell === 'string') value = parseNumberText(cell.trim().replace(/(건|회|콜|개|명)$/u, ''));
  else value = null;
  if (value === null || !Number.isFinite(value)) return fail('건수가 숫자가 아니에요', 'count is not a number');
  if (value < 0) {
    if (options.allowNegativeAsMagnitude) value = -value;
    else return fail('건수가 음수예요', 'count is negative');
  }
  if (!Number.isInteger(value)) return fail('건수는 정수여야 해요', 'count must be a whole number');
  if (value > 1_000_000) return fail('건수가 너무 커요', 'count is too large');
  return ok(value);
}

// ---------------------------------------------------------------- dates

function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function calendarDate(year: number, month: number, day: number): Parsed<CalendarDate> {
  if (year < 100) year += 2000;
  if (year < 2000 || year > 2100) return fail('연도가 이상해요', 'year out of range');
  if (month < 1 || month > 12) return fail('없는 월이에요', 'no such month');
  if (day < 1 || day > daysInMonth(year, month)) return fail('없는 날짜예요', 'no such day');
  return ok({ year, month, day });
}

const EXCEL_EPOCH_1900_OFFSET = 25569; // serial of 1970-01-01 in the 1900 date system (Lotus leap-year bug included)
const EXCEL_1904_OFFSET = 1462; // days between the 1900 and 1904 systems
const MS_PER_DAY = 86_400_000;

/**
 * Excel serial → wall-clock parts. The serial has no time zone: it is the wall-clock time the user typed,
 * read here through UTC getters so the machine's zone never enters.
 */
export function excelSerialParts(serial: number, date1904 = false): KstDateTime & { minute: number } {
  const days = serial + (date1904 ? EXCEL_1904_OFFSET : 0) - EXCEL_EPOCH_1900_OFFSET;
  // Round to the minute: float serials like 0.8333333 mean 20:00, not 19:59:59.99.
  const d = new Date(Math.round((days * MS_PER_DAY) / 60_000) * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** exceljs hands back date cells as Dates whose UTC fields are the wall-clock time shown in Excel. */
function dateCellParts(d: Date): KstDateTime & { minute: number } {
  const rounded = new Date(Math.round(d.getTime() / 60_000) * 60_000);
  return { year: rounded.getUTCFullYear(), month: rounded.getUTCMonth() + 1, day: rounded.getUTCDate(), hour: rounded.getUTCHours(), minute: rounded.getUTCMinutes() };
}

const DATE_RES: { re: RegExp; order: 'ymd' }[] = [
  // 2022-10-15, 2022.10.15, 2022/10/15, 2022. 10. 15., 22-10-15, with an optional weekday like (토)
  { re: /^(\d{4}|\d{2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\s*\.?/u, order: 'ymd' },
  // 2022년 10월 15일
  { re: /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/u, order: 'ymd' },
  // 20221015
  { re: /^(\d{4})(\d{2})(\d{2})(?!\d)/u, order: 'ymd' },
];

/** Splits a date at the start of `text`; returns the date and what follows it (a time, a weekday ...). */
function matchDatePrefix(text: string): { date: Parsed<CalendarDate>; rest: string } | null {
  for (const { re } of DATE_RES) {
    const m = re.exec(text);
    if (m) {
      return { date: calendarDate(Number(m[1]), Number(m[2]), Number(m[3])), rest: text.slice(m[0].length).trim() };
    }
  }
  return null;
}

const WEEKDAY_SUFFIX_RE = /^[([]?\s*(월|화|수|목|금|토|일|mon|tue|wed|thu|fri|sat|sun)[a-z]*\s*[)\]]?$/iu;

export function parseDate(cell: Cell, date1904 = false): Parsed<CalendarDate> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('날짜를 읽지 못했어요', 'unreadable date');
    const p = dateCellParts(cell);
    return calendarDate(p.year, p.month, p.day);
  }
  if (typeof cell === 'number') {
    // 20221015 typed as a number, or an Excel serial (days since 1900).
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 21001231) {
      return calendarDate(Math.floor(cell / 10000), Math.floor(cell / 100) % 100, cell % 100);
    }
    if (cell > 0 && cell < 2958466) {
      const p = excelSerialParts(cell, date1904);
      return calendarDate(p.year, p.month, p.day);
    }
    return fail('날짜 형식이 아니에요', 'not a date');
  }
  const text = cellText(cell);
  if (!text) return fail('날짜가 비어 있어요', 'date is empty');
  const m = matchDatePrefix(text);
  if (!m) return fail('날짜 형식이 아니에요 (예: 2022-10-15)', 'not a date (e.g. 2022-10-15)');
  if (m.rest && !WEEKDAY_SUFFIX_RE.test(m.rest) && !/^0{1,2}:00(:00)?$/.test(m.rest)) {
    return fail('날짜 뒤에 알 수 없는 글자가 있어요', 'unexpected text after the date');
  }
  return m.date;
}

// ---------------------------------------------------------------- hours

function hourOf(hour: number, minute = 0, second = 0): Parsed<number> {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return fail('없는 시각이에요 (0~23시)', 'no such time (hours 0-23)');
  }
  return ok(hour);
}

const AM_RE = /^(오전|am|a\.m\.)\s*/iu;
const PM_RE = /^(오후|pm|p\.m\.)\s*/iu;
const AM_SUFFIX_RE = /\s*(am|a\.m\.)$/iu;
const PM_SUFFIX_RE = /\s*(pm|p\.m\.)$/iu;

/** "20", "20:00", "20시", "20시 15분", "오후 8:00", "8 PM", "20:15:33", "20~21", "20:00-21:00" → 20. */
export function parseHourText(raw: string): Parsed<number> {
  let text = raw.trim().toLowerCase();
  if (!text) return fail('시간이 비어 있어요', 'time is empty');
  let meridiem: 'am' | 'pm' | null = null;
  if (AM_RE.test(text)) {
    meridiem = 'am';
    text = text.replace(AM_RE, '');
  } else if (PM_RE.test(text)) {
    meridiem = 'pm';
    text = text.replace(PM_RE, '');
  } else if (AM_SUFFIX_RE.test(text)) {
    meridiem = 'am';
    text = text.replace(AM_SUFFIX_RE, '');
  } else if (PM_SUFFIX_RE.test(text)) {
    meridiem = 'pm';
    text = text.replace(PM_SUFFIX_RE, '');
  }
  // A range such as "20~21" or "20:00-21:00" names its start hour.
  const range = /^(.+?)\s*[~\-–]\s*\d{1,2}(:\d{2})?\s*시?$/u.exec(text);
  if (range) text = range[1]!.trim();
  const m = /^(\d{1,2})(?:\s*(?::|시)\s*(?:(\d{1,2})\s*(?::|분)?\s*(?:(\d{1,2})\s*초?)?)?)?\s*$/u.exec(text);
  if (!m) return fail('시간 형식이 아니에요 (예: 20, 20:00, 20시, 오후 8:00)', 'not a time (e.g. 20, 20:00, 8 PM)');
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  const second = m[3] ? Number(m[3]) : 0;
  if (meridiem) {
    if (hour < 1 || hour > 12) return fail('오전/오후 시각은 1~12시여야 해요', '12-hour times run 1-12');
    if (meridiem === 'am' && hour === 12) hour = 0;
    if (meridiem === 'pm' && hour !== 12) hour += 12;
  }
  return hourOf(hour, minute, second);
}

export function parseHour(cell: Cell, date1904 = false): Parsed<number> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('시간을 읽지 못했어요', 'unreadable time');
    return ok(dateCellParts(cell).hour);
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell)) return hourOf(cell);
    // A time-only Excel cell stored as a day fraction (0.8333 = 20:00).
    if (cell > 0 && cell < 1) return ok(excelSerialParts(cell, date1904).hour);
    return fail('시간 형식이 아니에요', 'not a time');
  }
  return parseHourText(cellText(cell));
}

// ---------------------------------------------------------------- date-times

const OFFSET_RE = /(z|[+-]\d{2}:?\d{2})$/iu;

/**
 * "2022-10-15 20:15", "2022.10.15 오후 8:15", "2022-10-15T20:15:33", "2022/10/15 20:15", or an ISO
 * string with an explicit offset (converted to KST). Without an offset the text is KST wall-clock.
 */
export function parseDateTime(cell: Cell, date1904 = false): Parsed<KstDateTime> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('일시를 읽지 못했어요', 'unreadable date-time');
    const p = dateCellParts(cell);
    const date = calendarDate(p.year, p.month, p.day);
    return date.ok ? ok({ ...date.value, hour: p.hour }) : date;
  }
  if (typeof cell === 'number') {
    if (cell > 0 && cell < 2958466) {
      const p = excelSerialParts(cell, date1904);
      const date = calendarDate(p.year, p.month, p.day);
      return date.ok ? ok({ ...date.value, hour: p.hour }) : date;
    }
    return fail('일시 형식이 아니에요', 'not a date-time');
  }
  const text = cellText(cell);
  if (!text) return fail('일시가 비어 있어요', 'date-time is empty');
  const offset = OFFSET_RE.exec(text);
  if (offset && /\d{2}:\d{2}/.test(text.slice(0, offset.index))) {
    // An instant with an explicit offset: shift to KST (+09:00) by arithmetic, never via the local zone.
    const ms = Date.parse(text.replace(' ', 'T'));
    if (Number.isNaN(ms)) return fail('일시 형식이 아니에요', 'not a date-time');
    const kst = new Date(ms + KST_OFFSET_MS);
    const date = calendarDate(kst.getUTCFullYear(), kst.getUTCMonth() + 1, kst.getUTCDate());
    return date.ok ? ok({ ...date.value, hour: kst.getUTCHours() }) : date;
  }
  const m = matchDatePrefix(text);
  if (!m) return fail('일시 형식이 아니에요 (예: 2022-10-15 20:15)', 'not a date-time (e.g. 2022-10-15 20:15)');
  if (!m.date.ok) return m.date;
  const rest = m.rest.replace(/^t/iu, '').replace(/^[([]?\s*(월|화|수|목|금|토|일)\s*[)\]]?\s*/u, '');
  if (!rest) return fail('일시에 시각이 없어요', 'date-time has no time of day');
  const hour = parseHourText(rest);
  return hour.ok ? ok({ ...m.date.value, hour: hour.value }) : hour;
}

// ---------------------------------------------------------------- buckets

const pad2 = (n: number) => String(n).padStart(2, '0');

export function dailyBucket(d: CalendarDate): string {
  return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
}

export function hourlyBucket(d: KstDateTime): string {
  return `${dailyBucket(d)}T${pad2(d.hour)}:00+09:00`;
}
