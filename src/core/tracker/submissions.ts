import type { z } from 'zod';
import { submissionSchema, type Claim, type Submission, type SubmissionStatus } from '../model/claim';
import { bilingualErrorMap, toClaimIssues } from '../model/claim-file';
import { bt } from '../model/common';
import type { ChannelProfile } from '../packet/profile';
import { TrackerInputError } from './today';

/**
 * Recording what was sent and what came back. Pure: a claim's submissions in, a new list out (the caller
 * stores it in the claim document). Bad input throws TrackerInputError naming the submission and field,
 * and nothing changes.
 */

export type SubmissionInput = z.input<typeof submissionSchema>;

/** Statuses that mean the packet left: a date sent is then required. */
const AFTER_SENDING: ReadonlySet<SubmissionStatus> = new Set(['sent', 'acknowledged', 'documents-requested', 'offer-made', 'paid', 'rejected', 'escalated']);

function fail(index: number, field: string, ko: string, en: string): never {
  throw new TrackerInputError(bt(ko, en), `submissions[${index}].${field}`);
}

function checkOne(input: unknown, index: number, profiles: readonly ChannelProfile[]): Submission {
  const parsed = submissionSchema.safeParse(input, { error: bilingualErrorMap });
  if (!parsed.success) {
    const issue = toClaimIssues(parsed.error)[0]!;
    throw new TrackerInputError(issue.message, `submissions[${index}]${issue.path ? `.${issue.path}` : ''}`);
  }
  const s = parsed.data;
  if (!profiles.some((p) => p.id === s.channel)) {
    fail(index, 'channel', `알 수 없는 신청처예요: ${s.channel}`, `unknown channel: ${s.channel}`);
  }
  if (AFTER_SENDING.has(s.status) && !s.sentAt) fail(index, 'sentAt', '보낸 날짜를 적어 주세요', 'enter the date it was sent');
  if (s.status === 'offer-made' && s.offered === undefined) fail(index, 'offered', '제안받은 금액을 적어 주세요', 'enter the amount offered');
  if (s.status === 'paid' && s.paid === undefined) fail(index, 'paid', '지급받은 금액을 적어 주세요', 'enter the amount paid');
  return s;
}

/** Adds a submission (a fresh id is the caller's: the clock and randomness stay outside core). */
export function addSubmission(claim: Claim, input: SubmissionInput, profiles: readonly ChannelProfile[]): Submission[] {
  const index = claim.submissions.length;
  const s = checkOne(input, index, profiles);
  if (claim.submissions.some((x) => x.id === s.id)) fail(index, 'id', `이미 있는 신청 id예요: ${s.id}`, `duplicate submission id: ${s.id}`);
  return [...claim.submissions, s];
}

/** Changes one submission; fields not in `patch` stay, `undefined` in `patch` clears an optional field. */
export function updateSubmission(claim: Claim, id: string, patch: Partial<SubmissionInput>, profiles: readonly ChannelProfile[]): Submission[] {
  const index = claim.submissions.findIndex((s) => s.id === id);
  if (index < 0) throw new TrackerInputError(bt(`신청을 찾을 수 없어요: ${id}`, `no submission with id ${id}`));
  const merged: Record<string, unknown> = { ...claim.submissions[index]!, ...patch, id };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  const s = checkOne(merged, index, profiles);
  return claim.submissions.map((x, i) => (i === index ? s : x));
}

export function removeSubmission(claim: Claim, id: string): Submission[] {
  if (!claim.submissions.some((s) => s.id === id)) throw new TrackerInputError(bt(`신청을 찾을 수 없어요: ${id}`, `no submission with id ${id}`));
  return claim.submissions.filter((s) => s.id !== id);
}
