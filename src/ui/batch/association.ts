import type { BatchMember } from '../../core/batch/types';
import { maskMobile } from '../../core/batch/redact';
import { KAKAO_2022_10_ID, kakao2022October } from '../../core/incidents/kakao-2022-10';
import type { Won } from '../../core/model/money';
import type { AssociationMember } from '../../core/tracker/association';

/**
 * Batch members as the association view (core/tracker) reads them. The claimed figure is the one the
 * batch already holds (the engine's claim total for packets and claims, the declared amount for a roster
 * row). A roster row names no incident: the batch is the Kakao 2022 outage's (its services and tables are).
 */

const SERVICES = new Map(kakao2022October.services.map((s) => [s.id, s.name]));

export function associationMembers(members: readonly BatchMember[], options: { redact: boolean }): AssociationMember[] {
  return members.map((m) => {
    const incidentId = m.incidentId ?? KAKAO_2022_10_ID;
    const harms = [...new Set(m.services)].flatMap((serviceId) => {
      const name = SERVICES.get(serviceId);
      return name ? [{ incidentId, serviceId, serviceName: { ko: name.ko, en: name.en || name.ko } }] : [];
    });
    return {
      claimId: m.claimId ?? m.id,
      name: m.name,
      ...(m.businessName ? { businessName: m.businessName } : {}),
      ...(m.mobile ? { mobile: options.redact ? maskMobile(m.mobile) : m.mobile } : {}),
      region: [m.region.sido, m.region.sigungu].filter(Boolean).join(' '),
      submissions: m.submissions ?? [],
      claimed: (m.figures.total ?? 0) as Won,
      harms,
    };
  });
}
