import { documentKindOfLabel, DOCUMENT_KINDS } from '../../core/packet/documents';

/**
 * The labels the vault offers. Each stores a label the packet module reads as one of its document kinds
 * (core/packet/documents.ts), so a file labelled here counts in the export page's readiness check.
 * POS reports and card statements are both the channels' "proof of sales loss"; the suffix after `:`
 * keeps which one the person chose (the packet's matcher ignores it).
 */
export const VAULT_KINDS = [
  { id: 'service-screenshot', label: 'kakao-service-proof' },
  { id: 'pos-report', label: 'sales-loss-proof:pos-report' },
  { id: 'card-statement', label: 'sales-loss-proof:card-statement' },
  { id: 'driver-app-history', label: 'trip-history' },
  { id: 'call-log', label: 'call-log' },
  { id: 'bank-account-copy', label: 'bank-account-copy' },
  { id: 'smb-certificate', label: 'smb-certificate' },
  // An empty label: the report calls it 기타 (other).
  { id: 'other', label: '' },
] as const;

export type VaultKindId = (typeof VAULT_KINDS)[number]['id'];

/** Every document kind a channel may require has a vault label (checked by a test, too). */
export const KNOWN_DOCUMENT_KIND_IDS: readonly string[] = DOCUMENT_KINDS.map((k) => k.id);

export function labelOfKind(id: VaultKindId): string {
  return VAULT_KINDS.find((k) => k.id === id)?.label ?? '';
}

/**
 * The vault kind a stored label shows as: exact labels first, then free text the packet matcher reads as a
 * document kind (an example's "10월 15일 운행 내역 캡처" is driver-app history), else other.
 */
export function kindOfLabel(label: string | undefined): VaultKindId {
  const text = label ?? '';
  const exact = VAULT_KINDS.find((k) => k.label === text);
  if (exact) return exact.id;
  const documentKind = documentKindOfLabel(text);
  return VAULT_KINDS.find((k) => k.label !== '' && documentKindOfLabel(k.label) === documentKind)?.id ?? 'other';
}

/** True when the label is the person's own words rather than one of the vault's labels. */
export function isFreeTextLabel(label: string | undefined): boolean {
  return !!label && !VAULT_KINDS.some((k) => k.label === label);
}
