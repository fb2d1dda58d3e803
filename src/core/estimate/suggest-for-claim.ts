import type { Claim } from '../model/claim';
import { dateOfEpochDay, epochDayOfEpochHour } from '../time/kst';
import { RecordIndex } from './record-index';
import { suggestReferenceDates, type ReferenceDateSuggestion } from './reference-dates';
import { resolveClaimWindow, windowBucketKeys } from './window';

/**
 * Section 3.1 suggestion for a whole claim: its window dates, the dates carrying records, its abnormal
 * dates and K. The UI shows these for the user to confirm; the engine takes whatever the claim lists.
 */
export function suggestReferenceDatesForClaim(claim: Claim, k = claim.parameters.k): ReferenceDateSuggestion {
  const window = resolveClaimWindow(claim);
  const keys = windowBucketKeys(window, claim.granularity);
  const days = [...new Set(keys.map(claim.granularity === 'hourly' ? epochDayOfEpochHour : (x: number) => x))].sort((a, b) => a - b);
  const windowDates = days.map(dateOfEpochDay);
  const index = new RecordIndex(claim.records, claim.claimant.salesChannels.map((c) => c.id), claim.granularity);
  const datesWithRecords = new Set([...index.days.keys()].map(dateOfEpochDay));
  return suggestReferenceDates({
    windowDates,
    datesWithRecords,
    abnormalDates: claim.referenceDates.abnormalDates,
    excludedDates: new Set(windowDates),
    k,
  });
}
