/** The bundled example claims as stored rows: adding the set and counting it (removal: removeExampleClaims). */
import type { Claim } from '../core/model';
import { addClaim, type EvidenceBytes } from './claim-store';
import type { OutageDeskDB } from './database';

/** Adds the examples, each marked as one, with their evidence files: all of them or none (addClaim joins the transaction). */
export async function addExampleClaimSet(db: OutageDeskDB, examples: readonly { claim: Claim; evidence: EvidenceBytes[] }[]): Promise<string[]> {
  return db.transaction('rw', [db.claims, db.records, db.evidence], async () => {
    const ids: string[] = [];
    for (const { claim, evidence } of examples) ids.push((await addClaim(db, claim, { example: true, evidence })).id);
    return ids;
  });
}

/** How many example claims are stored. */
export async function countExampleClaims(db: OutageDeskDB): Promise<number> {
  return db.claims.where('example').equals(1).count();
}
