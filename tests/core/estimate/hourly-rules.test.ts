import { describe, expect, it } from 'vitest';
import { incidentFromPreset } from '../../../src/core/incidents/index';
import { rulesNeedingHourly } from '../../../src/core/estimate/rules/hourly';
import { claimSchema, type ClaimInput } from '../../../src/core/model/index';
import { joined } from '../../../src/core/model/common';
import { describeClaim } from '../../../src/core/packet/facts';
import { fillFormFields } from '../../../src/core/packet/form';
import { findChannelProfile } from '../../../src/core/packet/profiles';
import { packetReadiness } from '../../../src/core/packet/readiness';
import { rec } from './helpers';

describe('rules that need hourly records (loss model section 1: daily records are never spread over hours)', () => {
  it('names Kakao Mobility\'s 18-hour rule for a taxi driver, nothing for a designated driver', () => {
    const incident = incidentFromPreset('kakao-2022-10')!;
    expect(rulesNeedingHourly({ incident, claimantKind: 'taxi' })).toEqual([
      { id: 'kakao-mobility-2022-taxi', name: { ko: '카카오모빌리티 택시 보상 (18시간, 1주 전 대비)', en: expect.any(String) } },
    ]);
    // The small-business rule compares whole weeks: daily totals do.
    expect(rulesNeedingHourly({ incident, claimantKind: 'merchant' })).toEqual([]);
    expect(rulesNeedingHourly({ incident, claimantKind: 'designated-driver' })).toEqual([]);
    expect(rulesNeedingHourly({ incident: undefined, claimantKind: 'taxi' })).toEqual([]);
  });

  it('a commission refund over part of a day needs hours; over whole days it does not', () => {
    expect(rulesNeedingHourly({ incident: incidentFromPreset('baemin-2025-05')!, claimantKind: 'merchant' }).map((r) => r.id)).toEqual(['baemin-2025-commission']);
    expect(rulesNeedingHourly({ incident: incidentFromPreset('baemin-2021-12')!, claimantKind: 'merchant' })).toEqual([]);
  });

  it('the export checklist names the rule in words and says the fix is the record unit, not the records', () => {
    const claim = claimSchema.parse({
      format: 'outage-loss-desk/claim', formatVersion: 1, id: 'taxi-daily',
      claimant: { kind: 'taxi', taxiType: 'private', name: '김기사', mobile: '010-1234-5678', servicesUsed: ['kakao-t-taxi'], salesChannels: [{ id: 'kakao-t', label: '카카오 T 호출', isPlatform: true }] },
      incident: incidentFromPreset('kakao-2022-10')!,
      granularity: 'daily',
      records: [rec('2022-10-08', 'kakao-t', 20, 300_000), rec('2022-10-15', 'kakao-t', 6, 90_000)],
    } satisfies ClaimInput);
    const profile = findChannelProfile('kakao-mobility-2022-taxi')!;
    const description = describeClaim(claim, profile);
    const issues = packetReadiness(profile, claim, description, fillFormFields(profile, description.facts, description.choiceContext));
    const issue = issues.find((i) => i.subject === 'kakao-mobility-2022-taxi');
    expect(issue?.code).toBe('rule-needs-hourly');
    expect(issue?.message.ko).toBe(
      '시간 단위 기록이 있어야 계산하는 기준이에요: 「카카오모빌리티 택시 보상 (18시간, 1주 전 대비)」. 지금은 하루 단위로 기록하고 있어요. 신고인 준비의 「기록 단위」에서 시간 단위를 골라 주세요.',
    );
    expect(issues.map((i) => joined(i.message)).join('\n')).not.toContain('kakao-mobility-2022-taxi');
  });
});
