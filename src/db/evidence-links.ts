/**
 * The evidence screen's commands: removing a file with every item's reference to it, and linking a file
 * to an item; each one transaction over the claim and the evidence, so both sides change together.
 */
import type { OutageDeskDB } from './database';
import { deleteEvidence, updateEvidenceDetails } from './evidence';

type ItemLike = { id?: unknown; evidenceIds?: unknown };
type BodyWithItems = { directItems?: ItemLike[]; indirectItems?: ItemLike[] };

function withEvidence(items: ItemLike[] | undefined, match: (item: ItemLike) => boolean, change: (ids: string[]) => string[]): ItemLike[] | undefined {
  if (!Array.isArray(items)) return items;
  return items.map((item) => {
    if (!match(item)) return item;
    const ids = Array.isArray(item.evidenceIds) ? (item.evidenceIds as string[]) : [];
    return { ...item, evidenceIds: change(ids) };
  });
}

/** The ids of the items (direct and indirect) whose `evidenceIds` name this file. */
export function itemsCiting(body: unknown, evidenceId: string): string[] {
  const b = (body ?? {}) as BodyWithItems;
  return [...(b.directItems ?? []), ...(b.indirectItems ?? [])]
    .filter((item) => Array.isArray(item.evidenceIds) && (item.evidenceIds as string[]).includes(evidenceId))
    .map((item) => String(item.id));
}

/**
 * Removes a file and every item's reference to it in one transaction: a claim that cites evidence it no
 * longer has would not validate (claim-format.md, "evidence ids exist").
 */
export async function removeEvidence(db: OutageDeskDB, claimId: string, evidenceId: string): Promise<void> {
  await db.transaction('rw', [db.claims, db.evidence], async () => {
    const row = await db.claims.get(claimId);
    if (row && itemsCiting(row.body, evidenceId).length > 0) {
      const body = row.body as BodyWithItems;
      const drop = (ids: string[]) => ids.filter((id) => id !== evidenceId);
      const all = () => true;
      await db.claims.update(claimId, {
        body: { ...body, directItems: withEvidence(body.directItems, all, drop), indirectItems: withEvidence(body.indirectItems, all, drop) },
      });
    }
    await deleteEvidence(db, evidenceId);
  });
}

/**
 * Links a file to a direct or indirect item, or unlinks it: both sides change together, the file's
 * `linkedIds` and the item's `evidenceIds` (which the report lists under the item).
 */
export async function setItemLink(db: OutageDeskDB, claimId: string, evidenceId: string, itemId: string, linked: boolean): Promise<void> {
  await db.transaction('rw', [db.claims, db.evidence], async () => {
    const evidence = await db.evidence.get(evidenceId);
    if (!evidence) throw new Error(`증빙을 찾을 수 없어요: ${evidenceId} / evidence not found`);
    const current = evidence.linkedIds ?? [];
    const linkedIds = linked ? [...new Set([...current, itemId])] : current.filter((id) => id !== itemId);
    await updateEvidenceDetails(db, evidenceId, { linkedIds });
    const row = await db.claims.get(claimId);
    if (!row) return;
    const body = (row.body ?? {}) as BodyWithItems;
    const isItem = (item: ItemLike) => item.id === itemId;
    const change = (ids: string[]) => (linked ? [...new Set([...ids, evidenceId])] : ids.filter((id) => id !== evidenceId));
    await db.claims.update(claimId, {
      body: { ...body, directItems: withEvidence(body.directItems, isItem, change), indirectItems: withEvidence(body.indirectItems, isItem, change) },
    });
  });
}

/** The first and last date the claim has records on (the link editor offers days in between); null without records. */
export async function recordDateSpan(db: OutageDeskDB, claimId: string): Promise<{ first: string; last: string } | null> {
  const range = db.records.where('[claimId+bucket]').between([claimId, ''], [claimId, '\uffff']);
  const [first, last] = await Promise.all([range.first(), range.clone().last()]);
  return first && last ? { first: first.bucket.slice(0, 10), last: last.bucket.slice(0, 10) } : null;
}
