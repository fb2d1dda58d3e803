import type { Claim, Submission, SubmissionStatus } from '../model/claim';
import { neutraliseCell } from '../packet/csv';
import { sumWon, type Won } from '../model/money';
import { bi } from '../model/common';
import { GROUP_MEDIATION_MIN_MEMBERS } from './next-steps';

/**
 * The association view over its members' claims (issue 9): each member's latest submission status, the
 * totals claimed, offered and paid, and the groups with the same harm that are large enough for group
 * mediation. Pure over a list of claims; `claimTotalOf` is the engine's figure (estimateClaim) so nothing is
 * recomputed here.
 */

export type MemberStatus = SubmissionStatus | 'not-submitted';

/** The latest word from one channel. */
export type ChannelStatus = { channel: string; status: SubmissionStatus; sentAt?: string };

export type MemberRow = {
  claimId: string;
  name: string;
  businessName?: string;
  status: MemberStatus;
  channels: string[];
  /** Per channel, in the order first used: that channel's latest submission. */
  byChannel: ChannelStatus[];
  claimed: Won;
  offered: Won;
  paid: Won;
};

export type HarmGroup = {
  /** `incidentId|serviceId`: the same outage of the same service is the same harm. */
  key: string;
  incidentId: string;
  serviceId: string;
  serviceName: { ko: string; en: string };
  claimIds: string[];
  count: number;
  groupMediationEligible: boolean;
};

export type AssociationTracker = {
  members: MemberRow[];
  totals: { members: number; claimed: Won; offered: Won; paid: Won; gap: Won };
  byStatus: Partial<Record<MemberStatus, number>>;
  harmGroups: HarmGroup[];
  /** Claim ids seen more than once (counted once). */
  duplicates: string[];
};

/** What the association view needs of one submission (a claim's or a batch member's). */
export type AssociationSubmission = Pick<Submission, 'channel' | 'status' | 'sentAt' | 'offered' | 'paid'>;

/**
 * One member as the association view sees them, whether a whole claim or a batch member's summary:
 * `claimed` is the engine's figure, `harms` the outage services they were hit by.
 */
export type AssociationMember = {
  claimId: string;
  name: string;
  businessName?: string;
  mobile?: string;
  /** 시도 시군구, as written. */
  region?: string;
  submissions: readonly AssociationSubmission[];
  claimed: Won;
  /** One entry per service (no repeats). */
  harms: readonly { incidentId: string; serviceId: string; serviceName: { ko: string; en: string } }[];
};

const sentTime = (s: AssociationSubmission) => (s.sentAt ? Date.parse(s.sentAt) : Number.NEGATIVE_INFINITY);

/** The submission that speaks last: the one sent last; an unsent one only when nothing was sent. */
function latestOf(list: readonly AssociationSubmission[]): AssociationSubmission | undefined {
  let best: AssociationSubmission | undefined;
  for (const s of list) if (!best || sentTime(s) > sentTime(best)) best = s;
  return best;
}

/** The latest word: the submission sent last; a draft only when nothing was sent. */
function latestStatus(submissions: readonly AssociationSubmission[]): MemberStatus {
  const sent = latestOf(submissions.filter((s) => s.sentAt));
  if (sent) return sent.status;
  return submissions.length ? 'draft' : 'not-submitted';
}

function channelStatuses(submissions: readonly AssociationSubmission[]): ChannelStatus[] {
  const channels = [...new Set(submissions.map((s) => s.channel))];
  return channels.map((channel) => {
    const latest = latestOf(submissions.filter((s) => s.channel === channel))!;
    return { channel, status: latest.status, ...(latest.sentAt ? { sentAt: latest.sentAt } : {}) };
  });
}

export function associationMemberOfClaim(claim: Claim, claimed: Won): AssociationMember {
  const c = claim.claimant;
  const incidentId = claim.incident.presetId ?? claim.incident.id;
  const harms = [...new Set(c.servicesUsed)].flatMap((serviceId) => {
    const service = claim.incident.services.find((s) => s.id === serviceId);
    return service ? [{ incidentId, serviceId, serviceName: { ko: service.name.ko, en: service.name.en || service.name.ko } }] : [];
  });
  return {
    claimId: claim.id,
    name: c.name,
    ...(c.kind === 'merchant' && c.businessName ? { businessName: c.businessName } : {}),
    mobile: c.mobile,
    region: c.region ? [c.region.sido, c.region.sigungu].filter(Boolean).join(' ') : '',
    submissions: claim.submissions,
    claimed,
    harms,
  };
}

/** The association view over members (each claim id counted once, the first time it is seen). */
export function associationTrackerOf(all: readonly AssociationMember[]): AssociationTracker {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const unique: AssociationMember[] = [];
  for (const m of all) {
    if (seen.has(m.claimId)) {
      if (!duplicates.includes(m.claimId)) duplicates.push(m.claimId);
      continue;
    }
    seen.add(m.claimId);
    unique.push(m);
  }
  const members = unique.map((m): MemberRow => ({
    claimId: m.claimId,
    name: m.name,
    ...(m.businessName ? { businessName: m.businessName } : {}),
    status: latestStatus(m.submissions),
    channels: [...new Set(m.submissions.map((s) => s.channel))],
    byChannel: channelStatuses(m.submissions),
    claimed: m.claimed,
    offered: sumWon(m.submissions.map((s) => (s.offered ?? 0) as Won)),
    paid: sumWon(m.submissions.map((s) => (s.paid ?? 0) as Won)),
  }));
  const byStatus: Partial<Record<MemberStatus, number>> = {};
  for (const m of members) byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;

  const groups = new Map<string, HarmGroup>();
  for (const m of unique) {
    for (const harm of m.harms) {
      const key = `${harm.incidentId}|${harm.serviceId}`;
      const group = groups.get(key) ?? { key, incidentId: harm.incidentId, serviceId: harm.serviceId, serviceName: harm.serviceName, claimIds: [], count: 0, groupMediationEligible: false };
      group.claimIds.push(m.claimId);
      group.count = group.claimIds.length;
      group.groupMediationEligible = group.count >= GROUP_MEDIATION_MIN_MEMBERS;
      groups.set(key, group);
    }
  }
  const claimed = sumWon(members.map((m) => m.claimed));
  const paid = sumWon(members.map((m) => m.paid));
  return {
    members,
    totals: { members: members.length, claimed, offered: sumWon(members.map((m) => m.offered)), paid, gap: (claimed - paid) as Won },
    byStatus,
    harmGroups: [...groups.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    duplicates,
  };
}

export function associationTracker(claims: readonly Claim[], claimTotalOf: (claim: Claim) => Won): AssociationTracker {
  // A claim seen twice is estimated once.
  const byId = new Map<string, AssociationMember>();
  return associationTrackerOf(claims.map((claim) => {
    let m = byId.get(claim.id);
    if (!m) byId.set(claim.id, (m = associationMemberOfClaim(claim, claimTotalOf(claim))));
    return m;
  }));
}

/** Members typed these cells: a leading = + - @ is neutralised so a spreadsheet does not run it. */
const csvCell = (v: string | number) => {
  const s = neutraliseCell(String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The roster for group mediation at 한국소비자원: one row per member with the same harm. UTF-8 with a BOM so
 * Excel opens the Korean as it is. Refuses a group under the legal minimum.
 */
export function groupMediationRosterOf(tracker: AssociationTracker, members: readonly AssociationMember[], groupKey: string): string {
  const group = tracker.harmGroups.find((g) => g.key === groupKey);
  if (!group) throw new RangeError(bi(`같은 피해 묶음을 찾을 수 없어요`, `no harm group ${groupKey}`));
  if (!group.groupMediationEligible) {
    throw new RangeError(
      bi(`집단분쟁조정에는 같은 피해를 입은 ${GROUP_MEDIATION_MIN_MEMBERS}명 이상이 필요해요 (지금 ${group.count}명)`, `group mediation needs ${GROUP_MEDIATION_MIN_MEMBERS} or more members with the same harm (now ${group.count})`),
    );
  }
  const byId = new Map<string, AssociationMember>();
  for (const m of members) if (!byId.has(m.claimId)) byId.set(m.claimId, m);
  const rowOf = new Map(tracker.members.map((m) => [m.claimId, m]));
  const rows = [['번호', '이름', '상호', '연락처', '지역', '피해 서비스', '청구 금액(원)', '지급받은 금액(원)', '신청 상태', '청구 ID']];
  group.claimIds.forEach((id, i) => {
    const who = byId.get(id);
    const member = rowOf.get(id)!;
    rows.push([
      String(i + 1),
      member.name,
      member.businessName ?? '',
      who?.mobile ?? '',
      who?.region ?? '',
      group.serviceName.ko,
      String(member.claimed),
      String(member.paid),
      member.status,
      id,
    ]);
  });
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function groupMediationRoster(tracker: AssociationTracker, claims: readonly Claim[], groupKey: string): string {
  const total = new Map(tracker.members.map((m) => [m.claimId, m.claimed]));
  return groupMediationRosterOf(tracker, claims.map((c) => associationMemberOfClaim(c, total.get(c.id) ?? (0 as Won))), groupKey);
}
