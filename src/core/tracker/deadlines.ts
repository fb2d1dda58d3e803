import type { IncidentPack } from '../model/incident-pack';
import { z } from 'zod';
import { submissionSchema, type Claim, type Submission, type SubmissionStatus } from '../model/claim';
import { claimantSchema } from '../model/claimant';
import { incidentSchema } from '../model/incident';
import { readJoined, type BilingualText } from '../model/common';
import { rulesFor } from '../estimate/rules/index';
import type { ChannelProfile } from '../packet/profile';
import { daysBetween, type KstDate } from '../time/kst';

/** The app warns on opening when a deadline still to meet is at most this many days away (issue 9). */
export const WARN_WITHIN_DAYS = 7;

export type DeadlineState = 'not-open' | 'open' | 'closed' | 'no-deadline';

export type Deadline = {
  channel: string;
  name: { ko: string; en: string };
  opens: string;
  /** The last day the channel takes claims (inclusive), or null when it published none. */
  closes: string | null;
  /** Days from today to `closes` (0: today is the last day; negative: closed). */
  daysLeft: number | null;
  state: DeadlineState;
  /** Something is still owed to the channel: nothing sent yet, or it asked for documents. */
  due: boolean;
  /** Due, open and closing within WARN_WITHIN_DAYS. */
  warn: boolean;
  submissionIds: string[];
  /** The channel's intake note (a pack's "한국어 / English" text, read once here). */
  note?: BilingualText;
  source: string;
};

/** Statuses after which nothing more is owed to the channel until it answers. */
const DELIVERED: ReadonlySet<SubmissionStatus> = new Set(['sent', 'acknowledged', 'offer-made', 'paid', 'rejected', 'escalated']);

/**
 * What deadlines read: the incident, who claims (for the channel rules that apply) and the submissions. The
 * shell's warning passes the stored document's parts without loading records or running the estimate.
 */
export type DeadlineInput = Pick<Claim, 'incident' | 'claimant' | 'submissions'>;

const deadlineInputSchema = z.object({ incident: incidentSchema, claimant: claimantSchema, submissions: z.array(submissionSchema).default([]) });

/** The deadline parts of a stored claim document, or null while they are missing or not valid yet. */
export function deadlineInputOf(body: unknown): DeadlineInput | null {
  const parsed = deadlineInputSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

function firstIncidentDay(claim: DeadlineInput): string {
  const starts = claim.incident.services.map((s) => (s.userWindow ?? s.window).start);
  return starts.sort()[0]!.slice(0, 10);
}

/**
 * Which channels' intake windows matter for a claim: those it already has a submission for, and those whose
 * rule (if any) applies to it and whose window did not close before the incident began (an open-ended one
 * only when it has a rule for this claim).
 */
export function relevantChannels(claim: DeadlineInput, profiles: readonly ChannelProfile[], pack?: IncidentPack): ChannelProfile[] {
  const used = new Set(claim.submissions.map((s) => s.channel));
  // A rule's appliesTo reads only the claimant (loss model 3.3), which DeadlineInput carries.
  const rules = new Set(rulesFor(claim as Claim, pack).map((r) => r.id));
  const incidentDay = firstIncidentDay(claim);
  return profiles.filter((p) => {
    if (used.has(p.id)) return true;
    if (!p.intake) return false;
    if (p.rule && !rules.has(p.rule)) return false;
    // An open-ended channel without a rule of its own (365 Center, mediation) is an option, not a deadline.
    if (p.intake.closes === null) return p.rule !== null;
    return p.intake.closes >= incidentDay;
  });
}

function isDue(submissions: readonly Submission[]): boolean {
  if (submissions.length === 0) return true;
  // The latest word decides: documents requested again after an acknowledgement is owed again.
  return !submissions.some((s) => DELIVERED.has(s.status)) || submissions.some((s) => s.status === 'documents-requested');
}

/** Every relevant channel's intake window against `today` (KST), earliest closing first, open-ended last. */
/** `pack`: the claim's pack when it is not bundled (stored on this computer): its rules decide which channels apply. */
export function claimDeadlines(claim: DeadlineInput, profiles: readonly ChannelProfile[], today: KstDate, pack?: IncidentPack): Deadline[] {
  const out: Deadline[] = [];
  for (const p of relevantChannels(claim, profiles, pack)) {
    if (!p.intake) continue;
    const subs = claim.submissions.filter((s) => s.channel === p.id);
    const closes = p.intake.closes;
    const daysLeft = closes === null ? null : daysBetween(today, closes);
    const state: DeadlineState =
      today < p.intake.opens ? 'not-open' : closes === null ? 'no-deadline' : daysLeft! < 0 ? 'closed' : 'open';
    const due = isDue(subs);
    out.push({
      channel: p.id,
      name: p.name,
      opens: p.intake.opens,
      closes,
      daysLeft,
      state,
      due,
      warn: due && state === 'open' && daysLeft! <= WARN_WITHIN_DAYS,
      submissionIds: subs.map((s) => s.id),
      ...(p.intake.note ? { note: readJoined(p.intake.note) } : {}),
      source: p.intake.source,
    });
  }
  return out.sort((a, b) => (a.closes ?? '9999') .localeCompare(b.closes ?? '9999') || a.channel.localeCompare(b.channel));
}

/** The deadlines to warn about on opening. */
export function deadlineWarnings(claim: DeadlineInput, profiles: readonly ChannelProfile[], today: KstDate): Deadline[] {
  return claimDeadlines(claim, profiles, today).filter((d) => d.warn);
}
