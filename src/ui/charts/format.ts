/**
 * Number and time labels for charts. Money ticks are short (Korean 만/억 units, English compact) while
 * tooltips and tables keep the exact won; bucket names are read as KST text, never through the
 * machine's time zone.
 */
import { formatWon, wonDigits } from '../../core/model/money';
import { weekdayOf } from '../../core/time/kst';

function trimDecimal(n: number, digits: number): string {
  return Number(n.toFixed(digits)).toLocaleString('ko-KR', { maximumFractionDigits: digits });
}

/** Axis ticks: `32.5만 원`, `1.2억 원`, `5,000원`; English `₩325K`. */
export function formatAxisWon(value: number, language: string): string {
  if (language === 'en') {
    return `₩${new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(value)}`;
  }
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trimDecimal(value / 1e8, 2)}억 원`;
  if (abs >= 1e4) return `${trimDecimal(value / 1e4, 1)}만 원`;
  return formatWon(value);
}

/** Bar labels, shorter still: `461만`, `1.2억`; English `₩4.61M`. Exact figures stay in the table. */
export function formatShortWon(value: number, language: string): string {
  if (language === 'en') {
    return `₩${new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 }).format(value)}`;
  }
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${trimDecimal(value / 1e8, 2)}억`;
  if (abs >= 1e4) return `${trimDecimal(value / 1e4, 1)}만`;
  return wonDigits(value);
}

export interface BucketParts {
  year: number;
  month: number;
  day: number;
  /** null for a daily bucket */
  hour: number | null;
  /** 0 Sunday ... 6 Saturday */
  weekday: number;
}

/** `2022-10-15T20:00+09:00` or `2022-10-15` split into its KST parts. */
export function bucketParts(bucket: string): BucketParts {
  const date = bucket.slice(0, 10);
  const hour = bucket.length > 10 ? Number(bucket.slice(11, 13)) : null;
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)), hour, weekday: weekdayOf(date) };
}
