import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Shared pieces of the hostile-input suite. Each property asserts the same three things: no exception
 * other than the module's own typed error, a message that is bilingual and names the file/row/field, and
 * no change to anything that was there before (Object.prototype here; the database in the DB tests).
 */

/** Fixed seed per run so a failure can be replayed; override with FUZZ_SEED to explore. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20221015;
export const runs = (n: number) => ({ numRuns: Number(process.env.FUZZ_RUNS ?? n), seed: FUZZ_SEED });

/** Korean first, then English after " / " (the working agreement's message shape). */
export function expectBilingual(message: string): void {
  expect(message).toMatch(/[가-힣]/);
  expect(message).toContain(' / ');
}

/** Own property names on Object.prototype: a prototype-pollution bug adds one. */
export function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

export function expectPrototypeClean(before: string[]): void {
  expect(prototypeSnapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
}

/** `[[[[...]]]]` and `{"a":{"a":...}}`, `depth` levels. */
export function deepArrayJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}
export function deepObjectJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Keys that pollute prototypes when code merges objects naively, with a payload that would show. */
export const pollutingKeyArb = fc.constantFrom('__proto__', 'constructor', 'prototype');
export const pollutingPayload = () => JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"isAdmin":true}}') as Record<string, unknown>;

/** Values that break naive numeric code. */
export const hostileNumberArb = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, -0.5, 1e12 + 1, 1e300, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_VALUE),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1_000_000_000, max: -1 }),
);

export const hostileValueArb = fc.oneof(
  hostileNumberArb,
  fc.constantFrom('3', '1,000', '₩210,750', '', ' ', 'NaN', 'Infinity', '1e999', '0x10', null, true, [], {}),
  fc.string({ maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Dates that look right and are not: no 30 Feb, no month 13, no hour 24. */
export const badDateArb = fc.constantFrom(
  '2022-02-30', '2022-13-01', '2022-00-10', '2022-10-32', '2021-02-29', '0000-00-00', '9999-99-99',
  '2022-10-15T24:00+09:00', '2022-10-15T99:00+09:00', '2022-02-30T10:00+09:00', '2022-10-15T20:30+09:00', '2022-10-15T20:00Z',
);
