import type { Claim, SubmissionStatus } from '../model/claim';
import { sumWon, type Won } from '../model/money';
import { GROUP_MEDIATION_MIN_MEMBERS } from './next-steps';

/**
 * The association view over its members' claims (issue 9): each member's latest submission status, the
 * totals claimed, offered and paid, and the groups with the same harm that are large enough for group
 * mediation. Pure over a list of claims; `claimTotalOf` is the engine's figure (estimateClaim) so nothing is
 * recomputed here.
 */

export type MemberStatus = SubmissionStatus | 'not-submitted';

export type MemberRow = {
  claimId: string;
  name: string;
  businessName?: string;
  status: MemberStatus;
  channels: string[];
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

/** The latest word: the submission sent last; a draft only when nothing was sent. */
function latestStatus(claim: Claim): MemberStatus {
  const sent = claim.submissions.filter((s) => s.sentAt).sort((a, b) => Date.parse(b.sentAt!) - Date.parse(a.sentAt!));
  if (sent[0]) return sent[0].status;
  return claim.submissions.length ? 'draft' : 'not-submitted';
}

export function associationTracker(claims: readonly Claim[], claimTotalOf: (claim: Claim) => Won): AssociationTracker {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const unique: Claim[] = [];
  for (const c of claims) {
    if (seen.has(c.id)) {
      if (!duplicates.includes(c.id)) duplicates.push(c.id);
      continue;
    }
    seen.add(c.id);
    unique.push(c);
  }
  const members = unique.map((claim): MemberRow => {
    const c = claim.claimant;
    return {
      claimId: claim.id,
      name: c.name,
      ...(c.kind === 'merchant' && c.businessName ? { businessName: c.businessName } : {}),
      status: latestStatus(claim),
      channels: [...new Set(claim.submissions.map((s) => s.channel))],
      claimed: claimTotalOf(claim),
      offered: sumWon(claim.submissions.map((s) => (s.offered ?? 0) as Won)),
      paid: sumWon(claim.submissions.map((s) => (s.paid ?? 0) as Won)),
    };
  });
  const byStatus: Partial<Record<MemberStatus, number>> = {};
  for (const m of members) byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;

  const groups = new Map<string, HarmGroup>();
  for (const claim of unique) {
    for (const serviceId of new Set(claim.claimant.servicesUsed)) {
      const service = claim.incident.services.find((s) => s.id === serviceId);
      if (!service) continue;
      const incidentId = claim.incident.presetId ?? claim.incident.id;
      const key = `${incidentId}|${serviceId}`;
      const group = groups.get(key) ?? { key, incidentId, serviceId, serviceName: { ko: service.name.ko, en: service.name.en || service.name.ko }, claimIds: [], count: 0, groupMediationEligible: false };
      group.claimIds.push(claim.id);
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

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The roster for group mediation at 한국소비자원: one row per member with the same harm. UTF-8 with a BOM so
 * Excel opens the Korean as it is. Refuses a group under the legal minimum.
 */
export function groupMediationRoster(tracker: AssociationTracker, claims: readonly Claim[], groupKey: string): string {
  const group = tracker.harmGroups.find((g) => g.key === groupKey);
  if (!group) throw new RangeError(`같은 피해 묶음을 찾을 수 없어요 / no harm group ${groupKey}`);
  if (!group.groupMediationEligible) {
    throw new RangeError(
      `집단분쟁조정에는 같은 피해를 입은 ${GROUP_MEDIATION_MIN_MEMBERS}명 이상이 필요해요 (지금 ${group.count}명) / group mediation needs ${GROUP_MEDIATION_MIN_MEMBERS} or more members with the same harm (now ${group.count})`,
    );
  }
  const byId = new Map(claims.map((c) => [c.id, c]));
  const rows = [['번호', '이름', '상호', '연락처', '지역', '피해 서비스', '청구 금액(원)', '지급받은 금액(원)', '신청 상태', '청구 ID']];
  group.claimIds.forEach((id, i) => {
    const claim = byId.get(id)!;
    const member = tracker.members.find((m) => m.claimId === id)!;
    const c = claim.claimant;
    rows.push([
      String(i + 1),
      c.name,
      member.businessName ?? '',
      c.mobile,
      c.region ? [c.region.sido, c.region.sigungu].filter(Boolean).join(' ') : '',
      group.serviceName.ko,
      String(member.claimed),
      String(member.paid),
      member.status,
      id,
    ]);
  });
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
