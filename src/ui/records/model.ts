/**
 * The entry grid's plain logic, apart from React: what the claim says (channels, granularity, window),
 * which bucket each cell is, how typed or pasted text becomes a count or an amount, and how one edit
 * changes a record. Everything here is KST arithmetic from core/time, never the machine's time zone.
 */
import type { ClaimantKind, SalesChannel } from '../../core/model';
import { MAX_AMOUNT_KRW } from '../../core/model/record';
import type { ActivityRecord, Provenance } from '../../core/model/record';
import { resolveClaimWindow, windowBucketKeys } from '../../core/estimate/window';
import type { Claim } from '../../core/model';
import {
  addDays,
  dateOfEpochDay,
  daysBetween,
  hourOfEpochHour,
  isKstDate,
  kstDateOfMs,
  weekdayOf,
} from '../../core/time';

export type Granularity = 'hourly' | 'daily';
export type Measure = 'count' | 'revenue';

/** Counts above this are an input error (the record schema's own limit). */
export const MAX_COUNT = 1_000_000;
/** Weeks of ordinary trading shown before the outage by default: enough reference dates for K up to 12. */
export const DEFAULT_WEEKS_BEFORE = 12;
/** The longest range the grid shows at once (two years of hours, with a leap day). */
export const MAX_RANGE_DAYS = 731;

export interface EntrySetup {
  channels: SalesChannel[];
  granularity: Granularity;
  /** True when the claim does not say yet and hourly was assumed. */
  granularityAssumed: boolean;
  kind?: ClaimantKind;
  /** First and last KST date the claim window touches, when the incident is filled in. */
  windowFirstDate?: string;
  windowLastDate?: string;
  /** Buckets (hourly or daily, matching `granularity`) inside the claim window. */
  windowBuckets: ReadonlySet<string>;
}

type BodyLike = {
  claimant?: { kind?: ClaimantKind; salesChannels?: SalesChannel[]; servicesUsed?: string[] };
  granularity?: Granularity;
  incident?: Claim['incident'];
};

/** Reads what the grid needs from a claim document, complete or not (a draft may lack any part). */
export function entrySetupOf(body: unknown): EntrySetup {
  const b = (body && typeof body === 'object' ? body : {}) as BodyLike;
  const channels = Array.isArray(b.claimant?.salesChannels) ? b.claimant.salesChannels.filter((c) => c && typeof c.id === 'string') : [];
  const granularity: Granularity = b.granularity === 'daily' ? 'daily' : 'hourly';
  const setup: EntrySetup = {
    channels,
    granularity,
    granularityAssumed: b.granularity !== 'daily' && b.granularity !== 'hourly',
    ...(b.claimant?.kind ? { kind: b.claimant.kind } : {}),
    windowBuckets: new Set(),
  };
  if (!b.incident || !Array.isArray(b.incident.services) || b.incident.services.length === 0) return setup;
  try {
    const window = resolveClaimWindow({
      incident: b.incident,
      claimant: { servicesUsed: b.claimant?.servicesUsed ?? [] } as Claim['claimant'],
    });
    const keys = windowBucketKeys(window, granularity);
    if (keys.length === 0) return setup;
    const buckets = granularity === 'hourly' ? keys.map((h) => hourOfEpochHour(h) as string) : keys.map((d) => dateOfEpochDay(d) as string);
    return { ...setup, windowBuckets: new Set(buckets), windowFirstDate: buckets[0]!.slice(0, 10), windowLastDate: buckets[buckets.length - 1]!.slice(0, 10) };
  } catch {
    // An incident still being typed (an end before its start): no window to highlight yet.
    return setup;
  }
}

/** Today's KST date for an epoch millisecond (injectable so tests do not depend on the clock). */
export function kstToday(nowMs: number): string {
  return kstDateOfMs(nowMs);
}

export interface DateRange {
  from: string;
  to: string;
}

/** The claim window plus the 12 weeks before it; without a window, the 12 weeks up to today. */
export function defaultRange(setup: EntrySetup, nowMs: number): DateRange {
  const last = setup.windowLastDate ?? kstToday(nowMs);
  const first = setup.windowFirstDate ?? last;
  return { from: addDays(first, -DEFAULT_WEEKS_BEFORE * 7), to: last };
}

export type RangeProblem = 'invalid' | 'reversed' | 'tooLong';

export function checkRange(range: DateRange): RangeProblem | null {
  if (!isKstDate(range.from) || !isKstDate(range.to)) return 'invalid';
  const days = daysBetween(range.from, range.to);
  if (days < 0) return 'reversed';
  if (days + 1 > MAX_RANGE_DAYS) return 'tooLong';
  return null;
}

// ---------------------------------------------------------------- layout

export interface GridRow {
  /** Hourly: the row's date. Daily: the Monday the week starts on. */
  date: string;
}

export interface GridColumn {
  /** Hourly: the hour 0-23. Daily: the weekday 0 Sunday ... 6 Saturday. */
  value: number;
}

export interface GridLayout {
  granularity: Granularity;
  rows: GridRow[];
  columns: GridColumn[];
  /** The bucket a cell stands for, or null for a day outside the range (daily weeks at the edges). */
  bucketAt(row: number, column: number): string | null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function hourlyBucketOf(date: string, hour: number): string {
  return `${date}T${pad2(hour)}:00+09:00`;
}

/** Weeks run Monday to Sunday, the way Korean sales statements and POS weekly reports do. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export function gridLayout(granularity: Granularity, range: DateRange): GridLayout {
  const days = daysBetween(range.from, range.to) + 1;
  if (granularity === 'hourly') {
    const rows = Array.from({ length: days }, (_, i) => ({ date: addDays(range.from, i) as string }));
    const columns = Array.from({ length: 24 }, (_, h) => ({ value: h }));
    return { granularity, rows, columns, bucketAt: (r, c) => (rows[r] && c >= 0 && c < 24 ? hourlyBucketOf(rows[r].date, c) : null) };
  }
  // Back from `from` to its Monday.
  const firstMonday = addDays(range.from, -((weekdayOf(range.from) + 6) % 7));
  const weeks = Math.ceil((daysBetween(firstMonday, range.to) + 1) / 7);
  const rows = Array.from({ length: weeks }, (_, i) => ({ date: addDays(firstMonday, i * 7) as string }));
  const columns = WEEK_ORDER.map((value) => ({ value }));
  return {
    granularity,
    rows,
    columns,
    bucketAt: (r, c) => {
      const row = rows[r];
      if (!row || c < 0 || c > 6) return null;
      const date = addDays(row.date, c);
      return date >= range.from && date <= range.to ? date : null;
    },
  };
}

// ---------------------------------------------------------------- values

export type CellProblem = 'notNumber' | 'negative' | 'notInteger' | 'tooLarge';
export type ParsedCell = { ok: true; value: number | null } | { ok: false; problem: CellProblem };

const FULLWIDTH_DIGITS = /[０-９]/g;

/**
 * Text typed or pasted into a cell → a whole number, or null for an emptied cell. Thousands separators,
 * spaces and the won sign or suffix are allowed (`57,000원`, `₩57,000`) because that is how Excel and
 * POS exports show money.
 */
export function parseCellText(text: string, measure: Measure): ParsedCell {
  // Separators anywhere; the currency only where it is written (₩ before, 원 or KRW after): 12원5 is a typo.
  const cleaned = text
    .replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s,]/gu, '')
    .replace(/^[₩￦]|^krw/iu, '')
    .replace(/(원|krw)$/iu, '');
  if (cleaned === '') return { ok: true, value: null };
  if (/^-\d/.test(cleaned) || /^\(\d.*\)$/.test(cleaned)) return { ok: false, problem: 'negative' };
  if (/^\d+\.\d+$/.test(cleaned)) return /^\d+\.0+$/.test(cleaned) ? { ok: true, value: checkMax(Number.parseInt(cleaned, 10), measure) } : { ok: false, problem: 'notInteger' };
  if (!/^\+?\d+$/.test(cleaned)) return { ok: false, problem: 'notNumber' };
  const value = Number(cleaned.replace(/^\+/, ''));
  const checked = checkMax(value, measure);
  return checked === null ? { ok: false, problem: 'tooLarge' } : { ok: true, value: checked };
}

function checkMax(value: number, measure: Measure): number | null {
  const max = measure === 'count' ? MAX_COUNT : MAX_AMOUNT_KRW;
  return Number.isSafeInteger(value) && value <= max ? value : null;
}

/** A block copied from Excel: rows by newline, cells by tab (a trailing newline is not a row). */
export function parseBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t').map((cell) => cell.replace(/^"(.*)"$/s, '$1')));
}

/** A block for Excel: plain digits, tabs between cells, a newline after each row. */
export function formatBlock(values: (number | null | undefined)[][]): string {
  return values.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))).join('\t')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------- edits

export type EditProblem = CellProblem | 'needsCount' | 'hasRevenue';
export type EditOutcome =
  | { ok: true; next: ActivityRecord | null; changed: boolean }
  | { ok: false; problem: EditProblem };

/**
 * One cell's new value applied to the record of its bucket. A count creates or changes the record; an
 * emptied count removes it, unless it still carries sales (that would throw the sales away with it).
 * Sales need the count first: a record without a count is not a record. An unchanged value writes
 * nothing, so typing the same number over an imported record keeps its provenance.
 */
export function applyCellValue(
  current: ActivityRecord | null | undefined,
  value: number | null,
  at: { bucket: string; channel: string; measure: Measure },
  provenance: Provenance,
): EditOutcome {
  if (at.measure === 'count') {
    if (value === null) {
      if (!current) return { ok: true, next: null, changed: false };
      if (current.revenue !== null && current.revenue !== undefined) return { ok: false, problem: 'hasRevenue' };
      return { ok: true, next: null, changed: true };
    }
    if (current && current.count === value) return { ok: true, next: current, changed: false };
    return { ok: true, next: withRevenue({ bucket: at.bucket as ActivityRecord['bucket'], channel: at.channel, count: value, provenance }, current?.revenue), changed: true };
  }
  if (value === null) {
    if (!current || current.revenue === null || current.revenue === undefined) return { ok: true, next: current ?? null, changed: false };
    return { ok: true, next: { bucket: current.bucket, channel: current.channel, count: current.count, provenance }, changed: true };
  }
  if (!current) return { ok: false, problem: 'needsCount' };
  if (current.revenue === value) return { ok: true, next: current, changed: false };
  return { ok: true, next: { bucket: current.bucket, channel: current.channel, count: current.count, revenue: value, provenance }, changed: true };
}

function withRevenue(record: ActivityRecord, revenue: number | null | undefined): ActivityRecord {
  return revenue === null || revenue === undefined ? record : { ...record, revenue };
}

export function valueOf(record: ActivityRecord | null | undefined, measure: Measure): number | null {
  if (!record) return null;
  if (measure === 'count') return record.count;
  return record.revenue ?? null;
}

/** `2022-10-15` → weekday 0-6 and the holiday names the official list gives. */
export function isWeekend(date: string): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}
