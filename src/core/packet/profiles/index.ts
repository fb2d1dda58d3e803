import { DOCUMENT_KINDS } from '../documents';
import { parseChannelProfile, type ChannelProfile } from '../profile';
import { BUNDLED_PACKS } from '../../incidents/bundled';
import type { IncidentPack } from '../../model/incident-pack';
import type { Claim } from '../../model/claim';
import { packForClaim } from '../../estimate/rules/index';
import { rulesOfPack } from '../../incidents/pack';
import damage365 from './damage365';
import disputeMediation from './dispute-mediation';
import generic from './generic';
import { GENERIC_CHANNEL } from '../../incidents/ids';
import { bi } from '../../model/common';

/** The profiles that work for every incident (365 Center, dispute mediation, generic): files beside this one. */
const GENERIC_PROFILES: ReadonlyArray<readonly [string, unknown]> = [
  ['damage365.ts', damage365],
  ['dispute-mediation.ts', disputeMediation],
  ['generic.ts', generic],
];

/** The profiles an incident pack carries in its channels (a company's own form or documents). */
function packProfiles(pack: IncidentPack): Array<readonly [string, unknown]> {
  return pack.channels.filter((c) => c.profile).map((c) => [`${pack.id}.json channels.${c.id}`, c.profile] as const);
}

/** Every channel the app knows: the bundled packs' own profiles, then the generic ones. */
const RAW_PROFILES: ReadonlyArray<readonly [string, unknown]> = [...BUNDLED_PACKS.flatMap(packProfiles), ...GENERIC_PROFILES];

/** Parses every profile and checks what the schema alone cannot: unique ids, known document kinds. */
export function loadChannelProfiles(raw: ReadonlyArray<readonly [string, unknown]>): ChannelProfile[] {
  const known = new Set(DOCUMENT_KINDS.map((k) => k.id));
  const profiles = raw.map(([file, data]) => parseChannelProfile(data, file));
  profiles.forEach((profile, i) => {
    if (profiles.findIndex((p) => p.id === profile.id) !== i) {
      throw new Error(bi(`채널 id가 겹쳐요`, `duplicate channel id: ${profile.id}`));
    }
    for (const doc of profile.documents) {
      if (!known.has(doc.label)) throw new Error(bi(`알 수 없는 서류 종류`, `unknown document kind "${doc.label}" in ${profile.id}`));
    }
  });
  return profiles;
}

export const CHANNEL_PROFILES: ReadonlyArray<ChannelProfile> = loadChannelProfiles(RAW_PROFILES);

export const CHANNEL_IDS = CHANNEL_PROFILES.map((p) => p.id);

export function findChannelProfile(id: string, pack?: IncidentPack): ChannelProfile | undefined {
  return pack?.channels.find((c) => c.profile?.id === id)?.profile ?? CHANNEL_PROFILES.find((p) => p.id === id);
}

/** The generic kinds' profiles, which every incident may use. */
export const GENERIC_CHANNEL_IDS = [GENERIC_CHANNEL.damage365, GENERIC_CHANNEL.disputeMediation, GENERIC_CHANNEL.generic] as const;

/**
 * The profiles for a claim's incident: its pack's own channels' profiles, then the generic ones (365 Center,
 * dispute mediation, generic). An incident without a pack (the user's own) gets the generic ones only.
 */
export function profilesForPack(pack: IncidentPack | undefined): ChannelProfile[] {
  const own = pack ? loadChannelProfiles(packProfiles(pack)) : [];
  const generic = CHANNEL_PROFILES.filter((p) => (GENERIC_CHANNEL_IDS as readonly string[]).includes(p.id));
  return [...own, ...generic.filter((g) => !own.some((o) => o.id === g.id))];
}

/**
 * The channels a claim may be sent to, from its own pack (never a Kakao default): the pack's profiles whose
 * rule applies to this claimant (or that carry no rule), then the generic ones; and the one to offer first,
 * a pack profile for a rule that applies, else a pack profile without a rule, else the 365 Center.
 */
export function channelsForClaim(
  claim: Pick<Claim, 'incident' | 'claimant'>,
  pack?: IncidentPack,
): { profiles: ChannelProfile[]; defaultId: string } {
  const own = packForClaim(claim, pack);
  const applicable = new Set(own ? rulesOfPack(own, claim.claimant.kind).map((r) => r.id) : []);
  const profiles = profilesForPack(own).filter((p) => p.rule === null || applicable.has(p.rule) || (GENERIC_CHANNEL_IDS as readonly string[]).includes(p.id));
  const ownIds = new Set(own?.channels.map((c) => c.profile?.id).filter(Boolean));
  const first =
    profiles.find((p) => ownIds.has(p.id) && p.rule !== null && applicable.has(p.rule)) ??
    profiles.find((p) => ownIds.has(p.id)) ??
    profiles.find((p) => p.id === 'damage365') ??
    profiles[0]!;
  return { profiles, defaultId: first.id };
}
