import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claimSchema } from '../../../src/core/model/claim';
import { serializeClaim } from '../../../src/core/model/claim-file';
import { synthBatch, synthPlan } from '../../../src/core/batch/synth';

/**
 * synth at national size (issue 18): claims are made one at a time from a plan, and their records skip the
 * schema (which keeps them as they are). Neither may change a byte of what a seed gives.
 */

function claimsDigest(claims: Iterable<{ fileName: string; claim: Parameters<typeof serializeClaim>[0] }>): string {
  const h = createHash('sha256');
  for (const m of claims) h.update(serializeClaim(m.claim));
  return h.digest('hex');
}

describe('synth plan', () => {
  // Digests from the code at 4032aa8, renewed when the Kakao services' notes stopped citing article ids
  // (issue 14: only that text changed), and when person names came from the wide lists from the first draw
  // (issue 18, round 6: other names, every other byte made the same way).
  it('gives the claims synth gave before it streamed (digests pinned; renewed only for the changes above)', () => {
    expect(claimsDigest(synthBatch(300, 11).members)).toBe('dae8299c36499d830385acc99d378d8ba657eef3b18a664f1b19b12de95e24d0');
    expect(claimsDigest(synthBatch(120, 4, { submissions: true }).members)).toBe('894a5d15e48568487d367bff5fd6720c136c7b78cd5d1eda5c455111cba0b0ff');
  });

  it('iterated lazily, lists the same members, plants and copies as synthBatch, once only', () => {
    const plan = synthPlan(250, 9, { submissions: true });
    const batch = synthBatch(250, 9, { submissions: true });
    expect(plan.planted).toEqual(batch.planted);
    expect(plan.copies).toEqual(batch.copies);
    expect(plan.count).toBe(250);
    const lazy = [...plan.members()];
    expect(lazy.map((m) => [m.fileName, m.channel])).toEqual(batch.members.map((m) => [m.fileName, m.channel]));
    expect(claimsDigest(lazy)).toBe(claimsDigest(batch.members));
    expect(() => plan.members().next()).toThrow('once');
  });

  it('every claim equals the whole claim parsed by the schema, records included', () => {
    for (const seed of [1, 2, 3]) {
      for (const m of synthPlan(80, seed).members()) {
        const parsed = claimSchema.parse(JSON.parse(JSON.stringify(m.claim)));
        expect(serializeClaim(parsed)).toBe(serializeClaim(m.claim));
      }
    }
  });
});
