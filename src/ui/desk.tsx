import { createContext, useCallback, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ClaimRow, FirstReads, OutageDeskDB } from '../db';
import { readCurrentClaim, setSetting } from '../db';
import type { PersistenceState } from '../db';

interface DeskValue {
  db: OutageDeskDB;
  persistence: PersistenceState | 'pending';
  /** The first screen's reads (db/first-reads.ts): the live queries' first answer while still fresh. */
  first?: FirstReads | null;
}

const DeskContext = createContext<DeskValue | null>(null);

export function DeskProvider({ db, persistence, first = null, children }: DeskValue & { children: ReactNode }) {
  const value = useMemo(() => ({ db, persistence, first }), [db, persistence, first]);
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

/** A first read (db/first-reads.ts) while nothing has been written since; else undefined ("loading"). */
export function useFirstRead<K extends 'claims' | 'currentClaim'>(key: K): FirstReads[K] | undefined {
  const { first } = useDesk();
  return first?.fresh ? first[key] : undefined;
}

/**
 * The claim the user is working on (kept in settings so it survives a reload); `undefined` while
 * loading, `null` when there is none or it was deleted.
 */
export function useCurrentClaim(): { claim: ClaimRow | null | undefined; select: (id: string | null) => Promise<void> } {
  const db = useDb();
  const claim = useLiveQuery(() => readCurrentClaim(db), [db], useFirstRead('currentClaim'));
  const select = useCallback((id: string | null) => setSetting(db, 'currentClaimId', id), [db]);
  return { claim, select };
}
