import { describe, expect, it } from 'vitest';
import {
  addDays, dateOfEpochDay, enumerateDays, enumerateHours, epochDayOf, epochHourOf, formatKstInstant,
  hourOfEpochHour, isKstDate, isKstHour, kstHourOfDay, parseInstant, weekdayOf, daysBetween, epochDayOfEpochHour,
} from '../../../src/core/time/kst';
import { holidayNames, isPublicHoliday, hasHolidayData } from '../../../src/core/time/holidays';

describe('KST buckets', () => {
  it('names an hour by its KST start and round-trips through epoch hours', () => {
    const h = epochHourOf('2022-10-15T20:00+09:00');
    expect(h * 3_600_000).toBe(Date.parse('2022-10-15T11:00:00Z'));
    expect(hourOfEpochHour(h)).toBe('2022-10-15T20:00+09:00');
    expect(hourOfEpochHour(h + 4)).toBe('2022-10-16T00:00+09:00');
    expect(kstHourOfDay(h + 4)).toBe(0);
    expect(dateOfEpochDay(epochDayOfEpochHour(h + 4))).toBe('2022-10-16');
    // 08:59 KST on the 16th is still the 16th in KST although it is the 15th in UTC.
    expect(dateOfEpochDay(epochDayOfEpochHour(epochHourOf('2022-10-16T08:00+09:00')))).toBe('2022-10-16');
  });

  it('counts edge buckets whole on both sides (loss model section 2)', () => {
    const hours = enumerateHours(parseInstant('2022-10-15T15:30+09:00'), parseInstant('2022-10-16T01:31+09:00'));
    expect(hours.map(hourOfEpochHour)[0]).toBe('2022-10-15T15:00+09:00');
    expect(hours.map(hourOfEpochHour).at(-1)).toBe('2022-10-16T01:00+09:00');
    expect(hours).toHaveLength(11);
    const exact = enumerateHours(parseInstant('2022-10-15T20:00+09:00'), parseInstant('2022-10-16T02:00+09:00'));
    expect(exact).toHaveLength(6);
    expect(enumerateHours(10, 10)).toEqual([]);
    const days = enumerateDays(parseInstant('2022-10-15T15:30+09:00'), parseInstant('2022-10-20T23:00+09:00'));
    expect(days.map(dateOfEpochDay)).toEqual(['2022-10-15', '2022-10-16', '2022-10-17', '2022-10-18', '2022-10-19', '2022-10-20']);
    // A window ending exactly at midnight does not touch the next day.
    expect(enumerateDays(parseInstant('2022-10-15T00:00+09:00'), parseInstant('2022-10-16T00:00+09:00'))).toHaveLength(1);
  });

  it('reads instants with any explicit offset and refuses ones without', () => {
    expect(parseInstant('2022-10-15T06:30Z')).toBe(parseInstant('2022-10-15T15:30+09:00'));
    expect(formatKstInstant(parseInstant('2022-10-15T06:30Z'))).toBe('2022-10-15T15:30+09:00');
    expect(() => parseInstant('2022-10-15T15:30')).toThrow(/offset/);
    expect(() => parseInstant('2022-10-15 15:30+09:00')).toThrow();
  });

  it('does weekday and date arithmetic on the KST calendar', () => {
    expect(weekdayOf('2022-10-15')).toBe(6); // Saturday
    expect(weekdayOf('2022-10-16')).toBe(0);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(addDays('2022-10-15', -7)).toBe('2022-10-08');
    expect(addDays('2022-02-28', 1)).toBe('2022-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(daysBetween('2022-09-01', '2022-10-31')).toBe(60);
    expect(epochDayOf('1970-01-02')).toBe(1);
  });

  it('validates bucket strings, including impossible dates', () => {
    expect(isKstDate('2022-10-15')).toBe(true);
    expect(isKstDate('2022-02-30')).toBe(false);
    expect(isKstDate('2022-13-01')).toBe(false);
    expect(isKstHour('2022-10-15T20:00+09:00')).toBe(true);
    expect(isKstHour('2022-10-15T24:00+09:00')).toBe(false);
    expect(isKstHour('2022-10-15T20:30+09:00')).toBe(false);
    expect(isKstHour('2022-10-15T20:00Z')).toBe(false);
  });
});

describe('Korean public holidays (@hyunbinseo/holidays-kr)', () => {
  it('knows the autumn 2022 holidays that distort baselines', () => {
    for (const d of ['2022-09-09', '2022-09-10', '2022-09-11', '2022-09-12', '2022-10-03', '2022-10-09', '2022-10-10']) {
      expect(isPublicHoliday(d), d).toBe(true);
    }
    expect(holidayNames('2022-10-09')).toEqual(['한글날']);
    expect(holidayNames('2022-10-10')?.[0]).toContain('대체공휴일');
    for (const d of ['2022-09-08', '2022-09-13', '2022-10-08', '2022-10-15', '2022-10-16']) expect(isPublicHoliday(d), d).toBe(false);
  });

  it('says which years it has no list for', () => {
    expect(hasHolidayData(2022)).toBe(true);
    expect(hasHolidayData(2040)).toBe(false);
    expect(isPublicHoliday('2040-01-01')).toBe(false);
  });
});
