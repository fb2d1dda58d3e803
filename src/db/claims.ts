import type { OutageDeskDB } from './database';
import type { ClaimRow, ClaimantKind } from './schema';
import { nowKst } from './time';
import { bi } from '../core/model/text';

export const MAX_TITLE_LENGTH = 80;

/** Bad input for a claim; the message is Korean, then English after " / ". */
export class ClaimInputError extends Error {
  override name = 'ClaimInputError';
}

function cleanTitle(title: string): string {
  const t = title.trim().replace(/\s+/g, ' ');
  if (!t) throw new ClaimInputError(bi('신고서 이름(title)을 입력해 주세요', 'title: enter a name for the claim'));
  if (t.length > MAX_TITLE_LENGTH) {
    throw new ClaimInputError(bi(`신고서 이름(title)은 ${MAX_TITLE_LENGTH}자까지예요`, `title: at most ${MAX_TITLE_LENGTH} characters`));
  }
  return t;
}

export interface NewClaim {
  title: string;
  kind?: ClaimantKind;
  example?: boolean;
  body?: unknown;
}

export async function createClaim(db: OutageDeskDB, input: NewClaim): Promise<ClaimRow> {
  const now = nowKst();
  const row: ClaimRow = {
    id: crypto.randomUUID(),
    title: cleanTitle(input.title),
    ...(input.kind ? { kind: input.kind } : {}),
    createdAt: now,
    updatedAt: now,
    example: input.example ? 1 : 0,
    body: input.body ?? {},
  };
  await db.claims.add(row);
  return row;
}

/** Claims, most recently changed first. */
export async function listClaims(db: OutageDeskDB): Promise<ClaimRow[]> {
  return db.claims.orderBy('updatedAt').reverse().toArray();
}

export async function getClaim(db: OutageDeskDB, id: string): Promise<ClaimRow | undefined> {
  return db.claims.get(id);
}

export async function renameClaim(db: OutageDeskDB, id: string, title: string): Promise<void> {
  const clean = cleanTitle(title);
  const changed = await db.claims.update(id, { title: clean, updatedAt: nowKst() });
  if (changed === 0) throw new ClaimInputError(bi(`신고서를 찾을 수 없어요: ${id}`, `claim not found: ${id}`));
}

/** Replaces the claim document (the claim schema's parse happens before this, in the caller). */
export async function saveClaimBody(db: OutageDeskDB, id: string, body: unknown): Promise<void> {
  const changed = await db.claims.update(id, { body, updatedAt: nowKst() });
  if (changed === 0) throw new ClaimInputError(bi(`신고서를 찾을 수 없어요: ${id}`, `claim not found: ${id}`));
}

/** Deletes a claim with its records, evidence and import marks, all or nothing. */
export async function deleteClaim(db: OutageDeskDB, id: string): Promise<void> {
  await db.transaction('rw', [db.claims, db.records, db.evidence, db.imports], async () => {
    await db.records.where('claimId').equals(id).delete();
    await db.evidence.where('claimId').equals(id).delete();
    await db.imports.where('claimId').equals(id).delete();
    await db.claims.delete(id);
  });
}
