import type { Claim, Submission } from '../core/model';
import { saveClaimDocument, type ClaimBody, type LoadedClaim } from './claim-store';
import type { OutageDeskDB } from './database';
import { addEvidence } from './evidence';
import { joined } from '../core/model';

/**
 * The tracker's reads and writes. Submissions live in the claim document (claim.submissions), replaced whole through
 * saveClaimDocument so they are validated with the rest of the claim; correspondence files are evidence
 * rows linked to a submission by `submission:<id>` in linkedIds.
 */

/** The evidence label a reply file gets (packets list evidence by label, in Korean). */
export const CORRESPONDENCE_LABEL = '신청처 회신';

export type ReadyClaim = Extract<LoadedClaim, { status: 'ready' }>;

export function correspondenceLink(submissionId: string): string {
  return `submission:${submissionId}`;
}

export async function saveSubmissions(db: OutageDeskDB, loaded: ReadyClaim, submissions: Submission[]): Promise<Claim> {
  const body = loaded.row.body as ClaimBody;
  const saved = await saveClaimDocument(db, loaded.claim.id, { ...body, submissions });
  if (saved.status !== 'ready') throw new Error(saved.status === 'draft' ? saved.issues.map((i) => `${i.path}: ${joined(i.message)}`).join('\n') : 'claim missing');
  return saved.claim;
}

/** Keeps each file as evidence and links it to the submission; the same bytes twice stay one file. */
export async function attachCorrespondence(
  db: OutageDeskDB,
  claimId: string,
  submissionId: string,
  files: readonly { name: string; type: string; bytes: Uint8Array }[],
): Promise<number> {
  const link = correspondenceLink(submissionId);
  for (const file of files) {
    const row = await addEvidence(db, claimId, file);
    const linked = new Set(row.linkedIds ?? []);
    linked.add(link);
    await db.evidence.update(row.id, { linkedIds: [...linked], ...(row.label ? {} : { label: CORRESPONDENCE_LABEL }) });
  }
  return files.length;
}

export async function listCorrespondence(db: OutageDeskDB, claimId: string, submissionId: string) {
  const link = correspondenceLink(submissionId);
  const rows = await db.evidence.where('claimId').equals(claimId).toArray();
  return rows.filter((r) => r.linkedIds?.includes(link)).sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

