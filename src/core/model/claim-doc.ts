/**
 * A claim as stored by the app: a document (everything but records and evidence) kept apart from its
 * records and evidence files. This validates the three together, because the cross-field rules need all
 * of them, and tells a draft (fields not filled in yet) from a claim filled in wrongly.
 */
import type { z } from 'zod';
import { claimSchema } from './claim';
import type { Claim, ClaimInput, Evidence } from './claim';
import { bilingualErrorMap, toClaimIssues } from './claim-file';
import type { ClaimIssue } from './claim-file';
import { bi, joined } from './common';
import type { ActivityRecord } from './record';

/** What the app stores as a claim's document: the claim without records and evidence. */
export type ClaimBody = Omit<ClaimInput, 'records' | 'evidence'>;

/** The row fields that belong to the claim file rather than to the document. */
export interface ClaimDocumentMeta {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  example: 0 | 1;
}

/**
 * Messages in Korean and English; any field with no value at all (a missing enum, union or array too) is
 * "required", so a draft (not filled in yet) can be told from a field filled in wrongly.
 */
const draftAwareErrors: z.core.$ZodErrorMap = (issue) =>
  issue.input === undefined && issue.code !== 'custom' ? bi('꼭 적어야 하는 항목이에요', 'required') : bilingualErrorMap(issue);

/** A field that is simply not filled in yet (as opposed to filled in wrongly). */
export function isMissingField(issue: ClaimIssue): boolean {
  return /꼭 적어야 하는 항목|required/.test(joined(issue.message));
}

/** Validates a stored document together with its records and evidence. */
export function validateClaimDocument(
  meta: ClaimDocumentMeta,
  body: Partial<ClaimBody>,
  records: readonly ActivityRecord[],
  evidence: readonly Evidence[],
): { ok: true; claim: Claim } | { ok: false; issues: ClaimIssue[] } {
  const candidate = {
    ...body,
    format: 'outage-loss-desk/claim',
    formatVersion: 1,
    id: meta.id,
    title: meta.title,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    ...(meta.example ? { example: true } : {}),
    records,
    evidence,
  };
  const parsed = claimSchema.safeParse(candidate, { error: draftAwareErrors });
  return parsed.success ? { ok: true, claim: parsed.data } : { ok: false, issues: toClaimIssues(parsed.error) };
}
