import type { Claim, Submission } from '../../core/model';
import { saveClaimDocument } from '../../db';
import type { ClaimBody, LoadedClaim, OutageDeskDB } from '../../db';
import { addEvidence } from '../../db';

/**
 * The tracker's writes. Submissions live in the claim document (claim.submissions), replaced whole through
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
  if (saved.status !== 'ready') throw new Error(saved.status === 'draft' ? saved.issues.map((i) => `${i.path}: ${i.message}`).join('\n') : 'claim missing');
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

/** Parses a won amount as typed ("50,000", "50000원"); null for empty, NaN for anything else. */
export function parseWonInput(text: string): number | null {
  const clean = text.replace(/[\s,원₩]/g, '');
  if (clean === '') return null;
  return /^\d{1,13}$/.test(clean) ? Number(clean) : Number.NaN;
}

/** `2022-11-01` + `09:30` as a KST instant, whatever the machine's zone. */
export function kstInstantOf(date: string, time: string): string {
  return `${date}T${time || '00:00'}+09:00`;
}
