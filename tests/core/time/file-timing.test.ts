import { describe, expect, it } from 'vitest';
import { fileDateOf, fileTiming, provenanceForTiming } from '../../../src/core/time/file-timing';

describe('an evidence file\'s timing from its own date', () => {
  const window = { startMs: Date.parse('2022-10-15T15:30:00+09:00'), endMs: Date.parse('2022-10-16T02:00:00+09:00') };
  it('places the date before, during or after the window [start, end)', () => {
    expect(fileTiming(window.startMs - 1, window)).toBe('before');
    expect(fileTiming(window.startMs, window)).toBe('during');
    expect(fileTiming(window.endMs - 1, window)).toBe('during');
    expect(fileTiming(window.endMs, window)).toBe('after');
  });
  it('starts a later file as made later, and a file without a date as kept at the time', () => {
    expect(provenanceForTiming('after')).toBe('reconstructed');
    expect(provenanceForTiming('during')).toBe('at-the-time');
    expect(provenanceForTiming('before')).toBe('at-the-time');
    expect(provenanceForTiming(null)).toBe('at-the-time');
  });
  it('reads the date as KST whatever the machine\'s zone, and none from 0 or a missing value', () => {
    expect(fileDateOf(Date.parse('2022-10-15T07:20:00Z'))).toBe('2022-10-15T16:20+09:00');
    expect(fileDateOf(undefined)).toBeNull();
    expect(fileDateOf(0)).toBeNull();
  });
});
