import { createContext, useCallback, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ClaimRow, OutageDeskDB } from '../db';
import { getClaim, getSetting, setSetting } from '../db';
import type { PersistenceState } from '../db';

interface DeskValue {
  db: OutageDeskDB;
  persistence: PersistenceState | 'pending';
}

const DeskContext = createContext<DeskValue | null>(null);

export function DeskProvider({ db, persistence, children }: DeskValue & { children: ReactNode }) {
  const value = useMemo(() => ({ db, persistence }), [db, persistence]);
  return <DeskContext.Provider value={value}>{children}</DeskContext.Provider>;
}

export function useDesk(): DeskValue {
  const value = useContext(DeskContext);
  if (!value) throw new Error('useDesk outside DeskProvider');
  return value;
}

export function useDb(): OutageDeskDB {
  return useDesk().db;
}

/**
 * The claim the user is working on (kept in settings so it survives a reload); `undefined` while
 * loading, `null` when there is none or it was deleted.
 */
export function useCurrentClaim(): { claim: ClaimRow | null | undefined; select: (id: string | null) => Promise<void> } {
  const db = useDb();
  const claim = useLiveQuery(async () => {
    const id = await getSetting(db, 'currentClaimId');
    return (id ? await getClaim(db, id) : undefined) ?? null;
  }, [db]);
  const select = useCallback((id: string | null) => setSetting(db, 'currentClaimId', id), [db]);
  return { claim, select };
}
