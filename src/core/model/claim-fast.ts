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
/** Fields zod leaves out when absent (optional, no default): nothing to ask zod when they are not there. */
const ABSENT_OK = new Set(FIELDS.filter((key) => key !== 'records' && (() => {
  const r = claimShape[key].safeParse(undefined);
  return r.success && r.data === undefined;
})()));

/**
 * What one reader of many claims remembers between them: a batch's claims carry the same incident (the
 * outage's preset, ~3.5 KB) over and over, so it is checked once per distinct text. The parsed incident
 * is then shared by those claims: only for readers that never change a claim (the batch's, which keeps
 * figures and names and drops the claim).
 */
export class ClaimParseMemo {
  /** Inputs seen (JSON values) and zod's output for each, the latest first. */
  private readonly incidents: { input: unknown; output: unknown }[] = [];

  /** The incident as zod outputs it, or null when zod refuses it. */
  incident(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return null;
    // Compared as JSON values (no string built): zod's output does not depend on the input's key order.
    const known = this.incidents.find((seen) => sameJson(seen.input, value));
    if (known) return known.output;
    const r = claimShape.incident.safeParse(value);
    if (!r.success) return null;
    // Bounded: a batch of claims each with an incident of its own never holds more than 8.
    this.incidents.unshift({ input: value, output: r.data });
    if (this.incidents.length > 8) this.incidents.pop();
    return r.data;
  }
}

/** Equal as JSON values (what JSON.parse gives: objects, arrays, strings, numbers, booleans, null). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || a !== 0 || Object.is(a, b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The claim zod would output for `doc` (a current-version plain object), or null when not sure. */
export function fastClaim(doc: Record<string, unknown>, memo?: ClaimParseMemo): Claim | null {
  const out: Record<string, unknown> = {};
  for (const key of FIELDS) {
    const present = has(doc, key);
    const value = present ? doc[key] : undefined;
    if (present && value === undefined) return null;
    if (!present && ABSENT_OK.has(key)) continue;
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
