import type { ClaimantProfile } from '../../core/incidents';

export type { ClaimantProfile } from '../../core/incidents';

/** Drivers' calls come per hour from the app; shops usually have daily card statements. */
export function suggestedGranularity(p: ClaimantProfile): 'hourly' | 'daily' {
  return p.kind === 'merchant' ? 'daily' : 'hourly';
}
