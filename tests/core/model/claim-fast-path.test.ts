import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { parseClaimFile, parseClaimWithZodOnly, toClaimIssues } from '../../../src/core/model/claim-file';
import { activityRecordSchema, provenanceSchema } from '../../../src/core/model/record';
import { FAST_PROVENANCE_KEYS, FAST_RECORD_KEYS, fastRecord } from '../../../src/core/model/record-fast';
import { synthBatch } from '../../../src/core/batch/synth';

// The fast path of parseClaimFile must give zod's verdict, zod's claim (same keys in the same order) and
// zod's issues for every input: valid claims and random mutations of them.

const examplesDir = 'assets/examples';
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.claim.json'))
  .map((f) => JSON.parse(readFileSync(`${examplesDir}/${f}`, 'utf8')) as Record<string, unknown>);
const synth = synthBatch(3, 20221015).members.map((m) => JSON.parse(JSON.stringify(m.claim)) as Record<string, unknown>);
const seeds = [...examples, ...synth];

function zodOnly(doc: unknown) {
  const r = parseClaimWithZodOnly(doc);
  return r.success ? { ok: true, claim: JSON.stringify(r.data) } : { ok: false, issues: toClaimIssues(r.error) };
}
function viaParse(doc: unknown) {
  const r = parseClaimFile(doc);
  return r.ok ? { ok: true, claim: JSON.stringify(r.claim) } : { ok: false, issues: r.issues };
}

const HOSTILE: unknown[] = [
  NaN, Infinity, -Infinity, -1, -0, 0, 1.5, 1e6, 1e6 + 1, 1e12, 1e12 + 1, 1e13, 100, 100.5, 2 ** 53, '', 'x', 'A', 'kakao', 'a'.repeat(40),
  'a'.repeat(41), '-a', null, undefined, true, false, [], {}, '2022-02-30', '2022-10-15', '2022-10-15T24:00+09:00', '2022-10-15T20:00+09:00',
  '2022-10-15T20:30+09:00', '2022-10-15 20:00', 'f'.repeat(64), 'F'.repeat(64), 'f'.repeat(63), 'imported', 'logged', 'reconstructed', 'x'.repeat(261), 'x'.repeat(501),
];
const RECORD_KEYS = ['bucket', 'channel', 'count', 'revenue', 'provenance', 'extra', '__proto__'];
const PROV_KEYS = ['kind', 'fileSha256', 'fileName', 'row', 'loggedAt', 'note', 'screenshotSha256', 'ocrConfidence', 'extra'];

/** Values at each field's edges (zod's limits and one step past), drawn half the time. */
const EDGES: Record<string, unknown[]> = {
  bucket: ['2022-10-15', '2022-10-15T23:00+09:00', '2022-10-15T24:00+09:00', '2024-02-29', '2023-02-29', '2022-13-01', '2022-10-15T20:00+08:00', ' 2022-10-15'],
  channel: ['a', 'a'.repeat(40), 'a'.repeat(41), '0-x', '-x', 'A', 'a_b', 'card'],
  count: [0, -0, -1, 1e6, 1e6 + 1, 0.5, NaN, Infinity, '3'],
  revenue: [null, 0, -1, 1e12, 1e12 + 1, 12_500.5, NaN, undefined, '1'],
  row: [1, 0, -1, 1.5, 2 ** 53, 2 ** 53 - 1, NaN],
  ocrConfidence: [0, 100, 100.1, -0.1, NaN, 55.5],
  fileName: ['x'.repeat(260), 'x'.repeat(261), '', 3],
  note: ['x'.repeat(500), 'x'.repeat(501), ''],
  fileSha256: ['f'.repeat(64), 'F'.repeat(64), 'f'.repeat(65), '0'.repeat(64)],
  screenshotSha256: ['f'.repeat(64), 'g'.repeat(64)],
  loggedAt: ['', 'anything', 5],
  kind: ['imported', 'logged', 'reconstructed', 'other', 1],
};

type Mutation = { seed: number; index: number; inProvenance: boolean; key: number; op: 'delete' | 'set'; value: number; edge: boolean; extra: number };

const mutation = fc.record({
  seed: fc.nat(seeds.length - 1),
  index: fc.nat(),
  inProvenance: fc.boolean(),
  key: fc.nat(),
  op: fc.constantFrom('delete' as const, 'set' as const),
  value: fc.nat(HOSTILE.length - 1),
  edge: fc.boolean(),
  extra: fc.nat(7),
});

function apply(m: Mutation): unknown {
  const doc = JSON.parse(JSON.stringify(seeds[m.seed])) as Record<string, unknown>;
  const records = doc.records as Record<string, unknown>[];
  if (m.extra === 0 && records.length) records.push(JSON.parse(JSON.stringify(records[m.index % records.length]))); // a duplicate
  if (m.extra === 1) doc.records = [];
  if (m.extra === 2) doc.records = HOSTILE[m.value];
  if (!Array.isArray(doc.records) || doc.records.length === 0) return doc;
  const list = doc.records as Record<string, unknown>[];
  const r = list[m.index % list.length]!;
  const target = m.inProvenance && typeof r.provenance === 'object' && r.provenance ? (r.provenance as Record<string, unknown>) : r;
  const keys = target === r ? RECORD_KEYS : PROV_KEYS;
  const key = keys[m.key % keys.length]!;
  if (m.op === 'delete') delete target[key];
  else Object.defineProperty(target, key, { value: m.edge && EDGES[key] ? EDGES[key][m.value % EDGES[key].length] : HOSTILE[m.value], enumerable: true, writable: true, configurable: true });
  if (m.extra === 3) list[(m.index + 1) % list.length] = HOSTILE[m.value] as Record<string, unknown>;
  if (m.extra === 4) doc.granularity = 'hourly';
  return doc;
}

describe('parseClaimFile fast path', () => {
  it('accepts the examples and synth claims with zod’s exact output', () => {
    for (const doc of seeds) {
      expect(fastRecord((doc.records as unknown[])[0])).not.toBeNull();
      expect(viaParse(doc)).toEqual(zodOnly(doc));
      expect(viaParse(JSON.stringify(doc))).toEqual(zodOnly(doc));
    }
  });

  it('gives zod’s verdict, claim and issues for thousands of mutated claims', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(mutation, (m) => {
        const doc = apply(m);
        const expected = zodOnly(doc);
        expect(viaParse(doc)).toEqual(expected);
        if (expected.ok) accepted++;
        else rejected++;
      }),
      { numRuns: 2000, seed: 18 },
    );
    // Both verdicts are well represented, so the comparison is not vacuous.
    expect(accepted).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(200);
  });

  it('declines what zod would change: an unknown key, a missing field, a bad value', () => {
    const base = { bucket: '2022-10-15T20:00+09:00', channel: 'kakao', count: 3, revenue: null, provenance: { kind: 'logged' } };
    expect(fastRecord(base)).toEqual(activityRecordSchema.parse(base));
    expect(fastRecord({ ...base, extra: 1 })).toBeNull();
    expect(fastRecord({ ...base, provenance: { kind: 'logged', extra: 1 } })).toBeNull();
    expect(fastRecord({ ...base, count: NaN })).toBeNull();
    expect(fastRecord({ ...base, bucket: '2022-02-30' })).toBeNull();
    expect(fastRecord({ ...base, revenue: undefined })).toBeNull();
    // zod's key order, whatever the input's
    const reordered = { provenance: { kind: 'logged' }, revenue: 5, count: 3, channel: 'kakao', bucket: '2022-10-15' };
    expect(JSON.stringify(fastRecord(reordered))).toBe(JSON.stringify(activityRecordSchema.parse(reordered)));
  });

  it('knows every field of the record schema (a new field must be taught to record-fast.ts)', () => {
    expect([...FAST_RECORD_KEYS]).toEqual(Object.keys(activityRecordSchema.shape));
    const kinds = Object.fromEntries(
      provenanceSchema.options.map((o) => [(o.shape.kind as z.ZodLiteral<string>).value, Object.keys(o.shape)]),
    );
    expect(kinds).toEqual(Object.fromEntries(Object.entries(FAST_PROVENANCE_KEYS).map(([k, v]) => [k, [...v]])));
  });
});
