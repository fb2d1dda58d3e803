import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { bucketParts } from '../charts/format';

type WeekdayKey = 'baseline.weekdays.d0';
const weekdayKey = (w: number) => `baseline.weekdays.d${w}` as WeekdayKey;

/** `10월 15일 (토)` / `Sat 15/10` for a KST date (read as text, never through the machine's zone). */
export function longDate(date: string, t: TFunction): string {
  const p = bucketParts(date);
  return t('baseline.dateLong', { month: p.month, day: p.day, weekday: t(weekdayKey(p.weekday)) });
}

export function shortDate(date: string, t: TFunction): string {
  const p = bucketParts(date);
  return t('baseline.dateShort', { month: p.month, day: p.day });
}

/** Axis label of a bucket: `15일 20시` for an hour, `15일 (토)` for a day. */
export function bucketLabel(bucket: string, t: TFunction): string {
  const p = bucketParts(bucket);
  if (p.hour === null) return t('baseline.chart.dayLabel', { day: p.day, weekday: t(weekdayKey(p.weekday)) });
  return t('baseline.chart.hourLabel', { day: p.day, hour: p.hour });
}

export function useDateText() {
  const { t } = useTranslation();
  return { long: (d: string) => longDate(d, t), short: (d: string) => shortDate(d, t), bucket: (b: string) => bucketLabel(b, t) };
}

/** The reader's language of an engine text: the one picker, in ui/format. */
export { pickLanguage as inLanguage } from '../format';
