import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { estimateClaim } from '../../core/estimate';
import type { ClaimEstimate } from '../../core/estimate';
import { CHANNEL_PROFILES, profilesForPack } from '../../core/packet/profiles';
import { claimDeadlines, claimGap, kstToday } from '../../core/tracker';
import type { ClaimGap, Deadline } from '../../core/tracker';
import { loadClaim } from '../../db';
import type { LoadedClaim } from '../../db';
import type { IncidentPack } from '../../core/model/incident-pack';
import { useDb } from '../desk';
import { useIncidentPack } from '../incidents/packs';
import type { ReadyClaim } from '../../db';

/** `pack`: the claim's pack when it is stored here, not bundled (its rules and channels are used). */
export type Tracked = { loaded: ReadyClaim; estimate: ClaimEstimate; gap: ClaimGap; deadlines: Deadline[]; pack: IncidentPack | undefined };

/**
 * The current claim as the tracker needs it, live: the stored claim, the engine's figures (estimateClaim,
 * never recomputed here), the gap and the deadlines against today's KST date.
 */
export function useTrackedClaim(claimId: string | null): { loaded: LoadedClaim | undefined; tracked: Tracked | null } {
  const db = useDb();
  const loaded = useLiveQuery(async () => (claimId ? loadClaim(db, claimId) : ({ status: 'missing' } as const)), [db, claimId]);
  const { loading, pack } = useIncidentPack(loaded?.status === 'ready' ? loaded.claim.incident : undefined);
  const tracked = useMemo(() => {
    if (!loaded || loaded.status !== 'ready' || loading) return null;
    const estimate = estimateClaim(loaded.claim, pack ? { pack } : {});
    // A stored pack's own channels (not among the bundled profiles) come first.
    const profiles = pack ? [...profilesForPack(pack).filter((p) => !CHANNEL_PROFILES.some((c) => c.id === p.id)), ...CHANNEL_PROFILES] : CHANNEL_PROFILES;
    return {
      loaded,
      estimate,
      pack,
      gap: claimGap(loaded.claim, estimate, profiles),
      deadlines: claimDeadlines(loaded.claim, profiles, kstToday(new Date()), pack),
    };
  }, [loaded, loading, pack]);
  return { loaded, tracked };
}
