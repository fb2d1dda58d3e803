import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRule, estimateClaim } from '../../../src/core/estimate';
import type { Claim } from '../../../src/core/model/claim';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import { describeClaim } from '../../../src/core/packet/facts';
import { fillFormFields } from '../../../src/core/packet/form';
import { channelsForClaim, findChannelProfile } from '../../../src/core/packet/profiles';

function example(name: string): Claim {
  const parsed = parseClaimFile(readFileSync(join('assets/examples', `${name}.claim.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  return parsed.claim;
}

describe('compareRule: a company figure beside the app’s estimate, the gap in words', () => {
  const figure = (loss: number, payout: number | null = loss) => ({ computable: true, loss: loss as never, band: { id: 'x', payout: payout as never, label: { ko: '', en: '' } } });

  it('says the company amount, our loss and the difference, with particles chosen by es-hangul', () => {
    const c = compareRule(figure(323_000), 1_200_000);
    expect(c.difference).toBe(877_000);
    expect(c.words.ko).toBe('회사 기준 보상액은 323,000원, 우리가 계산한 손실은 1,200,000원으로 차이는 877,000원이에요. 이 차이를 온라인피해365센터나 분쟁조정에 청구할 수 있어요.');
    expect(c.words.en).toContain('877,000 KRW');
  });

  it('uses the band’s payout when there is one, and says when the band is decided on review', () => {
    expect(compareRule(figure(210_000, 30_000), 210_750).companyAmount).toBe(30_000);
    const review = compareRule(figure(710_000, null), 500_000);
    expect(review.caseByCase).toBe(true);
    expect(review.words.ko).toContain('회사 기준 산정액은 710,000원(지급액은 심사로 정해요)');
    expect(review.words.ko).toContain('회사 기준이 210,000원 더 많아요');
  });

  it('says the rule is not computed yet, and never shows a gap to an app loss that has no amount', () => {
    expect(compareRule({ computable: false, loss: null, band: null }, 100).difference).toBeNull();
    expect(compareRule({ computable: false, loss: null, band: null }, 100).words.ko).toContain('아직 계산하지 못했어요');
    expect(compareRule(figure(10_000), null).words.ko).toContain('우리가 계산한 손실은 평균 객단가를 정해야 금액이 나와요');
    // A driver's words: their average fare, not a shop's ticket.
    const fare = compareRule(figure(10_000), null, { ticket: { ko: '평균 요금', en: 'average fare' } }).words;
    expect(fare.ko).toContain('우리가 계산한 손실은 평균 요금을 정해야 금액이 나와요');
    expect(fare.en).toContain('needs an average fare');
  });

  it('for a reviewer: the report\'s estimate, no advice on where to take the gap, no promise to show it later', () => {
    const c = compareRule(figure(323_000), 1_200_000, { audience: 'reviewer' });
    expect(c.words.ko).toBe('회사 기준 보상액은 323,000원, 이 보고서가 계산한 손실은 1,200,000원으로 차이는 877,000원이에요.');
    expect(c.words.en).not.toMatch(/mediation|our/i);
    expect(compareRule({ computable: false, loss: null, band: null }, 100, { audience: 'reviewer' }).words.ko).toBe('회사 기준 보상액은 필요한 값이나 기록이 없어 계산하지 못했어요.');
  });
});

describe('the packet shows every applicable rule beside the estimate, declared inputs as declared', () => {
  it('LG U+ PC cafe: 710,000원 for both days, the days and the fee shown as declared by the claimant', () => {
    const claim = example('pc-cafe-lguplus-2023');
    const d = describeClaim(claim, findChannelProfile('damage365')!);
    const e = estimateClaim(claim);
    const rules = d.report.companyRules!;
    expect(rules).toHaveLength(2);
    const pc = rules.find((r) => r.name.includes('PC방'))!;
    expect(pc.loss).toBe(710_000);
    // The example's lost profit (141,555원) is below the PC cafe amount: the company's figure is the higher one.
    expect(e.lostProfit).toBe(141_555);
    expect(pc.gap).toBe('회사 기준 보상액은 710,000원, 이 보고서가 계산한 손실은 141,555원으로 회사 기준이 568,445원 더 많아요.');
    expect(pc.inputs).toEqual(['장애를 겪은 날 (신청인이 적은 값): 2023-01-29(일), 2023-02-04(토). 증빙은 아직 없어요 (요청 서류: PC방 이용 기록·매출 자료)']);
    expect(rules[0]!.inputs[0]).toContain('월 이용 요금 (통화료 제외) (신청인이 적은 값): 385,000원');

    // The form text of the 365 Center carries the comparison too (it has no rule of its own).
    const loss = fillFormFields(findChannelProfile('damage365')!, d.facts, d.choiceContext).find((f) => f.id === 'loss')!;
    expect(loss.text).toContain('회사 기준 보상액은 710,000원');
    expect(loss.text).toContain('장애를 겪은 날 (신청인이 적은 값): 2023-01-29(일), 2023-02-04(토)');
  });

  it('a rule input not declared yet reads so in the packet, and the rule says it is not computed', () => {
    const claim = example('pc-cafe-lguplus-2023');
    const d = describeClaim({ ...claim, ruleInputs: {} }, findChannelProfile('generic')!);
    const pc = d.report.companyRules!.find((r) => r.name.includes('PC방'))!;
    expect(pc.loss).toBeNull();
    expect(pc.inputs[0]).toBe('장애를 겪은 날: 아직 적지 않았어요 (증빙은 아직 없어요 (요청 서류: PC방 이용 기록·매출 자료))');
    expect(pc.gap).toBe('회사 기준 보상액은 필요한 값이나 기록이 없어 계산하지 못했어요.');
  });
});

describe('channelsForClaim: the channels come from the claim’s own pack', () => {
  it('the channel\'s own rule is worked through once: its section has the weeks, the comparison only the figure and the gap', () => {
    const d = describeClaim(example('merchant-best-week'), findChannelProfile('kakao-2022-smb-documents')!);
    expect(d.report.rule!.detail.join(' ')).toContain('가장 높은 주간');
    const own = d.report.companyRules!.find((r) => r.name === d.report.rule!.name)!;
    expect(own.lines).toEqual([]);
    expect(own.gap).toContain('회사 기준 산정액은');
    // Another channel's packet has no section of its own for the rule: the comparison keeps its lines.
    const other = describeClaim(example('merchant-best-week'), findChannelProfile('damage365')!).report.companyRules!.find((r) => r.name === d.report.rule!.name)!;
    expect(other.lines.join(' ')).toContain('가장 높은 주');
  });

  it('an LG U+ claim gets the 365 Center, mediation and generic, with the 365 Center first, and no Kakao form', () => {
    const { profiles, defaultId } = channelsForClaim(example('pc-cafe-lguplus-2023'));
    expect(profiles.map((p) => p.id)).toEqual(['damage365', 'dispute-mediation', 'generic']);
    expect(defaultId).toBe('damage365');
  });

  it('a Kakao merchant starts at the channel whose rule applies to it; a taxi driver at Kakao Mobility; neither sees the other’s rule channel', () => {
    const merchant = channelsForClaim(example('merchant-best-week'));
    expect(merchant.defaultId).toBe('kakao-2022-smb-documents');
    expect(merchant.profiles.map((p) => p.id)).not.toContain('kakao-mobility-2022-taxi');
    const taxi = channelsForClaim(example('taxi-franchise'));
    expect(taxi.defaultId).toBe('kakao-mobility-2022-taxi');
    expect(taxi.profiles.map((p) => p.id)).not.toContain('kakao-2022-smb-documents');
  });

  it('a user’s own incident (no pack) gets the generic channels only', () => {
    const claim = example('cafe-daily');
    const own = { ...claim, incident: { ...claim.incident, id: 'my-outage', presetId: undefined } };
    expect(channelsForClaim(own).profiles.map((p) => p.id)).toEqual(['damage365', 'dispute-mediation', 'generic']);
  });
});

describe('a paid plan\'s rule reaches the packet only for a subscriber', () => {
  it('a designated driver who declared no Pro fee has no Pro rule in the packet; one who did sees 4,260원 beside the estimate', () => {
    const driver = example('driver-2022');
    const without = describeClaim(driver, findChannelProfile('damage365')!);
    expect((without.report.companyRules ?? []).map((r) => r.name)).not.toContain('카카오모빌리티 유료 회원 보상 (6일분 이용료)');
    expect(without.facts['rules.comparison'] ?? '').not.toContain('유료 회원');
    // The estimate itself still carries the rule, so the app can ask for the fee.
    expect(estimateClaim(driver).rules['kakao-mobility-2022-pro']).toBeDefined();

    const member: Claim = { ...driver, ruleInputs: { ...(driver.ruleInputs ?? {}), proMonthlyFee: { value: 22_000, evidenceIds: [], note: '' } } };
    const withFee = describeClaim(member, findChannelProfile('damage365')!);
    const pro = (withFee.report.companyRules ?? []).find((r) => r.name === '카카오모빌리티 유료 회원 보상 (6일분 이용료)')!;
    expect(pro.loss).toBe(4_260);
    // The reviewer reads the gap, not advice to the claimant on where to take it.
    expect(pro.gap).toBe('회사 기준 보상액은 4,260원, 이 보고서가 계산한 손실은 210,750원으로 차이는 206,490원이에요.');
    expect(withFee.facts['rules.comparison']).toContain('카카오모빌리티 유료 회원 보상 (6일분 이용료): 회사 기준 보상액은 4,260원');

    // Calls counted without fares and no average fare: the gap asks for the driver's 평균 요금.
    const countsOnly: Claim = { ...member, records: member.records.map((r) => ({ ...r, revenue: null })), parameters: { ...member.parameters, averageTicket: undefined } };
    const noFare = (describeClaim(countsOnly, findChannelProfile('damage365')!).report.companyRules ?? []).find((r) => r.loss === 4_260)!;
    expect(noFare.gap).toBe('회사 기준 보상액은 4,260원이에요. 이 보고서가 계산한 손실은 평균 요금을 정해야 금액이 나와요.');
  });
});
