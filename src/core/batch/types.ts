import type { SubmissionStatus } from '../model/claim';
import type { ClaimantKind } from '../model/claimant';
import { joined, readJoined, textIn, type BilingualText } from '../model/common';

/**
 * One member as the batch sees them, whatever they came from: a verified packet, a bare claim file or a
 * roster row. Holds only what dedupe, the tables and the roster need (a few hundred bytes), so a batch of
 * 10,000 never keeps a packet's bytes around.
 */

export type MemberSourceKind = 'packet' | 'claim' | 'roster';

export type MemberSource = {
  kind: MemberSourceKind;
  /** The file as the user named it (relative path or base name). */
  file: string;
  /** Excel row number (header is where the file has it) for a roster row. */
  row?: number;
  /** SHA-256 of the whole file (a roster's hash is shared by its rows). */
  fileSha256: string;
  /** Packets only: SHA-256 of claim.json and manifest.json inside (the "same packet twice" rule). */
  claimSha256?: string;
  manifestSha256?: string;
};

/** Kakao's small-business bands (loss model 3.3) plus the cases a batch meets: no figure, not a merchant. */
export const BAND_IDS = ['up-to-300000', 'up-to-500000', 'review', 'none', 'no-data', 'not-applicable'] as const;
export type BandId = (typeof BAND_IDS)[number];

export type MemberFigures = {
  /** 통상손해 D (packets and claims: the engine's figure; roster rows: the declared amount). */
  direct: number | null;
  /** 특별손해 I. */
  indirect: number | null;
  total: number | null;
  /** The sales loss Kakao's rule looks at (best week against the outage week, or before - after on a roster). */
  salesLoss: number | null;
  band: BandId;
  /**
   * A member whose claim comes from another outage's pack: its own rules' figures in words (the roster shows
   * them instead of Kakao's band, which does not apply to it).
   */
  ruleLabel?: string;
  /** Where the figures come from: the engine (loss model v1) or what the member declared on a roster. */
  basis: 'engine' | 'declared' | 'none';
};

export type BatchMember = {
  /** Unique within the batch: `file` or `file#row`. */
  id: string;
  source: MemberSource;
  claimId?: string;
  kind: ClaimantKind;
  /** Merchant industry id, or the claimant kind for drivers (their industry is transport). */
  industry: string;
  name: string;
  businessName?: string;
  businessNumber?: string;
  mobile?: string;
  bankAccount?: { bank: string; number: string; holder?: string };
  region: { sido: string; sigungu: string };
  /** Incident service ids (unknown roster answers are kept as `other:<text>`). */
  services: string[];
  figures: MemberFigures;
  complaints?: string;
  /** Packets and claims: the incident (its preset id when it has one), so the same harm can be grouped. */
  incidentId?: string;
  /** The incident's name (Korean) as the claim gives it, for a summary of members from an outage without a bundled pack. */
  incidentName?: string;
  /** Packets and claims with any: what the member sent where and what came back (claim.submissions). */
  submissions?: MemberSubmission[];
};

/** One submission as the association view needs it (no notes, no references: a few bytes a member). */
export type MemberSubmission = { channel: string; status: SubmissionStatus; sentAt?: string; offered?: number; paid?: number };

/**
 * One reason an item could not be read: a `{ ko, en }` text, and what it is about when there is one (a field
 * path, said alike in both languages as `{ ko: path, en: '' }`, or a label such as 평소 매출 / usual sales).
 */
export type ItemReason = BilingualText & { about?: BilingualText };

/**
 * An item that could not be read as a member: the file (and row), and why (every reason at once; `more` counts
 * the reasons left out). The written files give them joined (reasonLine), a screen in its language (reasonIn).
 */
export type InvalidItem = { file: string; row?: number; reasons: ItemReason[]; more?: number; code: string };

export const itemReason = (ko: string, en: string, about?: BilingualText): ItemReason => (about ? { ko, en, about } : { ko, en });

/**
 * A message another module still gives as one "한국어 / English" string (a zip error, an embedded pack's
 * mismatch) as a reason: readJoined gives back exactly its halves, so reasonLine writes the same bytes.
 */
export const reasonOfMessage = (message: string, about?: BilingualText): ItemReason => ({ ...readJoined(message), ...(about ? { about } : {}) });

const suffix = (more: number | undefined) => (more ? ` (+${more})` : '');

/** The reasons as the batch's files and the CLI write them: "한국어 / English", several joined by "; ". */
export function reasonLine(item: Pick<InvalidItem, 'reasons' | 'more'>): string {
  return item.reasons.map((r) => (r.about ? `${joined(r.about)}: ${joined(r)}` : joined(r))).join('; ') + suffix(item.more);
}

/** The reasons in the reader's language (a screen): each text and what it is about picked by textIn. */
export function reasonIn(item: Pick<InvalidItem, 'reasons' | 'more'>, language: string): string {
  return item.reasons.map((r) => (r.about ? `${textIn(r.about, language)}: ${textIn(r, language)}` : textIn(r, language))).join('; ') + suffix(item.more);
}

export type ItemStatus = 'ok' | 'invalid' | 'duplicate' | 'suspected-duplicate';
