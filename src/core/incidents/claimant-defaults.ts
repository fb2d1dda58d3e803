/**
 * A claimant's starting services and sales channels, read from the incident's pack: which of its services
 * the claimant depended on, which of their channels stopped with them (the platform) and which stayed
 * open (mitigation, loss model section 4). Nothing here knows a particular outage: a service's `kind` in
 * the pack decides, and a service without one counts as a platform for everyone.
 */
import type { ClaimantKind, MerchantIndustry, TaxiType } from '../model/claimant';
import type { BilingualText } from '../model/common';
import type { Incident } from '../model/incident';
import type { IncidentPack, PackService, ServiceKind } from '../model/incident-pack';

/** What setup's first step decided, enough to choose the later steps' starting values. */
export interface ClaimantProfile {
  kind: ClaimantKind;
  industry?: MerchantIndustry;
  taxiType?: TaxiType;
}

export interface ChannelSuggestion {
  /** The channel's id in records: from the pack's data or a neutral word, never shown to the user. */
  id: string;
  label: BilingualText;
  /** True when the channel stopped with the outage (the platform, or a line it runs on). */
  isPlatform: boolean;
}

const t = (ko: string, en: string): BilingualText => ({ ko, en });

/** Channels every claimant of a kind may have besides the failed platform. */
const GENERIC = {
  card: t('카드', 'Card'),
  cardTerminal: t('카드 단말기 결제', 'Card terminal payments'),
  cash: t('현금', 'Cash'),
  phoneOrder: t('전화 주문', 'Phone orders'),
  deliveryApp: t('배달 앱', 'Delivery apps'),
  otherDeliveryApp: t('다른 배달 앱', 'Other delivery apps'),
  lineSales: t('회선이 필요한 매출 (PC 이용·온라인 주문)', 'Sales that need the line (PC use, online orders)'),
  streetHail: t('배회 영업', 'Street hail (배회)'),
  phoneCall: t('전화 콜', 'Phone calls'),
  callApp: t('호출 앱', 'Call apps'),
  driverApp: t('대리 앱', '대리 apps'),
  otherDriverApp: t('다른 대리 앱', 'Other 대리 apps'),
} as const;

/** Kinds a claimant sells through, in the order their channels are listed. */
const PLATFORM_ORDER: readonly ServiceKind[] = ['shop-messaging', 'gift-order', 'delivery-app', 'payment', 'taxi-hailing', 'driver-dispatch'];

/** Whether a claimant like this one usually depended on a service of this kind. */
function serviceApplies(kind: ServiceKind | undefined, p: ClaimantProfile): boolean {
  if (kind === undefined) return true;
  switch (kind) {
    case 'payment':
    case 'delivery-app':
      return p.kind === 'merchant';
    case 'shop-messaging':
      return p.kind === 'merchant' && p.industry !== 'cafe' && p.industry !== 'other';
    case 'gift-order':
      return p.kind === 'merchant' && p.industry === 'cafe';
    case 'taxi-hailing':
      return p.kind === 'taxi';
    case 'driver-dispatch':
      return p.kind === 'designated-driver';
    case 'internet':
    case 'landline':
    case 'network':
      return true;
    default:
      return false;
  }
}

/** Incident service ids of a pack service: `id`, then `id-2`, `id-3` for further intervals (packToIncident). */
function incidentIdsOf(s: PackService): string[] {
  return s.intervals.map((_, i) => (i === 0 ? s.id : `${s.id}-${i + 1}`));
}

const CHANNEL_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The incident's services this claimant most likely depended on (ids of the claim's incident). */
export function suggestedServicesFor(incident: Incident, pack: IncidentPack | undefined, p: ClaimantProfile): string[] {
  const present = new Set(incident.services.map((s) => s.id));
  if (!pack) return incident.services.map((s) => s.id);
  const ids = pack.services.filter((s) => serviceApplies(s.kind, p)).flatMap(incidentIdsOf).filter((id) => present.has(id));
  return ids;
}

/**
 * Sales channels to start from: the pack's platforms this claimant used (stopped), the channels a failed
 * line carries (stopped), and the usual others (open). Without a pack (an incident of one's own), each
 * service is a stopped channel named as the service, beside the usual open ones.
 */
export function suggestedChannelsFor(incident: Incident | undefined, pack: IncidentPack | undefined, p: ClaimantProfile): ChannelSuggestion[] {
  const services: Pick<PackService, 'id' | 'name' | 'kind' | 'channel'>[] = pack
    ? pack.services.filter((s) => serviceApplies(s.kind, p))
    : (incident?.services ?? []).map((s) => ({ id: s.id, name: s.name }));
  const kinds = new Set(services.map((s) => s.kind));
  const internetDown = kinds.has('internet') || kinds.has('network');
  const phoneDown = kinds.has('landline') || kinds.has('network');
  const out: ChannelSuggestion[] = [];
  const add = (id: string, label: BilingualText, isPlatform: boolean) => {
    if (!out.some((c) => c.id === id)) out.push({ id, label, isPlatform });
  };
  // The platforms themselves: a channel each, ordered by kind, then services without a kind.
  const platforms = services
    .filter((s) => s.kind === undefined || PLATFORM_ORDER.includes(s.kind))
    .sort((a, b) => rank(a.kind) - rank(b.kind));
  platforms.forEach((s) => {
    const id = s.channel?.id ?? (CHANNEL_ID.test(s.id) && s.id.length <= 40 ? s.id : `ch-${out.length + 1}`);
    add(id, s.channel?.name ?? s.name, true);
  });
  const hasDelivery = kinds.has('delivery-app');
  if (p.kind === 'merchant') {
    if (internetDown) add('line-sales', GENERIC.lineSales, true);
    add('card', internetDown ? GENERIC.cardTerminal : GENERIC.card, internetDown);
    add('cash', GENERIC.cash, false);
    if (p.industry !== 'cafe') add('phone', GENERIC.phoneOrder, phoneDown);
    if (p.industry === 'restaurant' || hasDelivery) add('other-app', hasDelivery ? GENERIC.otherDeliveryApp : GENERIC.deliveryApp, false);
  } else if (p.kind === 'taxi') {
    if (!kinds.has('taxi-hailing')) add('call-app', GENERIC.callApp, internetDown);
    add('street', GENERIC.streetHail, false);
    add('phone', GENERIC.phoneCall, phoneDown);
  } else {
    if (kinds.has('driver-dispatch')) add('other-app', GENERIC.otherDriverApp, false);
    else add('driver-app', GENERIC.driverApp, internetDown);
    add('phone', GENERIC.phoneCall, phoneDown);
  }
  return out;
}

function rank(kind: ServiceKind | undefined): number {
  const i = kind === undefined ? -1 : PLATFORM_ORDER.indexOf(kind);
  return i < 0 ? PLATFORM_ORDER.length : i;
}

/** A neutral id for a channel the user adds (`ch-1`, `ch-2`, ...): never romanised from its name, never shown. */
export function nextChannelId(taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`ch-${n}`)) n += 1;
  return `ch-${n}`;
}
