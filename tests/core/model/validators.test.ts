import { describe, expect, it } from 'vitest';
import { isValidBusinessNumber, isValidEmail, isValidMobile } from '../../../src/core/model/validators';
import { businessNumberSchema, emailSchema, mobileSchema } from '../../../src/core/model/claimant';
import { roundWon, sumWon } from '../../../src/core/model/money';

describe('사업자등록번호 (domain.md section 4)', () => {
  it('accepts the check-digit example and rejects its neighbour', () => {
    expect(isValidBusinessNumber('123-45-67891')).toBe(true);
    expect(isValidBusinessNumber('123-45-67890')).toBe(false);
  });
  it.each(['220-81-62517', '101-86-02232', '214-87-00013'])('accepts %s', (n) => expect(isValidBusinessNumber(n)).toBe(true));
  it.each(['1234567891', '123-456-7891', '123-45-6789', '123-45-6789a', '', '123 45 67891', '220-81-62518'])('rejects %j', (n) =>
    expect(isValidBusinessNumber(n)).toBe(false));
  it('gives a bilingual reason through the schema', () => {
    const r = businessNumberSchema.safeParse('123-45-67890');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toMatch(/사업자등록번호.* \/ business registration number/);
  });
});

describe('mobile numbers', () => {
  it.each(['010-1234-5678', '011-123-4567', '016-1234-5678', '019-999-0000', '017-1234-5678', '018-123-4567'])('accepts %s', (m) =>
    expect(isValidMobile(m)).toBe(true));
  it.each(['010-123-4567', '01012345678', '012-1234-5678', '010-12345-678', '02-123-4567', '010-1234-567', '+82-10-1234-5678'])('rejects %s', (m) =>
    expect(isValidMobile(m)).toBe(false));
  it('gives a bilingual reason', () => {
    expect(mobileSchema.safeParse('010-123-4567').error!.issues[0]!.message).toContain(' / mobile must look like');
  });
});

describe('e-mail', () => {
  it.each(['driver@example.com', 'a.b+c@mail.co.kr', 'x_y@sub.domain.org'])('accepts %s', (e) => expect(isValidEmail(e)).toBe(true));
  it.each(['driver@', '@example.com', 'a b@example.com', 'a@example', 'a@@example.com', 'a..b@example.com', 'a@-example.com'])('rejects %s', (e) =>
    expect(isValidEmail(e)).toBe(false));
  it('gives a bilingual reason', () => {
    expect(emailSchema.safeParse('nope').error!.issues[0]!.message).toBe('이메일 주소 형식이 아니에요 / not an e-mail address');
  });
});

describe('Won rounding (loss model section 1)', () => {
  it('rounds half away from zero, once', () => {
    expect(roundWon(0.5)).toBe(1);
    expect(roundWon(1.5)).toBe(2);
    expect(roundWon(2.5)).toBe(3);
    expect(roundWon(-2.5)).toBe(-3);
    expect(roundWon(182717.83)).toBe(182718);
    expect(roundWon(-0.4)).toBe(0);
    expect(Object.is(roundWon(-0.4), -0)).toBe(false);
  });
  it('does not let float noise flip a half', () => {
    expect(0.285 * 100).toBeLessThan(28.5); // the noise is real (28.499999999999996)...
    expect(Math.round(0.285 * 100)).toBe(28); // ...a plain Math.round flips the half...
    expect(roundWon(0.285 * 100)).toBe(29); // ...roundWon does not
    expect(roundWon(1234.4999999999998)).toBe(1235);
    expect(roundWon(1234.49)).toBe(1234);
  });
  it('sums rounded items', () => {
    expect(sumWon([roundWon(1.5), roundWon(2.5)])).toBe(5);
    expect(() => roundWon(Number.NaN)).toThrow();
  });
});
