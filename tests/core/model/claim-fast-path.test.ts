import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { parseClaimFile, parseClaimWithZodOnly, toClaimIssues } from '../../../src/core/model/claim-file';
import { activityRecordSchema, provenanceSchema } from '../../../src/core/model/record';
import { FAST_PROVENANCE_KEYS, FAST_RECORD_KEYS, fastRecord } from '../../../src/core/model/record-fast';
import { ClaimParseMemo, fastClaim } from '../../../src/core/model/claim-fast';
import { claimShape } from '../../../src/core/model/claim';
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
// One memo for every run, as a batch reader keeps one: hits for the seeds' incident, misses for mutated ones.
const memo = new ClaimParseMemo();
/**
 * The claim objects themselves (toStrictEqual: no key with undefined where zod has none): the object as
 * given, and its JSON text read with the shared memo (against zod on that text's JSON).
 */
function strictPairs(doc: unknown) {
  const shape = (z: ReturnType<typeof parseClaimWithZodOnly>) => (z.success ? { ok: true, claim: z.data } : { ok: false, issues: toClaimIssues(z.error) });
  const mine = (r: ReturnType<typeof parseClaimFile>) => (r.ok ? { ok: true, claim: r.claim } : { ok: false, issues: r.issues });
  const text = JSON.stringify(doc);
  return [
    { z: shape(parseClaimWithZodOnly(doc)), r: mine(parseClaimFile(doc)) },
    { z: shape(parseClaimWithZodOnly(JSON.parse(text))), r: mine(parseClaimFile(text, { memo })) },
  ];
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

/** A mutation of the claim's other fields: a top-level key, a claimant field, an incident service field. */
type OuterMutation = { seed: number; where: 'top' | 'claimant' | 'service' | 'parameters'; key: number; op: 'delete' | 'set'; value: number };
const outerMutation = fc.record({
  seed: fc.nat(seeds.length - 1),
  where: fc.constantFrom('top' as const, 'claimant' as const, 'service' as const, 'parameters' as const),
  key: fc.nat(),
  op: fc.constantFrom('delete' as const, 'set' as const),
  value: fc.nat(HOSTILE.length - 1),
});
const TOP_KEYS = [...Object.keys(claimShape), 'extra'];
const CLAIMANT_KEYS = ['kind', 'industry', 'taxiType', 'businessName', 'businessNumber', 'name', 'mobile', 'email', 'bankAccount', 'region', 'servicesUsed', 'salesChannels', 'extra'];
const SERVICE_KEYS = ['id', 'name', 'window', 'source', 'userWindow', 'extra'];
const PARAMETER_KEYS = ['baseline', 'estimator', 'k', 'alpha', 'trendFactor', 'assumedBandPct', 'margin', 'averageTicket', 'extra'];
const OUTER_VALUES: unknown[] = [...HOSTILE, { v: { value: 0.5, confirmed: true }, c: { confirmed: false } }, 'merchant', 'taxi', 'hourly', 'daily', 'median', 3, 0.05, ['kakao-talk'], [{ id: 'x', label: 'X', isPlatform: false }]];

function applyOuter(m: OuterMutation): unknown {
  const doc = JSON.parse(JSON.stringify(seeds[m.seed])) as Record<string, unknown>;
  const incident = doc.incident as { services: Record<string, unknown>[] };
  const target: Record<string, unknown> =
    m.where === 'top' ? doc : m.where === 'claimant' ? (doc.claimant as Record<string, unknown>) : m.where === 'service' ? incident.services[0]! : ((doc.parameters ??= {}) as Record<string, unknown>);
  const keys = m.where === 'top' ? TOP_KEYS : m.where === 'claimant' ? CLAIMANT_KEYS : m.where === 'service' ? SERVICE_KEYS : PARAMETER_KEYS;
  const key = keys[m.key % keys.length]!;
  if (key === 'format' || key === 'formatVersion') return doc; // refused before either parse
  if (m.op === 'delete') delete target[key];
  else target[key] = OUTER_VALUES[m.value % OUTER_VALUES.length];
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

  it('gives zod’s claim object (strictly) and verdict for mutations of every other field, with a shared memo', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(outerMutation, (m) => {
        const [asGiven, asText] = strictPairs(applyOuter(m));
        expect(asGiven!.r).toStrictEqual(asGiven!.z);
        expect(asText!.r).toStrictEqual(asText!.z);
        const z = asGiven!.z;
        if (z.ok) accepted++;
        else rejected++;
      }),
      { numRuns: 600, seed: 1015 },
    );
    expect(accepted).toBeGreaterThan(60);
    expect(rejected).toBeGreaterThan(60);
    // The seeds themselves, strictly, after all that memo traffic.
    for (const doc of seeds) {
      for (const { z, r } of strictPairs(doc)) expect(r).toStrictEqual(z);
      // ... and by the fast path itself, not by falling back to zod.
      expect(fastClaim(JSON.parse(JSON.stringify(doc)) as Record<string, unknown>, memo)).toStrictEqual(parseClaimWithZodOnly(doc).data);
    }
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
