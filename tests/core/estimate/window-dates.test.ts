import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimWindowDates } from '../../../src/core/estimate/explicit-references';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import type { Claim } from '../../../src/core/model/claim';
import { sameJson } from '../../../src/core/model/claim-fast';

function example(): Claim {
  const r = parseClaimFile(readFileSync('assets/examples/cafe-daily.claim.json', 'utf8'));
  if (!r.ok) throw new Error('example does not parse');
  return r.claim;
}

describe('claimWindowDates, remembered between claims', () => {
  it('follows every input it depends on: a window, a user window, the services used, the granularity', () => {
    const claim = example();
    const base = claimWindowDates(claim);
    expect(base.length).toBeGreaterThan(0);
    // The answer handed out is a copy: changing it changes nothing remembered.
    base.push('1999-01-01');
    expect(claimWindowDates(claim)).not.toContain('1999-01-01');

    const longer = structuredClone(claim);
    const first = longer.incident.services[0]!;
    longer.incident.services[0] = { ...first, userWindow: { start: first.window.start, end: '2022-10-25T00:00+09:00', note: '' } };
    longer.claimant.servicesUsed = [first.id];
    expect(claimWindowDates(longer)).toContain('2022-10-24');
    expect(claimWindowDates(claim)).not.toContain('2022-10-24');

    const moved = structuredClone(claim);
    moved.incident.services = moved.incident.services.map((s) => ({ ...s, window: { start: '2023-03-01T10:00+09:00', end: '2023-03-02T10:00+09:00' }, userWindow: undefined }));
    expect(claimWindowDates(moved)).toEqual(['2023-03-01', '2023-03-02']);
    const hourly = { ...moved, granularity: 'hourly' as const };
    expect(claimWindowDates(hourly)).toEqual(['2023-03-01', '2023-03-02']);
    const endsAtMidnight = structuredClone(moved);
    endsAtMidnight.incident.services = endsAtMidnight.incident.services.map((s) => ({ ...s, window: { start: '2023-03-01T10:00+09:00', end: '2023-03-02T00:00+09:00' } }));
    expect(claimWindowDates(endsAtMidnight)).toEqual(['2023-03-01']);
  });
});

describe('sameJson (the claim parser memo’s comparison)', () => {
  it('compares JSON values: key order aside, everything else counts', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({ a: null }, { a: {} })).toBe(false);
    expect(sameJson(0, -0)).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});
