import { describe, expect, it } from 'vitest';
import { formatKstDateTime, formatKstMinute, formatKstWindow } from '../../src/ui/format';

describe('a KST minute with its weekday', () => {
  it('writes the Korean weekday in brackets after the day, in Korea time whatever the machine zone', () => {
    expect(formatKstMinute('2022-10-15T06:30:00Z', 'ko')).toBe('2022년 10월 15일 (토) 15:30');
    // 15:00 UTC on Saturday is already Sunday midnight in Korea.
    expect(formatKstMinute('2023-01-28T15:00:00Z', 'ko')).toBe('2023년 1월 29일 (일) 00:00');
  });
  it('keeps the English form and leaves an unreadable value as it is', () => {
    expect(formatKstMinute('2022-10-15T06:30:00Z', 'en')).toBe('Sat, 15 Oct 2022, 15:30');
    expect(formatKstMinute('not a date', 'ko')).toBe('not a date');
  });
  it('joins a window with a dash', () => {
    expect(formatKstWindow('2022-10-15T06:30:00Z', '2022-10-16T12:30:00Z', 'ko')).toBe('2022년 10월 15일 (토) 15:30 – 2022년 10월 16일 (일) 21:30');
  });
});

describe('a KST timestamp in a list', () => {
  it('keeps the windows\' 24-hour clock in Korean (no 오후), in Korea time whatever the machine zone', () => {
    expect(formatKstDateTime('2026-12-06T06:28:00Z', 'ko')).toBe('2026. 12. 6. 15:28');
    expect(formatKstDateTime('2026-12-05T15:05:00Z', 'ko')).toBe('2026. 12. 6. 00:05');
    expect(formatKstDateTime('2026-12-06T06:28:00Z', 'en')).toBe('6 Dec 2026, 15:28');
    expect(formatKstDateTime('not a date', 'ko')).toBe('not a date');
  });
});
