import { describe, expect, it } from 'vitest';
import { estimateClaim } from '../../../src/core/estimate';
import { BUNDLED_PACKS, findBundledPack, packRefs, packToIncident, withoutRefs } from '../../../src/core/incidents';
import { describeClaim } from '../../../src/core/packet/facts';
import { findChannelProfile } from '../../../src/core/packet/profiles';
import { bestWeekMerchantClaim } from '../packet/fixtures';

/** Text that leaves the app cites a source as publication and date, never by article id (issue 14). */
describe('service notes and rule sources without article ids', () => {
  it('no service of any bundled pack carries an article id or address into a claim', () => {
    for (const pack of BUNDLED_PACKS) {
      const refs = packRefs(pack);
      expect(refs.length, pack.id).toBeGreaterThan(0);
      const incident = packToIncident(pack, { now: Date.parse('2026-12-01T00:00:00Z') });
      for (const s of incident.services) for (const ref of refs) expect(s.source, `${pack.id} ${s.id}`).not.toContain(ref);
    }
    // The publication stays: "(카카오 발표, MBC 6420718)" reads "(카카오 발표, MBC)".
    const talk = packToIncident(findBundledPack('kakao-2022-10')!).services.find((s) => s.id === 'kakaotalk')!;
    expect(talk.source).toContain('메시지 수발신 일부 복구 2022-10-16 01:31 (카카오 발표, MBC).');
    // A dated article is cited as publication and date, so a reviewer can find it.
    const taxi = packToIncident(findBundledPack('kakao-2022-10')!).services.find((s) => s.source.includes('정상화가 확인된 첫 공지'))!;
    expect(taxi.source).toContain('16일 21:30이에요 (디지털데일리 2022-10-16)');
  });

  it('a rule’s source is its publications with their dates', () => {
    const claim = { ...bestWeekMerchantClaim(), incident: packToIncident(findBundledPack('lguplus-2023-01')!) };
    claim.claimant = { ...claim.claimant, servicesUsed: [] };
    const rule = estimateClaim(claim).rules['lguplus-2023-pc-cafe']!;
    expect(rule.source).toBe('서울경제 2023-04-28, 다음 2023-04-28');
  });

  it('a claim stored before the notes were cleaned prints none of its article ids in the packet', () => {
    const claim = bestWeekMerchantClaim();
    const old = { ...claim, incident: { ...claim.incident, services: claim.incident.services.map((s) => ({ ...s, source: `(MBC 6420718, 디지털데일리 2022101623402869383) ${s.source}` })) } };
    const d = describeClaim(old, findChannelProfile('generic')!);
    const text = JSON.stringify(d.report);
    expect(text).not.toContain('6420718');
    expect(text).not.toContain('2022101623402869383');
    expect(text).toContain('MBC, 디지털데일리');
  });

  it('withoutRefs leaves text without ids alone and tidies what it takes out', () => {
    expect(withoutRefs('직접 적은 시각', ['6420718'])).toBe('직접 적은 시각');
    expect(withoutRefs('복구 (6420718)', ['6420718'])).toBe('복구');
    expect(withoutRefs('a (JTBC NB12083785), b', ['NB12083785'])).toBe('a (JTBC), b');
    // An article whose date the pack gives is cited by its date.
    expect(withoutRefs('공지 (디지털데일리 2022101623402869383)', ['2022101623402869383'], new Map([['2022101623402869383', '2022-10-16']]))).toBe('공지 (디지털데일리 2022-10-16)');
  });
});
