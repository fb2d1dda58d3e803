import { formatKstInstant, isKstDate, type KstDate } from '../time/kst';
import { bi, joined, type BilingualText } from '../model/common';

/** The KST calendar day of an injected clock: the tracker never reads the machine's clock or time zone. */
export function kstToday(now: Date): KstDate {
  if (Number.isNaN(now.getTime())) throw new RangeError(bi('잘못된 시각이에요', `invalid clock: ${String(now)}`));
  const day = formatKstInstant(now.getTime()).slice(0, 10);
  if (!isKstDate(day)) throw new RangeError(bi('잘못된 시각이에요', `invalid clock: ${String(now)}`));
  return day;
}

/** `2022-11-01T09:30+09:00` for the injected clock, as a submission's `sentAt`. */
export function kstInstant(now: Date): string {
  return formatKstInstant(Math.floor(now.getTime() / 60_000) * 60_000);
}

/**
 * A submission the tracker refuses, with the reason as `{ ko, en }` (`text`, for the screens) and, for logs
 * and the CLI, `message`: the field at fault, then the reason joined "한국어 / English".
 */
export class TrackerInputError extends Error {
  override name = 'TrackerInputError';
  readonly text: BilingualText;
  constructor(reason: BilingualText, where?: string) {
    super(where ? `${where}: ${joined(reason)}` : joined(reason));
    this.text = where ? { ko: `${where}: ${reason.ko}`, en: reason.en && `${where}: ${reason.en}` } : reason;
  }
}
