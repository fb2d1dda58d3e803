import { bi } from './text';

/**
 * Money is KRW (loss model section 1): computed in floating point, rounded once per line item, half away
 * from zero, to a whole won. `Won` marks a figure that has been rounded so, at every module boundary.
 */
declare const wonBrand: unique symbol;
export type Won = number & { readonly [wonBrand]: true };

/**
 * Round half away from zero to a whole won. The value is first cleaned to 15 significant digits so that
 * float noise (281000 x 0.7499999999999999) does not flip a half: 1234.4999999999998 is 1234.5 -> 1235.
 */
export function roundWon(amount: number): Won {
  if (!Number.isFinite(amount)) throw new RangeError(bi(`금액이 유한한 수가 아니에요`, `amount is not finite: ${amount}`));
  const clean = Number(Math.abs(amount).toPrecision(15));
  const rounded = Math.sign(amount) * Math.round(clean);
  return (rounded === 0 ? 0 : rounded) as Won; // no -0 in a packet
}

/** Sum of already-rounded items: a total always adds up (section 1). */
export function sumWon(items: readonly Won[]): Won {
  let total = 0;
  for (const w of items) total += w;
  return total as Won;
}

/**
 * The one won formatter (issue 17): a displayed amount rounded to whole won and grouped by thousands,
 * `1,234,567`; never `-0`. formatWon adds 원; the screens add ₩ in English.
 */
export function wonDigits(amount: number): string {
  const n = Math.round(amount) || 0;
  // Grouped by hand below 10^15 (what toLocaleString('en-US') prints, at a fraction of its cost).
  if (!(Math.abs(n) < 1e15)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.length > 3 ? digits.slice(0, ((digits.length - 1) % 3) + 1) : digits;
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}

/** `1,234,567원` */
export function formatWon(amount: number): string {
  return `${wonDigits(amount)}원`;
}
