import type { ClaimEstimate } from '../estimate/types';
import type { RuleBand } from '../estimate/rules/types';
import type { Claim, SubmissionStatus } from '../model/claim';
import { sumWon, type Won } from '../model/money';
import type { ChannelProfile } from '../packet/profile';

/**
 * Claimed against paid. Every amount asked is a figure the engine returned (estimateClaim); the tracker only
 * subtracts what the channel offered or paid. `asked` follows the packet: a channel with its own rule was
 * asked for the rule's figure, others for the lost profit or the claim total (the profile's headlineFigure).
 */

export type ChannelRuleView = {
  id: string;
  title: { ko: string; en: string };
  /** The loss as the channel's rule defines it (e.g. the best-week sales loss). */
  loss: Won;
  /** The band the rule put the claim in, with what the channel pays for it (null: reviewed case by case). */
  band: RuleBand | null;
  source: string;
};

export type SubmissionGap = {
  submissionId: string;
  channel: string;
  status: SubmissionStatus;
  askedFigure: 'rule' | 'lostProfit' | 'claimTotal';
  asked: Won;
  rule: ChannelRuleView | null;
  offered: Won | null;
  paid: Won | null;
  /** asked - paid (or - offered while nothing is paid); null before any answer with an amount. */
  shortBy: Won | null;
  /** The channel offered or paid less than its own rule's band pays. */
  belowOwnRule: boolean;
  /** An offer or payment under what was asked, or a rejection: time for the next step. */
  fallsShort: boolean;
};

export type ClaimGap = {
  claimTotal: Won;
  lostProfit: Won;
  lostProfitRange: { low: Won; high: Won; level: number };
  paidTotal: Won;
  /** Offers not yet paid. */
  offeredOpen: Won;
  /** claimTotal - paidTotal: what no channel has made good yet (negative when more was paid). */
  gap: Won;
  submissions: SubmissionGap[];
};

function ruleView(estimate: ClaimEstimate, profile: ChannelProfile | undefined): ChannelRuleView | null {
  const result = profile?.rule ? estimate.rules[profile.rule] : undefined;
  if (!result || !result.computable || result.loss === null) return null;
  return { id: result.id, title: result.title, loss: result.loss, band: result.band, source: result.source };
}

export function claimGap(claim: Claim, estimate: ClaimEstimate, profiles: readonly ChannelProfile[]): ClaimGap {
  const submissions = claim.submissions.map((s): SubmissionGap => {
    const profile = profiles.find((p) => p.id === s.channel);
    const rule = ruleView(estimate, profile);
    const headline = profile?.headlineFigure ?? 'claimTotal';
    const askedFigure = headline === 'rule' ? (rule ? 'rule' : 'claimTotal') : headline;
    const asked = askedFigure === 'rule' ? rule!.loss : askedFigure === 'lostProfit' ? estimate.lostProfit : estimate.claimTotal;
    const offered = (s.offered ?? null) as Won | null;
    const paid = (s.paid ?? null) as Won | null;
    const answered = paid ?? offered;
    const shortBy = answered === null ? null : ((asked - answered) as Won);
    const bandPays = rule?.band?.payout ?? null;
    const belowOwnRule = answered !== null && bandPays !== null && answered < bandPays;
    const fallsShort = s.status === 'rejected' || (answered !== null && answered < asked && (s.status === 'offer-made' || s.status === 'paid'));
    return { submissionId: s.id, channel: s.channel, status: s.status, askedFigure, asked, rule, offered, paid, shortBy, belowOwnRule, fallsShort };
  });
  const paidTotal = sumWon(submissions.map((s) => s.paid ?? (0 as Won)));
  const offeredOpen = sumWon(submissions.filter((s) => s.status === 'offer-made' && s.paid === null).map((s) => s.offered ?? (0 as Won)));
  return {
    claimTotal: estimate.claimTotal,
    lostProfit: estimate.lostProfit,
    lostProfitRange: { low: estimate.lostProfitRange.low, high: estimate.lostProfitRange.high, level: estimate.lostProfitRange.level },
    paidTotal,
    offeredOpen,
    gap: (estimate.claimTotal - paidTotal) as Won,
    submissions,
  };
}
