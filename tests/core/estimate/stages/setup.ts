import type { Claim } from '../../../../src/core/model/index';
import { RecordIndex } from '../../../../src/core/estimate/record-index';
import { claimWindowStage } from '../../../../src/core/estimate/stages/claim-window';
import { declaredBaseline } from '../../../../src/core/estimate/stages/declared-baseline';
import type { SpanContext } from '../../../../src/core/estimate/stages/expected-actual';
import { referenceSlots } from '../../../../src/core/estimate/stages/reference-slots';
import { referenceWeeksStage } from '../../../../src/core/estimate/stages/reference-weeks';

/** The stages up to the reference weeks, run on a claim, for the later stages' tests. */
export function upToReferences(claim: Claim) {
  const index = new RecordIndex(claim.records, claim.claimant.salesChannels.map((c) => c.id), claim.granularity);
  const { buckets } = claimWindowStage(claim);
  const refs = referenceWeeksStage(claim, undefined, buckets, index);
  const references = referenceSlots(buckets, refs.weeks.byDate);
  const span = (ticket: number, baseline: SpanContext['baseline'] = 'same-slot'): SpanContext => ({
    baseline, index, references, declared: declaredBaseline(claim.declaredBaseline), ticket,
    estimator: claim.parameters.estimator, hourly: buckets.hourly, bucketName: buckets.bucketName,
  });
  return { index, buckets, refs, references, span };
}
