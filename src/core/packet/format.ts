/** Display helpers for the packet (domain brief section 4): integer won with thousands separators, KST times. */
import { KST_OFFSET_MS } from '../time/kst';

export { formatWon } from '../model/money';

/** Digits only, for tables where the column header already says 원. */
export function formatNumber(value: number, fractionDigits = 0): string {
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [int, frac] = fixed.split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 && Number(fixed) !== 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** `2022-10-15 15:00` (KST) for an instant, never the machine's own zone. */
export function formatKst(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  const kst = new Date(date.getTime() + KST_OFFSET_MS).toISOString();
  return `${kst.slice(0, 10)} ${kst.slice(11, 16)}`;
}

/** `2022-11-01T09:30:00+09:00`: the manifest's time stamp, KST with an explicit offset. */
export function isoKst(at: Date): string {
  const kst = new Date(at.getTime() + KST_OFFSET_MS).toISOString();
  return `${kst.slice(0, 19)}+09:00`;
}

const ESTIMATOR_KO: Record<string, string> = { mean: '평균', median: '중앙값', trimmed: '최저·최고 제외 평균' };

/** The estimator of the reference values in words: `mean` reads `평균` (never the raw setting). */
export function estimatorKo(estimator: string): string {
  return ESTIMATOR_KO[estimator] ?? '평균';
}

const WEEKDAY_KO = ['일', '월', '화', '수', '목', '금', '토'];

/** `2022-10-15(토)` from a `YYYY-MM-DD` calendar date. */
export function formatDateKo(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return `${day.slice(0, 10)}(${WEEKDAY_KO[date.getUTCDay()]})`;
}

/** A bucket label: `10-15 20시` for an hourly bucket, `10-15(토)` for a daily one. */
export function formatBucket(bucket: string): string {
  if (bucket.length === 10) return formatDateKo(bucket).slice(5);
  return `${bucket.slice(5, 10)} ${bucket.slice(11, 13)}시`;
}
