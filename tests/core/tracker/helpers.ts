import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import type { Claim, Submission } from '../../../src/core/model/claim';

/** An example claim from assets/examples, read and parsed the way the app reads a claim file. */
export function exampleClaim(name: string): Claim {
  const parsed = parseClaimFile(readFileSync(join('assets/examples', `${name}.claim.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  return parsed.claim;
}

export function withSubmissions(claim: Claim, submissions: Submission[]): Claim {
  return { ...claim, submissions };
}

export const HASH_A = 'a'.repeat(64);
