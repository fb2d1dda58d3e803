import { describe, expect, it } from 'vitest';
import { findBundledPack } from '../../../src/core/incidents/bundled';
import { GENERIC_CHANNEL, KAKAO_2022 } from '../../../src/core/incidents/ids';
import { CHANNEL_IDS } from '../../../src/core/packet/profiles/index';

/** The ids the code names are the data's ids: renaming a channel or rule in a pack fails here, not on screen. */
describe('channel and rule ids named in code', () => {
  it('every generic channel is a channel profile', () => {
    for (const id of Object.values(GENERIC_CHANNEL)) expect(CHANNEL_IDS).toContain(id);
  });

  it('the Kakao 2022 channels and rules are in its pack', () => {
    const pack = findBundledPack(KAKAO_2022.packId);
    expect(pack).toBeDefined();
    const channels = pack!.channels.map((c) => c.id);
    expect(channels).toEqual(expect.arrayContaining([KAKAO_2022.formChannel, KAKAO_2022.smbDocumentsChannel, KAKAO_2022.mobilityTaxiChannel]));
    const rules = pack!.rules.map((r) => r.id);
    expect(rules).toEqual(expect.arrayContaining([KAKAO_2022.smbBestWeekRule, KAKAO_2022.mobilityTaxiRule]));
  });
});
