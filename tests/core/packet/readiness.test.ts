import { describe, expect, it } from 'vitest';
import { describeClaim } from '../../../src/core/packet/facts';
import { fillFormFields } from '../../../src/core/packet/form';
import { findChannelProfile } from '../../../src/core/packet/profiles';
import { packetReadiness } from '../../../src/core/packet/readiness';
import type { Claim } from '../../../src/core/model/claim';
import { workedExampleDriverClaim } from './fixtures';

function readiness(claim: Claim, channel: string) {
  const profile = findChannelProfile(channel)!;
  const description = describeClaim(claim, profile);
  return packetReadiness(profile, claim, description, fillFormFields(profile, description.facts, description.choiceContext));
}

describe('packetReadiness', () => {
  it('is empty for the complete worked example on the Kakao form', () => {
    expect(readiness(workedExampleDriverClaim(), 'kakao-2022-form')).toEqual([]);
  });

  it('lists an empty required field (no e-mail) and an example claim', () => {
    const claim = workedExampleDriverClaim();
    delete claim.claimant.email;
    claim.example = true;
    const codes = readiness(claim, 'kakao-2022-form').map((i) => [i.code, i.subject]);
    expect(codes).toEqual([['example-claim', claim.id], ['field-empty', 'email']]);
  });

  it('lists no outage records and too few reference dates', () => {
    const claim = workedExampleDriverClaim();
    claim.records = claim.records.filter((r) => !r.bucket.startsWith('2022-10-15') && !r.bucket.startsWith('2022-10-16') && !r.bucket.startsWith('2022-10-08') && !r.bucket.startsWith('2022-10-01') && !r.bucket.startsWith('2022-09-24'));
    const issues = readiness(claim, 'damage365');
    expect(issues.map((i) => i.code)).toContain('no-outage-records');
    // Only 09-17 is left for Saturday; the engine pairs weeks, so K = 1 for every window date.
    expect(issues.filter((i) => i.code === 'too-few-reference-dates').map((i) => i.subject)).toEqual(['2022-10-15', '2022-10-16']);
  });

  it('for a designated driver on the taxi channel: trip history missing and the taxi rule unavailable', () => {
    const issues = readiness(workedExampleDriverClaim(), 'kakao-mobility-2022-taxi');
    expect(issues.map((i) => [i.code, i.subject])).toEqual([['field-empty', 'comparison'], ['document-missing', 'trip-history'], ['rule-unavailable', 'kakao-mobility-2022-taxi']]);
  });

  it('lists the Kakao Mobility windows when no record touches them', () => {
    const claim = workedExampleDriverClaim();
    claim.records = claim.records.filter((r) => r.bucket < '2022-10-08T15' || (r.bucket >= '2022-10-09T09' && r.bucket < '2022-10-15T15'));
    const uncovered = readiness(claim, 'kakao-mobility-2022-taxi').filter((i) => i.code === 'rule-window-uncovered');
    expect(uncovered.map((i) => i.subject)).toEqual(['장애 18시간 / outage 18 hours', '한 주 전 같은 18시간 / same 18 hours a week earlier']);
  });

  it.each(['damage365', 'dispute-mediation'])('fills the %s applicant for a driver, who has no business name or number', (channel) => {
    const claim = workedExampleDriverClaim();
    const profile = findChannelProfile(channel)!;
    const fields = fillFormFields(profile, describeClaim(claim, profile).facts, describeClaim(claim, profile).choiceContext);
    const applicant = fields.find((f) => f.id === 'applicant')!;
    expect(applicant.text).toContain(claim.claimant.name);
    expect(applicant.text).toContain(`연락처 ${claim.claimant.mobile}`);
    expect(applicant.text).not.toContain('사업자등록번호');
    expect(readiness(claim, channel).filter((i) => i.subject === 'applicant')).toEqual([]);
  });
});
