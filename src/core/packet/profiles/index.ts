import { DOCUMENT_KINDS } from '../documents';
import { parseChannelProfile, type ChannelProfile } from '../profile';
import damage365 from './damage365';
import disputeMediation from './dispute-mediation';
import generic from './generic';
import kakao2022Form from './kakao-2022-form';
import kakao2022SmbDocuments from './kakao-2022-smb-documents';
import kakaoMobility2022Taxi from './kakao-mobility-2022-taxi';

/** Every channel the app knows. A new channel: a new file beside this one and one line here. */
const RAW_PROFILES: ReadonlyArray<readonly [string, unknown]> = [
  ['kakao-2022-form.ts', kakao2022Form],
  ['kakao-2022-smb-documents.ts', kakao2022SmbDocuments],
  ['kakao-mobility-2022-taxi.ts', kakaoMobility2022Taxi],
  ['damage365.ts', damage365],
  ['dispute-mediation.ts', disputeMediation],
  ['generic.ts', generic],
];

/** Parses every profile and checks what the schema alone cannot: unique ids, known document kinds. */
export function loadChannelProfiles(raw: ReadonlyArray<readonly [string, unknown]>): ChannelProfile[] {
  const known = new Set(DOCUMENT_KINDS.map((k) => k.id));
  const profiles = raw.map(([file, data]) => parseChannelProfile(data, file));
  profiles.forEach((profile, i) => {
    if (profiles.findIndex((p) => p.id === profile.id) !== i) {
      throw new Error(`채널 id가 겹쳐요 / duplicate channel id: ${profile.id}`);
    }
    for (const doc of profile.documents) {
      if (!known.has(doc.label)) throw new Error(`알 수 없는 서류 종류 / unknown document kind "${doc.label}" in ${profile.id}`);
    }
  });
  return profiles;
}

export const CHANNEL_PROFILES: ReadonlyArray<ChannelProfile> = loadChannelProfiles(RAW_PROFILES);

export const CHANNEL_IDS = CHANNEL_PROFILES.map((p) => p.id);

export function findChannelProfile(id: string): ChannelProfile | undefined {
  return CHANNEL_PROFILES.find((p) => p.id === id);
}
