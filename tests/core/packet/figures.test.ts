import { describe, expect, it } from 'vitest';
import { synthPlan } from '../../../src/core/batch/synth';
import { estimateClaim } from '../../../src/core/estimate/estimate-claim';
import { describeClaim, packetFigures } from '../../../src/core/packet/facts';
import { CHANNEL_PROFILES } from '../../../src/core/packet/profiles/index';

// Batch re-checks each packet's manifest figures with packetFigures alone (issue 18); a packet's figures
// come from describeClaim. The two must never drift apart, for every channel and every kind of claimant.
describe('packetFigures', () => {
  const claims = [...synthPlan(40, 11, { submissions: true }).members()].map((m) => m.claim);

  it('gives exactly the figures describeClaim gives, for every channel profile', () => {
    expect(new Set(claims.map((c) => c.claimant.kind))).toEqual(new Set(['merchant', 'taxi', 'designated-driver']));
    expect(CHANNEL_PROFILES.some((p) => p.rule)).toBe(true);
    let withRule = 0;
    for (const claim of claims) {
      const estimate = estimateClaim(claim);
      for (const profile of CHANNEL_PROFILES) {
        const figures = packetFigures(estimate, profile);
        expect(figures).toEqual(describeClaim(claim, profile).figures);
        if (figures.rule) withRule++;
      }
    }
    // The rule branch is exercised, not only the null one.
    expect(withRule).toBeGreaterThan(0);
  });
});
