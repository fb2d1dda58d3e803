import type { Submission, SubmissionStatus } from '../model/claim';
import { formatKst, formatWon } from './format';
import { findChannelProfile } from './profiles';

/**
 * How a packet cites what was already sent elsewhere: a 365 Center or mediation application must say where
 * the claim went first and what came of it, and the SHA-256 of the packet sent then proves its content.
 */

export const SUBMISSION_STATUS_KO: Record<SubmissionStatus, string> = {
  draft: '준비 중',
  sent: '보냄',
  acknowledged: '접수됨',
  'documents-requested': '서류 요청받음',
  'offer-made': '보상 제안받음',
  paid: '지급받음',
  rejected: '거절됨',
  escalated: '다른 기관에 신청함',
};

/**
 * Why an escalation is asked for, as the tracker records it: never a rejection that is not on record.
 * A rejection or an offer below the claim; a claim sent with no answer yet; or no earlier claim at all.
 */
export function escalationReasonKo(submissions: readonly Submission[], channelId: string): string {
  const sent = submissions.filter((s) => s.sentAt && s.channel !== channelId);
  if (sent.some((s) => s.status === 'rejected')) return '회사에 낸 신청이 거절되어 조정을 신청해요.';
  if (sent.some((s) => s.status === 'offer-made' || s.status === 'paid')) return '회사의 제안이나 지급으로는 계산된 손해가 다 보상되지 않아 조정을 신청해요.';
  if (sent.length > 0) return '회사에 낸 신청에 아직 결과가 없어 조정을 신청해요.';
  return '회사에 따로 낸 신청은 없고, 이 손해의 보상을 조정으로 구해요.';
}

/** One sentence per submission that was sent (has `sentAt`) to a channel other than `channelId`, oldest first. */
export function earlierSubmissionsKo(submissions: readonly Submission[], channelId: string): string | undefined {
  const sent = submissions
    .filter((s) => s.sentAt && s.channel !== channelId)
    .sort((a, b) => Date.parse(a.sentAt!) - Date.parse(b.sentAt!));
  if (sent.length === 0) return undefined;
  return sent
    .map((s) => {
      const name = findChannelProfile(s.channel)?.name.ko ?? s.channel;
      const parts = [`${formatKst(s.sentAt!).slice(0, 10)}에 「${name}」에 신청했어요`];
      if (s.reference) parts.push(`접수번호 ${s.reference}`);
      if (s.packetSha256) parts.push(`보낸 묶음 SHA-256 ${s.packetSha256}`);
      parts.push(`결과: ${SUBMISSION_STATUS_KO[s.status]}`);
      if (s.offered !== undefined) parts.push(`제안 ${formatWon(s.offered)}`);
      if (s.paid !== undefined) parts.push(`지급 ${formatWon(s.paid)}`);
      return `${parts.join(', ')}.`;
    })
    .join(' ');
}
