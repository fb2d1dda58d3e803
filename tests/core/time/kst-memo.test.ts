import { describe, expect, it } from 'vitest';
import { dateOfEpochDay, epochDayOf } from '../../../src/core/time/kst';

/** epochDayOf / dateOfEpochDay remember what they converted (issue 18, round 7); the answers must not change. */
describe('remembered day conversions', () => {
  it('give the same answers as the calendar, asked once or again, past the table emptying itself', () => {
    for (let pass = 0; pass < 2; pass++) {
      for (let day = -400; day < 25_000; day += 1) {
        const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(dateOfEpochDay(day)).toBe(date);
        expect(epochDayOf(date)).toBe(day);
      }
    }
  });

  it('still rejects a bad date every time, even one that looks like a remembered one', () => {
    expect(epochDayOf('2022-10-15')).toBe(19280);
    for (let i = 0; i < 2; i++) {
      expect(() => epochDayOf('2022-02-30')).toThrow(RangeError);
      expect(() => epochDayOf('2022-10-15 ')).toThrow(RangeError);
    }
    expect(() => dateOfEpochDay(Number.NaN)).toThrow(RangeError);
  });
});
