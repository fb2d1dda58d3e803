import { describe, expect, it } from 'vitest';
import { dateOfEpochDay, epochDayOf } from '../../../src/core/time/kst';

/** The day conversions keep results they computed (for speed): the answers must not change, even past the cap. */
describe('KST day conversions with their caches', () => {
  it('gives the same answers as the calendar, the second time and after more than 4,096 distinct days', () => {
    const start = Date.UTC(2010, 0, 1) / 86_400_000;
    for (let round = 0; round < 2; round++) {
      for (let d = start; d < start + 5000; d += 1) {
        const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
        expect(dateOfEpochDay(d)).toBe(iso);
        expect(epochDayOf(iso)).toBe(d);
      }
    }
  });

  it('throws for a bad date every time (a failure is never remembered as a value)', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => epochDayOf('2022-02-30')).toThrow(/not a date: 2022-02-30/);
      expect(() => dateOfEpochDay(Number.NaN)).toThrow(RangeError);
    }
  });
});
