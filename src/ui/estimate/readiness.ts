import type { ClaimEstimate } from '../../core/estimate';
import { packForClaim } from '../../core/estimate';
import { rulesOfPack } from '../../core/incidents';
import type { Claim } from '../../core/model';
import type { IncidentPack } from '../../core/model/incident-pack';
import { documentKindOfLabel } from '../../core/packet/documents';

/** Where each item is fixed: a page, optionally with the setup step to open. */
export interface FixLink {
  route: 'claimant' | 'incident' | 'records' | 'baseline' | 'estimate' | 'evidence';
  step?: 'who' | 'incident' | 'services' | 'channels' | 'margin';
}

export interface ReadinessItem {
  id: 'reference-records' | 'outage-records' | 'service-screenshot' | 'sales-proof' | 'identity-bank' | 'margin-confirmed' | 'channel-document' | 'rule-inputs';
  /** Unique among the items (several channel documents share an id). */
  key: string;
  /** `driver`: the wording that asks for trip history (운행 내역), asked only of drivers. */
  context?: 'driver';
  ok: boolean;
  /** Numbers for the item's sentence (e.g. reference dates found of those asked for). */
  values: Record<string, number | string>;
  fix: FixLink;
}

const SERVICE_PROOF = new Set(['kakao-service-proof', 'trip-history', 'call-log']);
const SALES_PROOF = new Set(['sales-loss-proof', 'trip-history']);

/**
 * What a reviewer asks for before looking at the figures (domain.md section 2: records, proof of using
 * the service, proof of sales, identity and account, and a margin the claimant stands behind). Reads the
 * engine's figures; computes none.
 */
/** `pack`: the claim's pack when it is stored here, not bundled (its channels' documents are asked for). */
export function readinessOf(claim: Claim, estimate: ClaimEstimate, pack?: IncidentPack): ReadinessItem[] {
  const windowBuckets = new Set<string>(estimate.buckets.map((b) => b.bucket));
  const windowRecords = claim.records.filter((r) => windowBuckets.has(r.bucket)).length;
  const kinds = claim.evidence.map((e) => documentKindOfLabel(e.label));
  const screenshot = claim.evidence.some((e, i) => SERVICE_PROOF.has(kinds[i] ?? '') || e.mimeType.startsWith('image/'));
  const salesProof = kinds.some((k) => SALES_PROOF.has(k ?? ''));
  const refs = estimate.referenceDates;
  const declared = estimate.baseline === 'declared';
  const driver = claim.claimant.kind !== 'merchant';
  const items: Omit<ReadinessItem, 'key'>[] = [
    {
      id: 'reference-records',
      ok: declared || (estimate.baseline === 'same-slot' && refs.k >= refs.requestedK),
      values: { found: refs.k, asked: refs.requestedK, declared: declared ? 1 : 0 },
      fix: { route: 'baseline' },
    },
    { id: 'outage-records', ok: windowRecords > 0, values: { count: windowRecords }, fix: { route: 'records' } },
    { id: 'service-screenshot', ...(driver ? { context: 'driver' as const } : {}), ok: screenshot, values: {}, fix: { route: 'evidence' } },
    { id: 'sales-proof', ...(driver ? { context: 'driver' as const } : {}), ok: salesProof, values: {}, fix: { route: 'evidence' } },
    {
      id: 'identity-bank',
      ok: !!claim.claimant.name && !!claim.claimant.mobile && !!claim.claimant.bankAccount,
      values: {},
      fix: { route: 'claimant', step: 'who' },
    },
    {
      id: 'margin-confirmed',
      ok: estimate.margin.vConfirmed && estimate.margin.cConfirmed,
      values: {},
      fix: { route: 'claimant', step: 'margin' },
    },
    ...packItems(claim, estimate, pack),
  ];
  return items.map((item, i) => ({ ...item, key: `${item.id}-${i}` }));
}

/**
 * What the claim's own pack asks for (issue 14): the documents its channels list, for the channels whose
 * rules apply to this claimant, and the inputs those rules need. Nothing for an incident without a pack.
 */
function packItems(claim: Claim, estimate: ClaimEstimate, stored: IncidentPack | undefined): Omit<ReadinessItem, 'key'>[] {
  const pack = packForClaim(claim, stored);
  if (!pack) return [];
  const applicable = new Set(rulesOfPack(pack, claim.claimant.kind).map((r) => r.id));
  const labels = claim.evidence.map((e) => e.label.normalize('NFC'));
  const seen = new Set<string>();
  const out: Omit<ReadinessItem, 'key'>[] = [];
  for (const channel of pack.channels) {
    if (!channel.rules.some((id) => applicable.has(id))) continue;
    for (const doc of channel.documents) {
      if (seen.has(doc.name.ko)) continue;
      seen.add(doc.name.ko);
      const ok = labels.some((l) => l.includes(doc.name.ko.normalize('NFC')));
      out.push({ id: 'channel-document', ok, values: { name: doc.name.ko, nameEn: doc.name.en, channel: channel.name.ko, channelEn: channel.name.en, required: doc.required ? 1 : 0 }, fix: { route: 'evidence' } });
    }
  }
  const inputs = new Map<string, boolean>();
  for (const rule of Object.values(estimate.rules)) for (const input of rule.inputs) inputs.set(input.id, (inputs.get(input.id) ?? true) && input.value !== null);
  if (inputs.size > 0) {
    const missing = [...inputs.values()].filter((v) => !v).length;
    out.push({ id: 'rule-inputs', ok: missing === 0, values: { missing, total: inputs.size }, fix: { route: 'estimate' } });
  }
  return out;
}

/** The page (and setup step) where a claim issue at `path` is fixed. */
export function fixFor(path: string): FixLink {
  if (path.startsWith('claimant.salesChannels')) return { route: 'claimant', step: 'channels' };
  if (path.startsWith('claimant.servicesUsed')) return { route: 'claimant', step: 'services' };
  if (path.startsWith('claimant')) return { route: 'claimant', step: 'who' };
  if (path === 'incident') return { route: 'claimant', step: 'incident' };
  if (path.startsWith('incident')) return { route: 'incident' };
  if (path.startsWith('granularity') || path.startsWith('parameters.margin')) return { route: 'claimant', step: 'margin' };
  if (path.startsWith('records')) return { route: 'records' };
  if (path.startsWith('parameters') || path.startsWith('referenceDates') || path.startsWith('declaredBaseline')) return { route: 'baseline' };
  if (path.startsWith('directItems') || path.startsWith('indirectItems')) return { route: 'estimate' };
  if (path.startsWith('evidence')) return { route: 'evidence' };
  return { route: 'claimant' };
}

export function hrefOfFix(fix: FixLink): string {
  return `#/${fix.route}${fix.step ? `?step=${fix.step}` : ''}`;
}
