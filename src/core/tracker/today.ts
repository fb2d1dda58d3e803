import { formatKstInstant, isKstDate, type KstDate } from '../time/kst';

/** The KST calendar day of an injected clock: the tracker never reads the machine's clock or time zone. */
export function kstToday(now: Date): KstDate {
  if (Number.isNaN(now.getTime())) throw new RangeError(`잘못된 시각이에요 / invalid clock: ${String(now)}`);
  const day = formatKstInstant(now.getTime()).slice(0, 10);
  if (!isKstDate(day)) throw new RangeError(`잘못된 시각이에요 / invalid clock: ${String(now)}`);
  return day;
}

/** `2022-11-01T09:30+09:00` for the injected clock, as a submission's `sentAt`. */
export function kstInstant(now: Date): string {
  return formatKstInstant(Math.floor(now.getTime() / 60_000) * 60_000);
}

export class TrackerInputError extends Error {
  override name = 'TrackerInputError';
}
