import type { Claim } from '../../model/claim';
import { kakaoMobilityTaxiRule } from './kakao-mobility-2022-taxi';
import { kakaoSmbBestWeekRule } from './kakao-2022-smb-best-week';
import type { ChannelRule } from './types';

export type { ChannelRule, RuleBand, RuleContext, RuleResult } from './types';
export { kakaoSmbBestWeekRule, SMB_BEST_WEEK_DATA, bandFor as smbBestWeekBand } from './kakao-2022-smb-best-week';
export { kakaoMobilityTaxiRule, MOBILITY_TAXI_DATA } from './kakao-mobility-2022-taxi';

/** The registry: a new incident's rule is one more entry here, nothing else changes (section 3.3). */
export const channelRules: Readonly<Record<string, ChannelRule>> = {
  [kakaoSmbBestWeekRule.id]: kakaoSmbBestWeekRule,
  [kakaoMobilityTaxiRule.id]: kakaoMobilityTaxiRule,
};

/** Rules that belong to the claim's incident (by id or preset id) and fit its claimant. */
export function rulesFor(claim: Claim): ChannelRule[] {
  const incidentIds = new Set([claim.incident.id, claim.incident.presetId].filter(Boolean));
  return Object.values(channelRules).filter((r) => r.incidentIds.some((id) => incidentIds.has(id)) && r.appliesTo(claim));
}
