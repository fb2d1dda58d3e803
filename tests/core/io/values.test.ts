import { afterEach, describe, expect, it } from 'vitest';
import { excelSerialParts, parseAmount, parseCount, parseDate, parseDateTime, parseHour, type Parsed } from '../../../src/core/io/values';
import { joined } from '../../../src/core/model/common';

const value = <T>(p: Parsed<T>): T | string => (p.ok ? p.value : `ERR ${joined(p.reason)}`);

describe('amounts', () => {
  it.each([
    ['1,234,567', 1_234_567],
    ['1,234,567원', 1_234_567],
    ['₩1,234', 1_234],
    ['￦ 1,234', 1_234],
    [' 45000 ', 45_000],
    ['0', 0],
    ['12,345.5', 12_346],
  ])('%s → %d won', (text, expected) => {
    expect(value(parseAmount(text))).toBe(expected);
  });

  it('takes numbers from XLSX cells', () => {
    expect(value(parseAmount(244_000))).toBe(244_000);
  });

  it.each(['-1,000', '(1,000)', 'abc', '만오천원', '1,2a', '']) ('%s is an error', (text) => {
    expect(parseAmount(text).ok).toBe(false);
  });

  it('reads a negative cancellation as its magnitude only when told to', () => {
    expect(parseAmount('-15,000').ok).toBe(false);
    expect(value(parseAmount('-15,000', { allowNegativeAsMagnitude: true }))).toBe(15_000);
  });
});

describe('counts', () => {
  it('accepts whole counts with a unit and rejects the rest', () => {
    expect(value(parseCount('12건'))).toBe(12);
    expect(value(parseCount('3콜'))).toBe(3);
    expect(value(parseCount(7))).toBe(7);
    expect(parseCount('-1').ok).toBe(false);
    expect(parseCount('2.5').ok).toBe(false);
    expect(parseCount('many').ok).toBe(false);
  });
});

describe('dates', () => {
  it.each(['2022-10-15', '2022.10.15', '2022/10/15', '20221015', '22-10-15', '2022. 10. 15.', '2022-10-15(토)', '2022년 10월 15일', '2022-10-15 00:00:00'])(
    '%s is 15 Oct 2022',
    (text) => {
      expect(value(parseDate(text))).toEqual({ year: 2022, month: 10, day: 15 });
    },
  );

  it.each(['2022-13-01', '2022-02-30', '15/10/2022', 'yesterday', '2022-10-15 20:15'])('%s is an error', (text) => {
    expect(parseDate(text).ok).toBe(false);
  });

  it('reads Excel serials and date cells as wall-clock days', () => {
    expect(value(parseDate(44849))).toEqual({ year: 2022, month: 10, day: 15 }); // serial of 2022-10-15
    expect(value(parseDate(new Date(Date.UTC(2022, 9, 15))))).toEqual({ year: 2022, month: 10, day: 15 });
    expect(value(parseDate(20221015))).toEqual({ year: 2022, month: 10, day: 15 });
    // 1904 date system: the same day is 1462 days lower.
    expect(value(parseDate(44849 - 1462, true))).toEqual({ year: 2022, month: 10, day: 15 });
  });
});

describe('hours', () => {
  it.each(['20', '20:00', '20시', '오후 8:00', '오후 8시', '8 PM', '20:15:33', '20시 15분', '20~21', '20:00-21:00'])('%s is hour 20', (text) => {
    expect(value(parseHour(text))).toBe(20);
  });

  it('handles midnight and noon on the 12-hour clock', () => {
    expect(value(parseHour('오전 12:30'))).toBe(0);
    expect(value(parseHour('오후 12:00'))).toBe(12);
    expect(value(parseHour('오전 11시'))).toBe(11);
  });

  it.each(['24', '25', '20:61', '오후 13:00', 'evening', ''])('%s is an error', (text) => {
    expect(parseHour(text).ok).toBe(false);
  });

  it('reads XLSX time cells: day fractions and 1899-12-30 dates', () => {
    expect(value(parseHour(20 / 24))).toBe(20);
    expect(value(parseHour(0.8333333333))).toBe(20);
    expect(value(parseHour(new Date(Date.UTC(1899, 11, 30, 20, 0))))).toBe(20);
    expect(value(parseHour(21))).toBe(21);
  });
});

describe('date-times', () => {
  it.each([
    ['2022-10-15 20:15', 20],
    ['2022.10.15 20:15', 20],
    ['2022/10/15 오후 8:15', 20],
    ['2022-10-15T20:15:33', 20],
    ['2022-10-15 (토) 20:15', 20],
    ['2022-10-15T11:15:00Z', 20], // an instant in UTC, shifted to KST
    ['2022-10-15T20:15:00+09:00', 20],
  ])('%s is 2022-10-15 hour %d KST', (text, hour) => {
    expect(value(parseDateTime(text))).toEqual({ year: 2022, month: 10, day: 15, hour });
  });

  it('crosses midnight correctly from a UTC instant', () => {
    expect(value(parseDateTime('2022-10-15T16:30:00Z'))).toEqual({ year: 2022, month: 10, day: 16, hour: 1 });
  });

  it('rejects a date with no time and garbage', () => {
    expect(parseDateTime('2022-10-15').ok).toBe(false);
    expect(parseDateTime('어제 저녁').ok).toBe(false);
  });

  it('reads Excel serial date-times', () => {
    expect(excelSerialParts(44849 + 20 / 24 + 15 / 1440)).toMatchObject({ year: 2022, month: 10, day: 15, hour: 20, minute: 15 });
    expect(value(parseDateTime(44849.84375))).toEqual({ year: 2022, month: 10, day: 15, hour: 20 });
  });
});

describe('machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('gives the same KST hour whatever zone the machine is in', () => {
    const results: unknown[] = [];
    for (const zone of ['Asia/Seoul', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      process.env.TZ = zone;
      results.push([
        value(parseDateTime(new Date(Date.UTC(2022, 9, 15, 23, 30)))),
        value(parseDateTime('2022-10-15 23:30')),
        value(parseDate(44849)),
        value(parseHour(new Date(Date.UTC(1899, 11, 30, 0, 10)))),
      ]);
    }
    // The zones really differ here (else the test proves nothing).
    expect(new Set(['Asia/Seoul', 'UTC'].map((z) => ((process.env.TZ = z), new Date(0).getHours()))).size).toBe(2);
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]).toEqual([{ year: 2022, month: 10, day: 15, hour: 23 }, { year: 2022, month: 10, day: 15, hour: 23 }, { year: 2022, month: 10, day: 15 }, 0]);
  });
});
