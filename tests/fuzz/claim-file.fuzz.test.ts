import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseClaimFile, type ClaimParseResult } from '../../src/core/model/claim-file';
import {
  badDateArb, deepArrayJson, deepObjectJson, expectBilingual, expectPrototypeClean, hostileValueArb,
  pollutingKeyArb, pollutingPayload, prototypeSnapshot, runs,
} from './helpers';
import { joined } from '../../src/core/model/common';

/** The claim file parser: every input either parses or comes back as issues with a field path. It never throws. */

const example = (name: string) => readFileSync(new URL(`../../assets/examples/${name}`, import.meta.url), 'utf8');
const EXAMPLES = ['cafe-daily.claim.json', 'driver-2022.claim.json', 'restaurant-hourly.claim.json', 'taxi-franchise.claim.json', 'merchant-best-week.claim.json'];
type ClaimJson = Record<string, unknown> & { records: Record<string, unknown>[] };
const PARSED = EXAMPLES.map((n) => example(n));
/** An example's index: counterexamples print a number, not a 60 kB claim. The claim is a fresh copy. */
const exampleIndexArb = fc.nat({ max: EXAMPLES.length - 1 });
const claimAt = (i: number) => JSON.parse(PARSED[i]!) as ClaimJson;

function parseSafely(input: unknown): ClaimParseResult {
  let result: ClaimParseResult | undefined;
  expect(() => {
    result = parseClaimFile(input);
  }).not.toThrow();
  return result!;
}

function expectIssues(result: ClaimParseResult): asserts result is Extract<ClaimParseResult, { ok: false }> {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) expectBilingual(joined(issue.message));
}

describe('claim file parser under hostile input', () => {
  it('every example still parses (the mutations below start from valid files)', () => {
    for (const name of EXAMPLES) expect(parseClaimFile(example(name)).ok).toBe(true);
  });

  it('random bytes (as text) never throw, and say it is not JSON or not a claim file', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
        const result = parseSafely(text);
        expectIssues(result);
      }),
      runs(300),
    );
    expectPrototypeClean(before);
  });

  it('any JSON value never throws; a non-claim is refused at the top level or at `format`', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = parseSafely(JSON.stringify(value));
        expectIssues(result);
        expect(['', 'format', 'formatVersion']).toContain(result.issues[0]!.path);
      }),
      runs(300),
    );
  });

  it('JSON nested 10,000 deep, at the top and inside fields, neither overflows the stack nor parses', () => {
    for (const text of [deepArrayJson(10_000), deepObjectJson(10_000), deepArrayJson(100_000)]) expectIssues(parseSafely(text));
    const base = JSON.parse(example('driver-2022.claim.json'));
    for (const field of ['claimant', 'incident', 'parameters', 'referenceDates', 'records']) {
      const text = JSON.stringify({ ...base, [field]: '__DEEP__' }).replace('"__DEEP__"', deepArrayJson(10_000));
      const result = parseSafely(text);
      expectIssues(result);
      expect(result.issues[0]!.path.startsWith(field)).toBe(true);
    }
    // Deep nesting under a key the schema does not know is dropped, not walked.
    const extra = JSON.stringify({ ...base, notes: '__DEEP__' }).replace('"__DEEP__"', deepArrayJson(10_000));
    expect(parseSafely(extra).ok).toBe(true);
    const unknownKey = JSON.stringify({ ...base, parameters: '__DEEP__' }).replace('"__DEEP__"', deepObjectJson(10_000));
    expect(parseSafely(unknownKey).ok).toBe(true);
  });

  it('__proto__, constructor and prototype keys anywhere never pollute Object.prototype', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(exampleIndexArb, pollutingKeyArb, fc.constantFrom('', 'claimant', 'parameters', 'parameters.margin', 'records.0', 'records.0.provenance', 'referenceDates.byWindowDate'), (n, key, at) => {
        const claim = claimAt(n);
        let target: Record<string, unknown> = claim;
        for (const part of at.split('.').filter(Boolean)) target = target[part] as Record<string, unknown>;
        // Written into the JSON text, where a real file would carry it (an object literal would set the prototype).
        const text = JSON.stringify(claim).replace(/^\{/, `{"${key}":${JSON.stringify(pollutingPayload())},`);
        const inner = JSON.parse(text);
        Object.defineProperty(target, key, { value: pollutingPayload(), enumerable: true, configurable: true, writable: true });
        for (const input of [text, inner, claim]) {
          const result = parseSafely(input);
          if (!result.ok) for (const issue of result.issues) expectBilingual(joined(issue.message));
          expectPrototypeClean(before);
        }
      }),
      runs(150),
    );
    expectPrototypeClean(before);
  });

  it('hostile values in a record (strings for numbers, NaN, Infinity, negative counts, amounts over 10^12) are refused by field path', () => {
    fc.assert(
      fc.property(exampleIndexArb, fc.nat(), fc.constantFrom('count', 'revenue', 'bucket', 'channel', 'provenance'), hostileValueArb, (n, pick, field, value) => {
        const claim = claimAt(n);
        const i = pick % claim.records.length;
        claim.records[i]![field] = value;
        const result = parseSafely(claim);
        if (result.ok) {
          // Only a value the schema really accepts may pass: then it is stored exactly.
          expect(result.claim.records[i]![field as 'count']).toEqual(value);
          return;
        }
        expect(result.issues.some((issue) => issue.path.startsWith(`records[${i}]`))).toBe(true);
        for (const issue of result.issues) expectBilingual(joined(issue.message));
      }),
      runs(300),
    );
  });

  it('refuses counts below zero, amounts over 10^12 won, and numbers written as text, naming the field', () => {
    const claim = JSON.parse(example('driver-2022.claim.json'));
    const cases: [string, unknown, string][] = [
      ['count', -1, 'records[0].count'],
      ['count', '3', 'records[0].count'],
      ['revenue', 1e12 + 1, 'records[0].revenue'],
      ['revenue', '25000', 'records[0].revenue'],
      ['revenue', Number.POSITIVE_INFINITY, 'records[0].revenue'],
      ['count', Number.NaN, 'records[0].count'],
    ];
    for (const [field, value, path] of cases) {
      const copy = structuredClone(claim);
      copy.records[0][field] = value;
      const result = parseSafely(copy);
      expectIssues(result);
      expect(result.issues.map((x) => x.path)).toContain(path);
    }
  });

  it('refuses record buckets that do not exist (30 Feb, month 13, hour 24) or are not whole KST hours', () => {
    fc.assert(
      fc.property(exampleIndexArb, badDateArb, fc.nat(), (n, bad, pick) => {
        const claim = claimAt(n);
        const i = pick % claim.records.length;
        claim.records[i]!.bucket = bad;
        const result = parseSafely(claim);
        expectIssues(result);
        expect(result.issues.map((x) => x.path)).toContain(`records[${i}].bucket`);
      }),
      runs(100),
    );
  });

  it('refuses negative, fractional, huge and textual format versions without trying to upgrade', () => {
    const claim = JSON.parse(example('driver-2022.claim.json'));
    for (const v of [-1, 0.5, 1e21, '1', null, Number.NaN, 2, 999]) {
      const result = parseSafely({ ...claim, formatVersion: v });
      expectIssues(result);
      expect(result.issues[0]!.path).toBe('formatVersion');
    }
  });
});
