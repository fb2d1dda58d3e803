import type { IncidentPack } from '../core/model/incident-pack';
import type { ActivityRecord } from '../core/model/record';

/** Who the claim is for. Will come from src/core/model's claim schema once it lands. */
export type ClaimantKind = 'merchant' | 'taxi' | 'designated-driver';

/**
 * A claim as stored. `body` holds the claim document (claimant, incident, parameters); it stays
 * `unknown` here until the claim schema in src/core/model exists, then `ClaimRow<Claim>` and a parse
 * in the repository are all that changes.
 */
export interface ClaimRow<Body = unknown> {
  id: string;
  title: string;
  kind?: ClaimantKind;
  /** ISO 8601 in KST, e.g. `2022-10-15T20:00:00.000+09:00`; sorts as text because the offset is fixed. */
  createdAt: string;
  updatedAt: string;
  /** 1 for a bundled example claim, 0 for the user's own. */
  example: 0 | 1;
  body: Body;
}

/**
 * One activity record of one claim. (Version 2 stored the bucket's KST `day` beside it; version 3
 * removed it: a day is a `[claimId+bucket]` range.)
 */
export type RecordRow = ActivityRecord & {
  id?: number;
  claimId: string;
};

/** A file kept as evidence: the exact bytes, their hash and how the user named them. */
export interface EvidenceRow {
  id: string;
  claimId: string;
  /** SHA-256 of the bytes, lowercase hex. */
  sha256: string;
  fileName: string;
  mimeType: string;
  size: number;
  addedAt: string;
  note?: string;
  /** What the file shows (a document kind such as `screenshot-outage`, or free text); see core/model evidence. */
  label?: string;
  /** Kept at the time of the outage, or reconstructed later. */
  provenance?: 'at-the-time' | 'reconstructed';
  /** The file's own date (its last-modified time, KST), when the system gave one at upload. */
  fileDate?: string;
  /** Where that date falls against the claim window, worked out at upload. */
  fileTiming?: 'before' | 'during' | 'after';
  /** Records (bucket|channel keys) or item ids this file supports. */
  linkedIds?: string[];
  blob: Blob;
}

export interface SettingRow<V = unknown> {
  key: string;
  value: V;
}

/** A file already imported into a claim, so the same bytes are not counted twice. */
export interface ImportRow {
  claimId: string;
  sha256: string;
  fileName: string;
  importedAt: string;
  recordCount: number;
}

/** An incident pack the user imported or wrote, one row per version (key `[id+version]`). */
export interface PackRow {
  id: string;
  version: number;
  /** imported: from a file; own: "a new outage, now"; authored: written in the pack form. */
  origin: 'imported' | 'own' | 'authored';
  savedAt: string;
  pack: IncidentPack;
}
