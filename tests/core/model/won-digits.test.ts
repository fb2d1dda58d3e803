import { describe, expect, it } from 'vitest';
import { formatWon, wonDigits } from '../../../src/core/model/money';

/** wonDigits groups by hand (issue 18, round 8): it must print exactly what toLocaleString('en-US') printed. */
const reference = (amount: number) => (Math.round(amount) || 0).toLocaleString('en-US');

describe('wonDigits', () => {
  it('groups by thousands as en-US does, at every length, sign and half', () => {
    const values = [0, -0, 0.4, -0.4, 0.5, -0.5, 1.5, -1.5, 999, 999.5, 1000, -1000, 1234, -12_345, 123_456, 1_234_567, -1_234_567.5, 1e15 - 1, -(1e15 - 1), 1e15, 1e21, -1e22, Number.NaN];
    // Every digit count from 1 to 16, both signs, a deterministic spread of values.
    for (let len = 1; len <= 16; len++) for (let i = 0; i < 50; i++) {
      const v = (10 ** (len - 1)) * (1 + ((i * 7919) % 9000) / 1000) + i / 7;
      values.push(v, -v);
    }
    for (const v of values) expect(wonDigits(v), String(v)).toBe(reference(v));
    expect(formatWon(1_234_567)).toBe('1,234,567원');
    expect(wonDigits(-0.4)).toBe('0');
  });
});
