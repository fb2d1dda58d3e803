import type { Box, OcrEngine, OcrPass, OcrWord, ReadValue, ScreenLayout, ScreenReading, ScreenRow } from './types';
import { ScreenshotError } from './types';
import { formatWon, wonDigits } from '../model/money';

/** Phone screenshots are a few MB at most; a 30 MB "screenshot" is something else, refused before OCR. */
export const MAX_SCREENSHOT_BYTES = 15 * 1024 * 1024;

/** Below this engine confidence a value read only once is shown flagged in the review table. */
export const SURE_CONFIDENCE = 90;

export type ImageKind = 'png' | 'jpeg';

/** Checks the bytes are a PNG or JPEG of a plausible size before any OCR runs. */
export function checkScreenshotBytes(bytes: Uint8Array, name: string): ImageKind {
  if (bytes.length > MAX_SCREENSHOT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw new ScreenshotError('too-large', `${name}: ${mb} MB는 화면 캡처로 보기엔 너무 커요 (15 MB까지)`, `${name}: ${mb} MB is too large for a screenshot (15 MB at most)`);
  }
  const b = bytes;
  if (b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length > 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) {
    throw new ScreenshotError('not-an-image', `${name}: 이름은 그림 파일이지만 내용은 PDF예요. PNG나 JPEG 화면 캡처를 골라 주세요`, `${name}: named like an image but it is a PDF; pick a PNG or JPEG screenshot`);
  }
  throw new ScreenshotError('not-an-image', `${name}: PNG나 JPEG 그림이 아니에요`, `${name}: not a PNG or JPEG image`);
}

// ---------------------------------------------------------------------------------------------------
// Tokens

/** Letters OCR confuses with digits, read as digits where a number is expected. */
function digitsOnly(text: string): string {
  return text.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1').replace(/[_~'"`]+$/g, '').replace(/^[_~'"`]+/g, '');
}

type Token =
  | { kind: 'time'; value: string; exact: boolean; word: OcrWord }
  | { kind: 'amount'; value: number; word: OcrWord }
  | { kind: 'count'; value: number; word: OcrWord }
  | { kind: 'number'; value: number; word: OcrWord }
  | { kind: 'full-date'; value: string; word: OcrWord }
  | { kind: 'month-day'; month: number; day: number; word: OcrWord };

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function tokenOf(word: OcrWord, next: OcrWord | undefined, first: boolean): Token | null {
  const raw = word.text.trim();
  const text = digitsOnly(raw.replace(/[()（）]/g, ''));
  let m = /^(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})\.?$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? { kind: 'full-date', value: `${y}-${pad(mo)}-${pad(d)}`, word } : null;
  }
  // 09.15 (목): a month and day in a month's list (the weekday in brackets follows).
  m = /^(\d{1,2})\.(\d{1,2})$/.exec(text);
  if (m && next?.text.trim().startsWith('(')) return { kind: 'month-day', month: Number(m[1]), day: Number(m[2]), word };
  // A time at a row's start: 18:18 exactly, or with the colon misread (18;18, 1818, 18118), kept but not trusted alone.
  m = /^(\d{1,2})\s*([:;.]+)\s*(\d{2})$/.exec(text) ?? (first ? /^(\d{2})()(\d{2})$/.exec(text) ?? /^(\d{2})([1])(\d{2})$/.exec(text) : null);
  if (m && first && Number(m[1]) < 24 && Number(m[3]) < 60) return { kind: 'time', value: `${pad(Number(m[1]))}:${m[3]}`, exact: m[2] === ':', word };
  // Amounts: grouped digits, with 원 attached, beside, or misread as a trailing character or two.
  m = /^(\d{1,3}(?:,\d{3})+)(원|.{0,2})$/.exec(text) ?? /^(\d+)(원)$/.exec(text);
  if (m) return { kind: 'amount', value: Number(m[1]!.replaceAll(',', '')), word };
  m = /^(\d+)$/.exec(text);
  if (m) {
    const value = Number(m[1]);
    if (next?.text.trim() === '원') return { kind: 'amount', value, word };
    if (next?.text.trim().startsWith('건')) return { kind: 'count', value, word };
    return { kind: 'number', value, word };
  }
  m = /^(\d+)건$/.exec(text);
  if (m) return { kind: 'count', value: Number(m[1]), word };
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Rows: words grouped by the band they sit in (the engines' own line grouping merges or drops rows).

type Line = { words: OcrWord[]; bbox: Box; text: string; tokens: Token[] };

function union(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

function linesOf(pass: OcrPass): Line[] {
  const words = pass.words.filter((w) => w.text.trim() && w.bbox.y1 > w.bbox.y0).sort((a, b) => (a.bbox.y0 + a.bbox.y1) / 2 - (b.bbox.y0 + b.bbox.y1) / 2);
  const groups: { words: OcrWord[]; bbox: Box }[] = [];
  for (const w of words) {
    const last = groups[groups.length - 1];
    // A row's words sit on one baseline at different sizes (a small route beside a big fare): a word joins the
    // row when a third of its height overlaps it.
    const overlap = last ? Math.min(last.bbox.y1, w.bbox.y1) - Math.max(last.bbox.y0, w.bbox.y0) : 0;
    if (last && overlap >= 0.3 * Math.min(w.bbox.y1 - w.bbox.y0, last.bbox.y1 - last.bbox.y0)) {
      last.words.push(w);
      last.bbox = union(last.bbox, w.bbox);
    } else {
      groups.push({ words: [w], bbox: { ...w.bbox } });
    }
  }
  return groups.map((g) => {
    const sorted = g.words.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    const tokens: Token[] = [];
    sorted.forEach((w, i) => {
      const t = tokenOf(w, sorted[i + 1], i === 0);
      if (t) tokens.push(t);
    });
    return { words: sorted, bbox: g.bbox, text: sorted.map((w) => w.text).join(' '), tokens };
  });
}

// ---------------------------------------------------------------------------------------------------
// One pass read as a layout

type PassRow = { bbox: Box; date?: { value: string; word: OcrWord }; time?: { value: string; exact: boolean; word: OcrWord }; count?: { value: number; word: OcrWord }; amount: { value: number; word: OcrWord } };
type PassReading = { layout: ScreenLayout; headerDate?: string; month?: { year: number; month: number }; summary?: { count?: number; amount?: number; bbox: Box }; rows: PassRow[] };

function readPass(pass: OcrPass): PassReading | null {
  const lines = linesOf(pass);
  const trips: PassRow[] = [];
  const monthRows: (PassRow & { md: { month: number; day: number } })[] = [];
  const cardRows: PassRow[] = [];
  let headerDate: string | undefined;
  let month: { year: number; month: number } | undefined;
  let summary: { count?: number; amount?: number; bbox: Box } | undefined;
  /** Rows with an amount and nothing else recognised: a trip whose time was not read, in a trip list. */
  const loose: PassRow[] = [];
  for (const line of lines) {
    const t = line.tokens;
    const amount = [...t].reverse().find((x) => x.kind === 'amount') as Extract<Token, { kind: 'amount' }> | undefined;
    const first = t[0];
    const ym = /(\d{4})\s*년\s*(\d{1,2})\s*월/.exec(line.text);
    if (ym && !amount) month = { year: Number(ym[1]), month: Number(ym[2]) };
    if (first?.kind === 'full-date' && !amount) {
      headerDate ??= first.value;
      continue;
    }
    if (!amount) continue;
    if (first?.kind === 'time') {
      trips.push({ bbox: line.bbox, time: { value: first.value, exact: first.exact, word: first.word }, count: undefined, amount: { value: amount.value, word: amount.word } });
      continue;
    }
    if (first?.kind === 'month-day') {
      const count = t.find((x) => x.kind === 'count');
      monthRows.push({ bbox: line.bbox, md: { month: first.month, day: first.day }, ...(count ? { count: { value: count.value, word: count.word } } : {}), amount: { value: amount.value, word: amount.word } });
      continue;
    }
    if (first?.kind === 'full-date') {
      const count = t.find((x) => x.kind === 'number' || x.kind === 'count');
      cardRows.push({ bbox: line.bbox, date: { value: first.value, word: first.word }, ...(count && (count.kind === 'number' || count.kind === 'count') ? { count: { value: count.value, word: count.word } } : {}), amount: { value: amount.value, word: amount.word } });
      continue;
    }
    const count = t.find((x) => x.kind === 'count');
    if (count && !summary) summary = { count: count.value, amount: amount.value, bbox: line.bbox };
    else if (!count && (headerDate || trips.length)) {
      const leading = first?.kind === 'number' ? { value: first.value, word: first.word } : undefined;
      loose.push({ bbox: line.bbox, ...(leading ? { count: leading } : {}), amount: { value: amount.value, word: amount.word } });
    }
  }
  const best = Math.max(trips.length, monthRows.length, cardRows.length);
  if (best === 0) return null;
  if (trips.length === best) {
    // The summary card when its 건 was misread: the top row above every timed trip, its amount the largest.
    const firstTrip = Math.min(...trips.map((r) => r.bbox.y0));
    const top = loose.filter((r) => r.bbox.y1 <= firstTrip).sort((x, y) => x.bbox.y0 - y.bbox.y0)[0];
    if (!summary && top && [...trips, ...loose].every((r) => r.amount.value <= top.amount.value) && trips.length + loose.length > 2) {
      summary = { ...(top.count ? { count: top.count.value } : {}), amount: top.amount.value, bbox: top.bbox };
      loose.splice(loose.indexOf(top), 1);
    }
    const rows = [...trips, ...loose].sort((x, y) => x.bbox.y0 - y.bbox.y0);
    return { layout: 'trip-list', ...(headerDate ? { headerDate } : {}), ...(summary ? { summary } : {}), rows };
  }
  if (cardRows.length === best) return { layout: 'card-sales', rows: cardRows };
  const rows = monthRows.map(({ md, ...row }) => {
    const date = month && validDate(month.year, md.month, md.day) ? `${month.year}-${pad(md.month)}-${pad(md.day)}` : undefined;
    return { ...row, ...(date ? { date: { value: date, word: row.amount.word } } : {}) };
  });
  return { layout: 'month-summary', ...(month ? { month } : {}), ...(summary ? { summary } : {}), rows };
}

// ---------------------------------------------------------------------------------------------------
// Two passes merged: a value both read alike is trusted; one read once is trusted only when sure.

function overlaps(a: Box, b: Box): boolean {
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return h > 0.4 * Math.min(a.y1 - a.y0, b.y1 - b.y0);
}

const DISAGREE = { ko: '두 번 읽은 값이 달라요', en: 'the two readings differ' } as const;
const ONCE = { ko: '한 번만 읽혔고 확실하지 않아요', en: 'read once, not sure' } as const;
const MISSING = { ko: '읽지 못했어요', en: 'could not read it' } as const;

function merge<T>(a: { value: T; word: OcrWord } | undefined, b: { value: T; word: OcrWord } | undefined, fallback: T): ReadValue<T> {
  if (a && b) {
    // Two independent readings agreeing are as sure as the surer of them.
    if (a.value === b.value) return { value: a.value, confidence: Math.max(a.word.confidence, b.word.confidence), flagged: false, bbox: a.word.bbox };
    const pick = a.word.confidence >= b.word.confidence ? a : b;
    return { value: pick.value, confidence: Math.min(pick.word.confidence, 50), flagged: true, reason: DISAGREE, bbox: pick.word.bbox };
  }
  const one = a ?? b;
  if (!one) return { value: fallback, confidence: 0, flagged: true, reason: MISSING, bbox: null };
  const sure = one.word.confidence >= SURE_CONFIDENCE;
  return { value: one.value, confidence: one.word.confidence, flagged: !sure, ...(sure ? {} : { reason: ONCE }), bbox: one.word.bbox };
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * Day offsets of a trip list's rows: the list is one shift in time order (oldest or newest first), so where
 * the clock wraps past midnight the later trips belong to the next calendar date.
 */
export function midnightOffsets(times: readonly (string | null)[]): number[] {
  const minutes = times.map((t) => (t ? Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)) : null));
  const known = minutes.filter((m): m is number => m !== null);
  let up = 0;
  let down = 0;
  for (let i = 1; i < known.length; i++) {
    const d = known[i]! - known[i - 1]!;
    if ((d > 0 && d < 720) || d < -720) up++;
    else if ((d < 0 && d > -720) || d > 720) down++;
  }
  const offsets = new Array<number>(times.length).fill(0);
  let prev: number | null = null;
  if (up >= down) {
    let offset = 0;
    minutes.forEach((m, i) => {
      if (m !== null && prev !== null && m - prev < -720) offset++;
      if (m !== null) prev = m;
      offsets[i] = offset;
    });
  } else {
    let offset = 0;
    for (let i = minutes.length - 1; i >= 0; i--) {
      const m = minutes[i]!;
      if (m !== null && prev !== null && m - prev < -720) offset++;
      if (m !== null) prev = m;
      offsets[i] = offset;
    }
  }
  return offsets;
}

function unflagged<T>(v: ReadValue<T>): ReadValue<T> {
  const { reason: _reason, ...rest } = v;
  return { ...rest, flagged: false };
}

/** Reads one screenshot: the image is checked, read twice by the engine, and the readings merged. */
export async function readScreenshot(bytes: Uint8Array, name: string, engine: OcrEngine): Promise<ScreenReading> {
  checkScreenshotBytes(bytes, name);
  const [korean, latin] = await Promise.all([engine.recognize(bytes, 'korean'), engine.recognize(bytes, 'latin')]);
  return mergeReadings(readPass(korean), readPass(latin), name);
}

export function mergeReadings(a: PassReading | null, b: PassReading | null, name: string): ScreenReading {
  const primary = a && b ? (a.rows.length >= b.rows.length ? a : b) : (a ?? b);
  if (!primary || primary.rows.length === 0) {
    throw new ScreenshotError(
      'not-a-trip-history',
      `${name}: 운행 내역이나 매출 조회 화면으로 보이지 않아요 (돌아가 있거나 잘린 화면일 수도 있어요). 기록을 만들지 않았어요`,
      `${name}: does not look like a trip history or sales lookup (it may be rotated or cropped); no records were made`,
    );
  }
  const other = primary === a ? b : a;
  // The screen's summary row (20건 364,580원) is not a trip, whichever pass recognised it as the summary.
  const summaries = [primary.summary?.bbox, other?.summary?.bbox].filter((b): b is Box => !!b);
  const notSummary = (r: PassRow) => !summaries.some((b) => overlaps(b, r.bbox));
  primary.rows = primary.rows.filter(notSummary);
  const otherRows = other && other.layout === primary.layout ? other.rows.filter(notSummary) : [];
  const headerDate = primary.headerDate ?? other?.headerDate;
  const month = primary.layout === 'month-summary' ? ((primary.month ?? other?.month) ?? null) : null;
  if (primary.layout === 'trip-list' && !headerDate) {
    throw new ScreenshotError('no-date', `${name}: 운행 내역의 날짜가 보이지 않아요 (위쪽이 잘렸나요?). 날짜가 보이게 캡처해 주세요`, `${name}: the trip list's date is not visible (cropped at the top?); capture it with the date`);
  }
  if (primary.layout === 'month-summary' && !month) {
    throw new ScreenshotError('no-date', `${name}: 월별 내역의 연도와 월이 보이지 않아요 (위쪽이 잘렸나요?)`, `${name}: the month's year and month are not visible (cropped at the top?)`);
  }
  const used = new Set<PassRow>();
  let rows: ScreenRow[] = primary.rows.map((row) => {
    const twin = otherRows.find((o) => !used.has(o) && overlaps(o.bbox, row.bbox));
    if (twin) used.add(twin);
    const bbox = twin ? union(row.bbox, twin.bbox) : row.bbox;
    const amount = merge(row.amount, twin?.amount, 0);
    const time = primary.layout === 'trip-list' ? merge(row.time && { value: row.time.value, word: row.time.word }, twin?.time && { value: twin.time.value, word: twin.time.word }, '') : null;
    if (time && !time.flagged && !(row.time?.exact ?? true) && !(twin?.time?.exact ?? true)) Object.assign(time, { flagged: true, reason: ONCE });
    const count = primary.layout === 'trip-list' ? { value: 1, confidence: 100, flagged: false, bbox: null } : merge(row.count, twin?.count, 0);
    const date: ReadValue<string> = primary.layout === 'trip-list' ? { value: headerDate!, confidence: 100, flagged: false, bbox: null } : merge(row.date, twin?.date, '');
    return { date, time, count, amount, bbox: { ...bbox, x0: 0 } };
  });
  // Rows only the other pass found, in place by their position.
  for (const o of otherRows) {
    if (used.has(o)) continue;
    const time = primary.layout === 'trip-list' ? merge(o.time && { value: o.time.value, word: o.time.word }, undefined, '') : null;
    rows.push({
      date: primary.layout === 'trip-list' ? { value: headerDate!, confidence: 100, flagged: false, bbox: null } : merge(o.date, undefined, ''),
      time,
      count: primary.layout === 'trip-list' ? { value: 1, confidence: 100, flagged: false, bbox: null } : merge(o.count, undefined, 0),
      amount: merge(o.amount, undefined, 0),
      bbox: { ...o.bbox, x0: 0 },
    });
  }
  rows.sort((x, y) => x.bbox.y0 - y.bbox.y0);

  const checks: ScreenReading['checks'] = [];
  if (primary.layout === 'trip-list') {
    const offsets = midnightOffsets(rows.map((r) => (r.time && r.time.value ? r.time.value : null)));
    rows = rows.map((r, i) => (offsets[i] ? { ...r, date: { ...r.date, value: addDays(headerDate!, offsets[i]!) } } : r));
    const summary = primary.summary ?? other?.summary;
    if (summary?.amount !== undefined) {
      const total = rows.reduce((s, r) => s + r.amount.value, 0);
      // Two summaries (one per reading) may differ in the count they read; either agreeing is enough.
      const counts = [primary.summary?.count, other?.summary?.count].filter((c): c is number => c !== undefined);
      const amounts = [primary.summary?.amount, other?.summary?.amount].filter((c): c is number => c !== undefined);
      const ok = amounts.includes(total) && (counts.length === 0 || counts.includes(rows.length));
      checks.push({
        ok,
        ko: ok ? `운행 ${rows.length}건, 합계 ${formatWon(total)}이 화면의 합계와 같아요` : `읽은 운행 ${rows.length}건 합계 ${formatWon(total)}이 화면의 합계(${summary.count ?? '?'}건, ${formatWon(summary.amount)})와 달라요`,
        en: ok ? `${rows.length} trips totalling ${wonDigits(total)} KRW match the screen's total` : `the ${rows.length} trips read total ${wonDigits(total)} KRW; the screen says ${summary.count ?? '?'} trips, ${wonDigits(summary.amount)} KRW`,
      });
      // The screen's own total confirms every fare at once.
      if (ok) rows = rows.map((r) => ({ ...r, amount: unflagged(r.amount) }));
    }
  } else if (month) {
    rows = rows.map((r) => (r.date.value.startsWith(`${month.year}-`) ? r : { ...r, date: { ...r.date, flagged: true, reason: MISSING } }));
  }
  const confidence = Math.min(...rows.flatMap((r) => [r.amount.confidence, r.count.confidence, r.date.confidence, ...(r.time ? [r.time.confidence] : [])]));
  return { layout: primary.layout, rows, checks, confidence: Math.round(confidence) };
}
