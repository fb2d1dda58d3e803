import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { estimateClaim } from '../../core/estimate';
import type { ClaimEstimate } from '../../core/estimate';
import { loadClaim } from '../../db';
import type { LoadedClaim } from '../../db';
import { useDb } from '../desk';

export type EstimateState =
  | { status: 'loading' }
  | Exclude<LoadedClaim, { status: 'ready' }>
  | (Extract<LoadedClaim, { status: 'ready' }> & { estimate: ClaimEstimate });

/**
 * The claim as the store assembles it, and the engine's figures for it. The live query re-reads when
 * the claim, its records or its evidence change; the estimate is recomputed only then (memoised on the
 * loaded claim), never in between renders.
 */
export function useClaimEstimate(claimId: string): EstimateState {
  const db = useDb();
  const loaded = useLiveQuery(() => loadClaim(db, claimId), [db, claimId]);
  const claim = loaded?.status === 'ready' ? loaded.claim : null;
  const estimate = useMemo(() => (claim ? estimateClaim(claim) : null), [claim]);
  if (!loaded) return { status: 'loading' };
  if (loaded.status !== 'ready') return loaded;
  return { ...loaded, estimate: estimate! };
}
