import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { estimateClaim } from '../../core/estimate';
import type { ClaimEstimate } from '../../core/estimate';
import { CHANNEL_PROFILES } from '../../core/packet/profiles';
import { claimDeadlines, claimGap, kstToday } from '../../core/tracker';
import type { ClaimGap, Deadline } from '../../core/tracker';
import { loadClaim } from '../../db';
import type { LoadedClaim } from '../../db';
import { useDb } from '../desk';
import type { ReadyClaim } from '../../db';

export type Tracked = { loaded: ReadyClaim; estimate: ClaimEstimate; gap: ClaimGap; deadlines: Deadline[] };

/**
 * The current claim as the tracker needs it, live: the stored claim, the engine's figures (estimateClaim,
 * never recomputed here), the gap and the deadlines against today's KST date.
 */
export function useTrackedClaim(claimId: string | null): { loaded: LoadedClaim | undefined; tracked: Tracked | null } {
  const db = useDb();
  const loaded = useLiveQuery(async () => (claimId ? loadClaim(db, claimId) : ({ status: 'missing' } as const)), [db, claimId]);
  const tracked = useMemo(() => {
    if (!loaded || loaded.status !== 'ready') return null;
    const estimate = estimateClaim(loaded.claim);
    return {
      loaded,
      estimate,
      gap: claimGap(loaded.claim, estimate, CHANNEL_PROFILES),
      deadlines: claimDeadlines(loaded.claim, CHANNEL_PROFILES, kstToday(new Date())),
    };
  }, [loaded]);
  return { loaded, tracked };
}
