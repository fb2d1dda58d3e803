/**
 * Validators for Korean identifiers (domain.md section 4). Each returns true/false; the zod schemas in
 * this folder attach the bilingual message.
 */

export const BUSINESS_NUMBER_RE = /^\d{3}-\d{2}-\d{5}$/;
const BUSINESS_WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/**
 * 사업자등록번호 check digit: S = sum(d_i * w_i, i=1..9) + floor(d_9 * 5 / 10);
 * valid when d_10 == (10 - S mod 10) mod 10. A valid checksum does not prove an active business.
 */
export function isValidBusinessNumber(input: string): boolean {
  if (!BUSINESS_NUMBER_RE.test(input)) return false;
  const d = input.replace(/-/g, '').split('').map(Number);
  let s = 0;
  for (let i = 0; i < 9; i++) s += d[i]! * BUSINESS_WEIGHTS[i]!;
  s += Math.floor((d[8]! * 5) / 10);
  return d[9] === (10 - (s % 10)) % 10;
}

/** 010-XXXX-XXXX; the older 011/016/017/018/019 prefixes with a 3- or 4-digit middle block are tolerated. */
export const MOBILE_RE = /^(?:010-\d{4}-\d{4}|01[16789]-\d{3,4}-\d{4})$/;

export function isValidMobile(input: string): boolean {
  return MOBILE_RE.test(input);
}

/**
 * A practical e-mail check (one @, a dotted domain, no spaces): what the claim forms accept. RFC 5322 in
 * full admits addresses no Korean claim form would take.
 */
export const EMAIL_RE = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isValidEmail(input: string): boolean {
  return input.length <= 254 && EMAIL_RE.test(input) && !input.includes('..');
}
