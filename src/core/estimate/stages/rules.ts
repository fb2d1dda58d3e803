/**
 * Stage "3.3 Channel rules": each rule of the incident's pack, beside the estimate, never instead of it.
 * The gap between a rule's figure and the app's lost profit is what the claimant takes to the 365 Center
 * or mediation (incident-packs.md).
 */
import type { Claim } from '../../model/claim';
import { bt } from '../../model/common';
import type { IncidentPack } from '../../model/incident-pack';
import { formatWon, type Won } from '../../model/money';
import type { RecordIndex, Tickets } from '../record-index';
import { rulesFor, type RuleResult } from '../rules/index';
import type { ClaimWindow } from '../window';

export function ruleFiguresStage(
  claim: Claim,
  input: { window: ClaimWindow; index: RecordIndex; ticket: Tickets; lostProfit: Won },
  pack: IncidentPack | undefined,
): Record<string, RuleResult> {
  const rules: Record<string, RuleResult> = {};
  for (const rule of rulesFor(claim, pack)) {
    const r = rule.compute({ claim, window: input.window, index: input.index, averageTicket: input.ticket });
    rules[rule.id] = { ...r, gap: ruleGap(r.loss, input.lostProfit) };
  }
  return rules;
}

/** The gap between a rule's figure and the app's lost-profit estimate, in words (`{ ko, en }`). */
export function ruleGap(ruleFigure: Won | null, lostProfit: Won): RuleResult['gap'] {
  if (ruleFigure === null) return null;
  const difference = (lostProfit - ruleFigure) as Won;
  const fmt = (n: number) => formatWon(Math.abs(Math.round(n)));
  const words =
    difference > 0
      ? bt(`회사 기준 금액 ${fmt(ruleFigure)}은 앱이 계산한 잃은 이익 ${fmt(lostProfit)}보다 ${fmt(difference)} 적어요. 이 차이를 온라인피해365센터나 분쟁조정에 청구할 수 있어요`, `the company's figure ${fmt(ruleFigure)} is ${fmt(difference)} below the app's lost-profit estimate ${fmt(lostProfit)}; the difference can be taken to the 365 Center or mediation`)
      : difference < 0
        ? bt(`회사 기준 금액 ${fmt(ruleFigure)}이 앱이 계산한 잃은 이익 ${fmt(lostProfit)}보다 ${fmt(difference)} 많아요`, `the company's figure ${fmt(ruleFigure)} is ${fmt(difference)} above the app's lost-profit estimate ${fmt(lostProfit)}`)
        : bt(`회사 기준 금액과 앱이 계산한 잃은 이익이 ${fmt(lostProfit)}으로 같아요`, `the company's figure equals the app's lost-profit estimate, ${fmt(lostProfit)}`);
  return { ruleFigure, appEstimate: lostProfit, difference, words };
}
