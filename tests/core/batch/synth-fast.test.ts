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
  // (issue 18, round 6: other names, every other byte made the same way), and when the Kakao notes cited
  // dated articles by their dates (round 15: the claims with every service's source blanked hash the same).
  it('gives the claims synth gave before it streamed (digests pinned; renewed only for the changes above)', () => {
    expect(claimsDigest(synthBatch(300, 11).members)).toBe('3a7fd8f7de418b11b6397ffdcb3ee9a8810e7d6ed0a4fdc651f12967f5f9157d');
    expect(claimsDigest(synthBatch(120, 4, { submissions: true }).members)).toBe('b5353b63d98b3c2e0abdd68c682c3ffce489064f24299c40f3097fbafcc8ea96');
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
