import type { ClaimEstimate } from '../../core/estimate';
import type { Claim } from '../../core/model';
import { documentKindOfLabel } from '../../core/packet/documents';

/** Where each item is fixed: a page, optionally with the setup step to open. */
export interface FixLink {
  route: 'claimant' | 'incident' | 'records' | 'baseline' | 'estimate' | 'evidence';
  step?: 'who' | 'incident' | 'services' | 'channels' | 'margin';
}

export interface ReadinessItem {
  id: 'reference-records' | 'outage-records' | 'service-screenshot' | 'sales-proof' | 'identity-bank' | 'margin-confirmed';
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
export function readinessOf(claim: Claim, estimate: ClaimEstimate): ReadinessItem[] {
  const windowBuckets = new Set<string>(estimate.buckets.map((b) => b.bucket));
  const windowRecords = claim.records.filter((r) => windowBuckets.has(r.bucket)).length;
  const kinds = claim.evidence.map((e) => documentKindOfLabel(e.label));
  const screenshot = claim.evidence.some((e, i) => SERVICE_PROOF.has(kinds[i] ?? '') || e.mimeType.startsWith('image/'));
  const salesProof = kinds.some((k) => SALES_PROOF.has(k ?? ''));
  const refs = estimate.referenceDates;
  const declared = estimate.baseline === 'declared';
  return [
    {
      id: 'reference-records',
      ok: declared || (estimate.baseline === 'same-slot' && refs.k >= refs.requestedK),
      values: { found: refs.k, asked: refs.requestedK, declared: declared ? 1 : 0 },
      fix: { route: 'baseline' },
    },
    { id: 'outage-records', ok: windowRecords > 0, values: { count: windowRecords }, fix: { route: 'records' } },
    { id: 'service-screenshot', ok: screenshot, values: {}, fix: { route: 'evidence' } },
    { id: 'sales-proof', ok: salesProof, values: {}, fix: { route: 'evidence' } },
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
  ];
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
