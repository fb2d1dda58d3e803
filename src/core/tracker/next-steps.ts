import type { Claim } from '../model/claim';
import type { ClaimGap } from './gap';
import { GENERIC_CHANNEL } from '../incidents/ids';

/**
 * What can follow an answer that falls short (issue 9). The options are structured; the UI and the CLI say
 * them in plain words. Order: the channel's own rule first (cheapest), then accepting, then the 온라인피해
 * 365센터, the 통신분쟁조정위원회 (which the 365 Center also refers cases to), group mediation for an
 * association, and last the small-claims court.
 */
export type NextStepId =
  | 'send-documents'
  | 'ask-own-rule'
  | 'accept-offer'
  | 'damage365'
  | 'dispute-mediation'
  | 'group-mediation'
  | 'small-claims';

export type NextStep = {
  id: NextStepId;
  /** The channel profile the step prepares a packet for, when it does. */
  channel: string | null;
  /** The submission this step answers; an escalation packet cites it. */
  citesSubmissionId: string;
  recommended: boolean;
  /** A submission to that channel exists already (prepared or sent). */
  alreadyStarted: boolean;
};

/** 소액사건심판법: claims of at most 30,000,000 KRW go to the simpler small-claims procedure. */
export const SMALL_CLAIMS_LIMIT_KRW = 30_000_000;
/** 소비자기본법 제68조의2: collective mediation at 한국소비자원 needs 50 or more consumers with the same harm. */
export const GROUP_MEDIATION_MIN_MEMBERS = 50;

export function nextSteps(claim: Claim, gap: ClaimGap, submissionId: string): NextStep[] {
  const sub = gap.submissions.find((s) => s.submissionId === submissionId);
  if (!sub) return [];
  const started = (channel: string) => claim.submissions.some((s) => s.id !== submissionId && s.channel === channel);
  const step = (id: NextStepId, channel: string | null, recommended = false): NextStep => ({
    id,
    channel,
    citesSubmissionId: submissionId,
    recommended,
    alreadyStarted: channel !== null && started(channel),
  });
  if (sub.status === 'documents-requested') return [step('send-documents', sub.channel, true)];
  if (!sub.fallsShort) return [];

  const steps: NextStep[] = [];
  if (sub.belowOwnRule) steps.push(step('ask-own-rule', sub.channel, true));
  if (sub.status === 'offer-made') steps.push(step('accept-offer', null));
  // Escalate one level above where this submission went.
  if (sub.channel !== GENERIC_CHANNEL.damage365 && sub.channel !== GENERIC_CHANNEL.disputeMediation) {
    steps.push(step('damage365', GENERIC_CHANNEL.damage365, !sub.belowOwnRule && !started(GENERIC_CHANNEL.damage365)));
  }
  if (sub.channel !== GENERIC_CHANNEL.disputeMediation) {
    steps.push(step('dispute-mediation', GENERIC_CHANNEL.disputeMediation, sub.channel === GENERIC_CHANNEL.damage365 && !sub.belowOwnRule));
  }
  steps.push(step('group-mediation', null));
  if (gap.claimTotal <= SMALL_CLAIMS_LIMIT_KRW) steps.push(step('small-claims', null));
  return steps;
}
