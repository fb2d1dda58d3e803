import Dexie from 'dexie';
import type { OutageDeskDB } from './database';
import type { ClaimRow } from './schema';
import { getClaim, listClaims } from './claims';
import { getSetting } from './settings';

/**
 * What the first screen shows, read once before the first render, beside the language setting: the claims
 * list and the claim being worked on. Without them the first render drew "loading…" and only then asked
 * the database (its live queries start after the first layout and paint), so the list came ~0.3 s after
 * the page on a fresh start. The live queries still run and keep the screen current; these are only their
 * first answer, and only while nothing has been written since they were read (any write, in this window
 * or another, makes them stale and the live queries answer alone, as before).
 */
export interface FirstReads {
  claims: ClaimRow[];
  currentClaim: ClaimRow | null;
  /** False once anything was written to any Dexie database after the reads began. */
  readonly fresh: boolean;
}

/** The claim the user is working on (kept in settings); null when there is none or it was deleted. */
export async function readCurrentClaim(db: OutageDeskDB): Promise<ClaimRow | null> {
  const id = await getSetting(db, 'currentClaimId');
  return (id ? await getClaim(db, id) : undefined) ?? null;
}

/** The first reads, or null if either fails (the live queries then report it as they always have). */
export async function readFirst(db: OutageDeskDB): Promise<FirstReads | null> {
  let fresh = true;
  const stale = () => {
    fresh = false;
    Dexie.on.storagemutated.unsubscribe(stale);
  };
  // Watched from before the reads: a write while they run makes them stale too.
  Dexie.on('storagemutated', stale);
  try {
    const [claims, currentClaim] = await Promise.all([listClaims(db), readCurrentClaim(db)]);
    return {
      claims,
      currentClaim,
      get fresh() {
        return fresh;
      },
    };
  } catch {
    stale();
    return null;
  }
}
