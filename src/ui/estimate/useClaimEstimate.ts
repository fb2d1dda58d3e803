import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { estimateClaim } from '../../core/estimate';
import type { ClaimEstimate } from '../../core/estimate';
import { loadClaim } from '../../db';
import type { LoadedClaim } from '../../db';
import type { IncidentPack } from '../../core/model/incident-pack';
import { useDb } from '../desk';
import { useIncidentPack } from '../incidents/packs';

export type EstimateState =
  | { status: 'loading' }
  | Exclude<LoadedClaim, { status: 'ready' }>
  | (Extract<LoadedClaim, { status: 'ready' }> & { estimate: ClaimEstimate; pack: IncidentPack | undefined });

/**
 * The claim as the store assembles it, and the engine's figures for it. The live query re-reads when
 * the claim, its records or its evidence change; the estimate is recomputed only then (memoised on the
 * loaded claim), never in between renders. A claim on a pack stored here (imported, or written in the pack
 * form) is estimated with that pack's rules; it stays loading until the stored pack has been read.
 */
export function useClaimEstimate(claimId: string): EstimateState {
  const db = useDb();
  const loaded = useLiveQuery(() => loadClaim(db, claimId), [db, claimId]);
  const claim = loaded?.status === 'ready' ? loaded.claim : null;
  const { loading, pack } = useIncidentPack(claim?.incident);
  const estimate = useMemo(() => (claim && !loading ? estimateClaim(claim, pack ? { pack } : {}) : null), [claim, loading, pack]);
  if (!loaded) return { status: 'loading' };
  if (loaded.status !== 'ready') return loaded;
  if (!estimate) return { status: 'loading' };
  return { ...loaded, estimate, pack };
}
