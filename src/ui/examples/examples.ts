/**
 * The bundled example claims (assets/examples), for a first look at the app without typing anything.
 * They load lazily (only when asked for), go through the same claim-file parser as any file, and are
 * stored marked as examples so they are labelled everywhere and removed in one step.
 */
import { parseClaimFile } from '../../core/model';
import type { Claim } from '../../core/model';
import { addClaim, removeExampleClaims } from '../../db';
import type { OutageDeskDB } from '../../db';

const files = import.meta.glob<unknown>('../../../assets/examples/*.claim.json', { import: 'default' });

/** The designated driver of loss model section 7 first: it is the case the app explains best. */
const ORDER = ['driver-2022', 'restaurant-hourly', 'taxi-franchise', 'merchant-best-week', 'cafe-daily'];
const rank = (path: string) => {
  const at = ORDER.findIndex((name) => path.endsWith(`/${name}.claim.json`));
  return at < 0 ? ORDER.length : at;
};

export class ExampleFileError extends Error {
  override name = 'ExampleFileError';
}

/**
 * The example files ship their evidence list without the files themselves; an item that points at a
 * missing file would make the stored claim fail its own check, so such references are dropped (the
 * packet would list them as missing anyway).
 */
function withoutMissingEvidence(claim: Claim): Claim {
  return {
    ...claim,
    evidence: [],
    directItems: claim.directItems.map((i) => ({ ...i, evidenceIds: [] })),
    indirectItems: claim.indirectItems.map((i) => ({ ...i, evidenceIds: [] })),
  };
}

/** Parses every example file; a broken one stops everything with its file name and reasons. */
export async function loadExampleClaims(): Promise<Claim[]> {
  const paths = Object.keys(files).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const claims: Claim[] = [];
  for (const path of paths) {
    const parsed = parseClaimFile(await files[path]!());
    const name = path.split('/').pop();
    if (!parsed.ok) {
      const reasons = parsed.issues.slice(0, 3).map((i) => `${i.path || '(file)'}: ${i.message}`).join('; ');
      throw new ExampleFileError(`예시 파일을 읽지 못했어요: ${name} / could not read the example file ${name}: ${reasons}`);
    }
    claims.push(withoutMissingEvidence(parsed.claim));
  }
  return claims;
}

/** Adds all examples; returns the new claim ids in the order above. */
export async function addExampleClaims(db: OutageDeskDB): Promise<string[]> {
  const claims = await loadExampleClaims();
  // One transaction: all examples or none (addClaim joins it).
  return db.transaction('rw', [db.claims, db.records, db.evidence], async () => {
    const ids: string[] = [];
    for (const claim of claims) ids.push((await addClaim(db, claim, { example: true })).id);
    return ids;
  });
}

export { removeExampleClaims };
