import { describe, expect, it } from 'vitest';
import { durationText, progressLine, progressRate } from '../../../src/core/batch/progress';

describe('batch progress', () => {
  it('rate and time left from the count and the time spent', () => {
    expect(progressRate(0, 100, 500)).toEqual({ done: 0, total: 100, perSecond: null, secondsLeft: null });
    expect(progressRate(250, 1000, 500)).toEqual({ done: 250, total: 1000, perSecond: 500, secondsLeft: 2 });
    // 3 left at 2 a second: 1.5 s, rounded up.
    expect(progressRate(7, 10, 3500).secondsLeft).toBe(2);
    expect(progressRate(10, 10, 3500).secondsLeft).toBe(0);
  });

  it('reads as Korean then English', () => {
    expect(progressLine({ ko: '읽기·확인', en: 'reading' }, progressRate(1234, 105116, 1452))).toBe(
      '읽기·확인 1,234 / 105,116개 · 초당 850개 · 약 2분 3초 남음 / reading 1,234 of 105,116 · 850/s · about 2 min 3 s left',
    );
    expect(progressLine({ ko: '묶기', en: 'zipping' }, progressRate(0, 5, 0))).toBe('묶기 0 / 5개 / zipping 0 of 5');
    expect(progressLine({ ko: '읽기', en: 'reading' }, progressRate(3, 9, 4000))).toContain('초당 0.8개');
    expect(progressLine({ ko: '묶기', en: 'zipping' }, progressRate(5, 5, 1000))).toBe('묶기 5 / 5개 · 초당 5개 / zipping 5 of 5 · 5/s');
    expect(durationText(3725)).toEqual({ ko: '1시간 2분', en: '1 h 2 min' });
  });
});
