import type { SubmissionStatus } from '../model/claim';
import type { ClaimantKind } from '../model/claimant';

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

/** An item that could not be read as a member: the file (and row), and why, in Korean then English. */
export type InvalidItem = { file: string; row?: number; reason: string; code: string };

export type ItemStatus = 'ok' | 'invalid' | 'duplicate' | 'suspected-duplicate';
