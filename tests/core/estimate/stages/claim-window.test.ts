import { describe, expect, it } from 'vitest';
import { claimWindowStage } from '../../../../src/core/estimate/stages/claim-window';
import { driverClaim, loadExample } from '../helpers';

describe('stage 2: the claim window', () => {
  it('gives the six hourly buckets of the worked example and names them by their start', () => {
    const { buckets, warnings, assumptions } = claimWindowStage(loadExample('driver-2022.claim.json'));
    expect(buckets.keys.map(buckets.bucketName)).toEqual([
      '2022-10-15T20:00+09:00', '2022-10-15T21:00+09:00', '2022-10-15T22:00+09:00', '2022-10-15T23:00+09:00',
      '2022-10-16T00:00+09:00', '2022-10-16T01:00+09:00',
    ]);
    expect(buckets.windowDays.length).toBe(2);
    expect(buckets.tailKeys).toEqual([]);
    expect(warnings).toEqual([]);
    expect(assumptions.map((a) => a.id)).toEqual(['window:kakao-t-daeri']);
  });

  it('adds the after-effect tail right after the last bucket, and lists the public window beside an edited one', () => {
    const claim = driverClaim([], { indirectItems: [{ id: 'ae', kind: 'after-effect', tailHours: 3, justification: 'j', evidenceIds: [] }] });
    const { buckets, assumptions } = claimWindowStage(claim);
    expect(buckets.tailKeys.map(buckets.bucketName)).toEqual(['2022-10-16T02:00+09:00', '2022-10-16T03:00+09:00', '2022-10-16T04:00+09:00']);
    // The tail's day is already a window day, so it is not a tail day of its own.
    expect(buckets.tailDays).toEqual([]);
    expect(assumptions[0]!.confirmed).toBe(true);
    expect(assumptions[0]!.source.ko).toContain('직접 고친 기간 (공개 기간 2022-10-15 ');
  });

  it('warns when the claimant chose no services', () => {
    const claim = driverClaim([]);
    const { warnings, buckets } = claimWindowStage({ ...claim, claimant: { ...claim.claimant, servicesUsed: [] } });
    expect(warnings.map((w) => w.code)).toEqual(['services-unspecified']);
    expect(buckets.window.allServicesAssumed).toBe(true);
  });
});
