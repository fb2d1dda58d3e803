import type { TFunction } from 'i18next';
import { wonDigits } from '../core/model/money';
import { readJoined, textIn, type BilingualText } from '../core/model/common';
import { isDriverKind } from '../core/model/claimant';

/**
 * A KST timestamp in a list (added, saved, sent), in the reader's language, never shifted by the
 * machine's time zone: `2026. 12. 6. 15:28`. The 24-hour clock of the outage windows beside it
 * (formatKstMinute), so an evidence file's time reads against the window without 오후 to convert.
 */
export function formatKstDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (language === 'en' ? KST_DATE_TIME_EN : KST_DATE_TIME_KO).format(date);
}
const KST_DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' };
const KST_DATE_TIME_KO = new Intl.DateTimeFormat('ko-KR', KST_DATE_TIME_OPTIONS);
const KST_DATE_TIME_EN = new Intl.DateTimeFormat('en-GB', KST_DATE_TIME_OPTIONS);

export function formatBytes(bytes: number, t: TFunction): string {
  if (bytes < 1024) return t('bytes.b', { n: bytes });
  const units = [['bytes.kb', 1024], ['bytes.mb', 1024 ** 2], ['bytes.gb', 1024 ** 3]] as const;
  let chosen: (typeof units)[number] = units[0];
  for (const u of units) if (bytes >= u[1]) chosen = u;
  const n = bytes / chosen[1];
  return t(chosen[0], { n: n >= 100 ? Math.round(n) : Math.round(n * 10) / 10 });
}

/** Whole won with thousands separators: 210,750원 / ₩210,750. */
export function formatWon(won: number, language: string): string {
  const digits = wonDigits(won);
  return language === 'en' ? `₩${digits}` : `${digits}원`;
}

/**
 * The 만/억 reading of a won amount, as Koreans say it: 224,490 -> `22만 4,490원`; 123,456,789 ->
 * `1억 2,345만 6,789원`. English gets the same amount in thousands or millions.
 */
export function formatWonReading(won: number, language: string): string {
  const n = Math.round(Math.abs(won));
  const sign = won < 0 ? '-' : '';
  if (language === 'en') {
    if (n >= 1_000_000) return `${sign}≈ ₩${(n / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 2 })} million`;
    if (n >= 1_000) return `${sign}≈ ₩${(n / 1_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} thousand`;
    return `${sign}₩${n}`;
  }
  const eok = Math.floor(n / 100_000_000);
  const man = Math.floor((n % 100_000_000) / 10_000);
  const rest = n % 10_000;
  const parts: string[] = [];
  if (eok) parts.push(`${eok.toLocaleString('ko-KR')}억`);
  if (man) parts.push(`${man.toLocaleString('ko-KR')}만`);
  if (rest || parts.length === 0) parts.push(rest.toLocaleString('ko-KR'));
  return `${sign}${parts.join(' ')}원`;
}

/** A share of revenue as a percent: 0.05 -> `5%`, 0.035 -> `3.5%`. */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(2)).toLocaleString('en-US')}%`;
}

/** Orders or calls to one decimal (loss model section 1): 11 -> `11.0`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/**
 * The i18next context for what a claimant earns: `driver` (a taxi or designated driver's 수입, 평균 요금),
 * none for a shop (매출, 평균 객단가). Keys with a `_driver` twin read in the driver's words.
 */
export function earningsContext(kind: string | undefined): 'driver' | undefined {
  return isDriverKind(kind) ? 'driver' : undefined;
}

/** A KST instant with weekday, to the minute, 24-hour: `2022년 10월 15일 (토) 15:30` / `Sat, 15 Oct 2022, 15:30`. */
export function formatKstMinute(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (language === 'en') return KST_MINUTE_EN.format(date);
  const parts = KST_MINUTE_KO.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // Korean writes the weekday in brackets after the day (2022년 10월 15일 (토) 15:30); Intl gives it bare (15일 토 15:30).
  return `${part('year')}년 ${part('month')}월 ${part('day')}일 (${part('weekday')}) ${part('hour')}:${part('minute')}`;
}

const KST_MINUTE_OPTIONS: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Seoul', year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const KST_MINUTE_KO = new Intl.DateTimeFormat('ko-KR', KST_MINUTE_OPTIONS);
const KST_MINUTE_EN = new Intl.DateTimeFormat('en-GB', { ...KST_MINUTE_OPTIONS, month: 'short' });

/** A window `[start, end)` in KST: `2022년 10월 15일 (토) 15:30 – 2022년 10월 16일 (일) 21:30`. */
export function formatKstWindow(start: string, end: string, language: string): string {
  return `${formatKstMinute(start, language)} – ${formatKstMinute(end, language)}`;
}

/**
 * The reader's language of a core text: a `{ ko, en }` value through textIn (the one place that picks).
 * Only `{ ko, en }` is taken: a text stored or thrown in the joined "한국어 / English" shape is read into
 * `{ ko, en }` first where it comes in (readJoined for stored text, errorText for a caught error), so a
 * joined string cannot reach a screen unread.
 */
export function pickLanguage(text: BilingualText, language: string): string {
  return textIn(text, language);
}

/**
 * A caught error's text in both languages: our errors carry `text: { ko, en }`; any other error's message
 * (a library's, or one of ours that only takes a string, joined "한국어 / English") is read with readJoined.
 */
export function errorText(err: unknown): BilingualText {
  const text = (err as { text?: Partial<BilingualText> } | null)?.text;
  if (text && typeof text.ko === 'string' && typeof text.en === 'string') return { ko: text.ko, en: text.en };
  return readJoined(err instanceof Error ? err.message : String(err));
}
