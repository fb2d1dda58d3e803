/**
 * parseClaimFile's fast path for a whole claim (issue 18: zod over a claim was a fifth of a batch's
 * reading). zod checks a claim field by field and then runs the cross-field rules; here each field goes
 * to its own schema (the records to record-fast.ts's checker, which stands in for zod's per-record work),
 * the result is built in the schema's key order with the unknown keys left out (what zod's object does),
 * and `checkClaim` runs on it. When any field fails, or anything is unusual (a key present with the value
 * undefined), it returns null and parseClaimFile runs the full zod parse, which gives the verdict and
 * every message. Nothing here widens what zod accepts: tests/core/model/claim-fast-path.test.ts holds the
 * two equal, output and verdict, over the examples and thousands of mutated claims.
 */
import type { z } from 'zod';
import { checkClaim, claimShape, type Claim } from './claim';
import { MAX_CLAIM_RECORDS } from './record';
import { fastRecords } from './record-fast';

const FIELDS = Object.keys(claimShape) as (keyof typeof claimShape)[];

/**
 * What one reader of many claims remembers between them: a batch's claims carry the same incident (the
 * outage's preset, ~3.5 KB) over and over, so it is checked once per distinct text. The parsed incident
 * is then shared by those claims: only for readers that never change a claim (the batch's, which keeps
 * figures and names and drops the claim).
 */
export class ClaimParseMemo {
  private readonly incidents = new Map<string, unknown>();

  /** The incident as zod outputs it, or null when zod refuses it. */
  incident(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return null;
    const key = JSON.stringify(value);
    const known = this.incidents.get(key);
    if (known !== undefined) return known;
    const r = claimShape.incident.safeParse(value);
    if (!r.success) return null;
    // Bounded: a batch of claims each with an incident of its own never holds more than 64.
    if (this.incidents.size >= 64) this.incidents.clear();
    this.incidents.set(key, r.data);
    return r.data;
  }
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The claim zod would output for `doc` (a current-version plain object), or null when not sure. */
export function fastClaim(doc: Record<string, unknown>, memo?: ClaimParseMemo): Claim | null {
  const out: Record<string, unknown> = {};
  for (const key of FIELDS) {
    const present = has(doc, key);
    const value = present ? doc[key] : undefined;
    if (present && value === undefined) return null;
    let parsed: unknown;
    if (key === 'records') {
      if (!Array.isArray(value) || value.length > MAX_CLAIM_RECORDS) return null;
      parsed = fastRecords(value);
      if (!parsed) return null;
    } else if (key === 'incident' && memo) {
      parsed = memo.incident(value);
      if (parsed === null) return null;
    } else {
      const r = claimShape[key].safeParse(value);
      if (!r.success) return null;
      parsed = r.data;
    }
    if (parsed !== undefined) out[key] = parsed;
  }
  let clean = true;
  const ctx = { addIssue: () => void (clean = false) } as unknown as z.RefinementCtx;
  checkClaim(out as Claim, ctx);
  return clean ? (out as Claim) : null;
}
