import type { Claim, Submission } from '../model/claim';
import { bt } from '../model/common';
import { formatKst } from '../packet/format';
import type { ChannelProfile } from '../packet/profile';
import { SUBMISSION_STATUS_KO } from '../packet/submissions';
import { TrackerInputError } from './today';
import { GENERIC_CHANNEL } from '../incidents/ids';

/** Where an escalation can go with a packet of its own. */
export const ESCALATION_CHANNELS = [GENERIC_CHANNEL.damage365, GENERIC_CHANNEL.disputeMediation] as const;
export type EscalationChannel = (typeof ESCALATION_CHANNELS)[number];

export type PreparedEscalation = {
  /** The claim with the new draft submission: build the packet from it (its claim.json carries both). */
  claim: Claim;
  submission: Submission;
  cited: Submission;
  channel: EscalationChannel;
};

/** One line a person can read in the tracker and in claim.json: what this application follows on from. */
export function citationNote(cited: Submission, profiles: readonly ChannelProfile[]): string {
  const name = profiles.find((p) => p.id === cited.channel)?.name.ko ?? cited.channel;
  const parts = [`${formatKst(cited.sentAt!).slice(0, 10)} 「${name}」 신청(신청 id ${cited.id})에 이어서 내요`];
  if (cited.reference) parts.push(`접수번호 ${cited.reference}`);
  if (cited.packetSha256) parts.push(`보낸 묶음 SHA-256 ${cited.packetSha256}`);
  parts.push(`결과 ${SUBMISSION_STATUS_KO[cited.status]}`);
  return `${parts.join(', ')}.`;
}

/**
 * The next packet from the same claim: a draft submission to the 365 Center or the mediation committee whose
 * note cites the earlier submission. The packet's form text cites every submission already sent (with its
 * packet hash), so the escalation needs no copy of the earlier figures: they are recomputed from claim.json.
 * An existing draft to the same channel is reused rather than duplicated.
 */
export function prepareEscalation(
  claim: Claim,
  citedId: string,
  channel: string,
  newSubmissionId: string,
  profiles: readonly ChannelProfile[],
): PreparedEscalation {
  if (!(ESCALATION_CHANNELS as readonly string[]).includes(channel)) {
    throw new TrackerInputError(bt(`이어서 낼 수 있는 곳이 아니에요: ${channel} (가능: ${ESCALATION_CHANNELS.join(', ')})`, `not an escalation channel: ${channel}`));
  }
  const cited = claim.submissions.find((s) => s.id === citedId);
  if (!cited) throw new TrackerInputError(bt(`신청을 찾을 수 없어요: ${citedId}`, `no submission with id ${citedId}`));
  if (!cited.sentAt) {
    throw new TrackerInputError(bt(`앞선 신청(${citedId})의 보낸 날짜가 없어요: 먼저 보낸 날짜를 기록해 주세요`, `submission ${citedId} has no sentAt: record when it was sent first`));
  }
  if (cited.channel === channel) {
    throw new TrackerInputError(bt('같은 곳에 다시 내는 것은 이어서 내기가 아니에요', 'escalating to the same channel is not an escalation'));
  }
  const note = citationNote(cited, profiles);
  const existing = claim.submissions.find((s) => s.channel === channel && s.status === 'draft');
  const submission: Submission = existing
    ? { ...existing, notes: existing.notes.includes(note) ? existing.notes : [note, existing.notes].filter(Boolean).join('\n').slice(0, 4000) }
    : { id: newSubmissionId, channel, status: 'draft', notes: note };
  if (!existing && claim.submissions.some((s) => s.id === newSubmissionId)) {
    throw new TrackerInputError(bt(`이미 있는 신청 id예요: ${newSubmissionId}`, `duplicate submission id: ${newSubmissionId}`));
  }
  const submissions = existing ? claim.submissions.map((s) => (s.id === existing.id ? submission : s)) : [...claim.submissions, submission];
  return { claim: { ...claim, submissions }, submission, cited, channel: channel as EscalationChannel };
}
