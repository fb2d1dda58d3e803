import { describe, expect, it } from 'vitest';
import { dateOfEpochDay, epochDayOf, epochHourOf, hourOfEpochHour, parseInstant } from '../../../src/core/time/kst';

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

/** Hours and instants are remembered too (issue 18, round 8): same answers, bad input still rejected. */
describe('remembered hour and instant conversions', () => {
  it('give the same answers as the calendar, asked once or again, past the table emptying itself', () => {
    const first = 460_000; // 2022-06-23T16:00Z
    for (let pass = 0; pass < 2; pass++) {
      for (let h = first; h < first + 21_000; h += 1) {
        const hour = `${new Date(h * 3_600_000 + 9 * 3_600_000).toISOString().slice(0, 13)}:00+09:00`;
        expect(hourOfEpochHour(h)).toBe(hour);
        expect(epochHourOf(hour)).toBe(h);
        expect(parseInstant(hour)).toBe(h * 3_600_000);
      }
    }
    expect(parseInstant('2022-10-15T06:27:05Z')).toBe(Date.UTC(2022, 9, 15, 6, 27, 5));
  });

  it('still rejects a bad hour or instant every time, after good ones were remembered', () => {
    expect(epochHourOf('2022-10-15T15:00+09:00')).toBe(epochHourOf('2022-10-15T15:00+09:00'));
    expect(parseInstant('2022-10-15T15:30+09:00')).toBe(Date.UTC(2022, 9, 15, 6, 30));
    for (let i = 0; i < 2; i++) {
      expect(() => epochHourOf('2022-10-15T24:00+09:00')).toThrow(RangeError);
      expect(() => epochHourOf('2022-02-30T10:00+09:00')).toThrow(RangeError);
      expect(() => parseInstant('2022-10-15T15:30')).toThrow(RangeError);
      expect(() => parseInstant('2022-10-15T15:60+09:00')).toThrow(RangeError);
    }
  });
});
