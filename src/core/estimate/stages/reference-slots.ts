/**
 * Section 3.1: the reference slot of a bucket on a reference date is the same hour of day (or the date
 * itself for a daily claim). Lookups are memoized: the expected-value loop runs per bucket and week.
 */
import { dateOfEpochDay, epochDayOf, firstEpochHourOfDay, kstHourOfDay } from '../../time/kst';
import type { ClaimBuckets } from './claim-window';

export interface ReferenceSlots {
  /** The reference dates of the date a bucket falls on (empty when it has none). */
  refsOf(key: number): string[];
  /** The bucket key of `key`'s slot on reference date `ref`. */
  slotKey(key: number, ref: string): number;
}

export function referenceSlots(buckets: Pick<ClaimBuckets, 'hourly' | 'dayOfKey'>, byDate: Readonly<Record<string, string[]>>): ReferenceSlots {
  const refDayCache = new Map<string, number>();
  const refDay = (ref: string): number => {
    let d = refDayCache.get(ref);
    if (d === undefined) refDayCache.set(ref, (d = epochDayOf(ref)));
    return d;
  };
  const dateNameCache = new Map<number, string>();
  return {
    refsOf(key) {
      const day = buckets.dayOfKey(key);
      let name = dateNameCache.get(day);
      if (name === undefined) dateNameCache.set(day, (name = dateOfEpochDay(day)));
      return byDate[name] ?? [];
    },
    slotKey: (key, ref) => (buckets.hourly ? firstEpochHourOfDay(refDay(ref)) + kstHourOfDay(key) : refDay(ref)),
  };
}
