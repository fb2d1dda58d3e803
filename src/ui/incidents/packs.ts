import { useLiveQuery } from 'dexie-react-hooks';
import { BUNDLED_PACKS, findBundledPack, sortPacksNewestFirst } from '../../core/incidents';
import type { BilingualText, Incident } from '../../core/model';
import type { IncidentPack } from '../../core/model/incident-pack';
import { listStoredPacks, packOfIncident } from '../../db';
import type { PackRow } from '../../db';
import { useDb } from '../desk';

export interface KnownPack {
  pack: IncidentPack;
  origin: 'bundled' | PackRow['origin'];
}

/** Bundled packs and the ones stored here (newest version of each), newest outage first. */
export function useKnownPacks(): KnownPack[] | undefined {
  const db = useDb();
  const stored = useLiveQuery(() => listStoredPacks(db), [db]);
  if (!stored) return undefined;
  return sortPacksNewestFirst([...BUNDLED_PACKS.map((pack) => ({ pack, origin: 'bundled' as const })), ...stored.map((r) => ({ pack: r.pack, origin: r.origin }))]);
}

/** A `{ ko, en }` text in the reader's language (Korean when the English is empty). */
export function pick(text: BilingualText | { ko: string; en?: string }, language: string): string {
  return language === 'en' && text.en ? text.en : text.ko;
}

/**
 * The pack a claim's incident was made from (bundled, or stored at the claim's version); `loading` until a
 * stored one has been read, so a step does not start from suggestions made without it.
 */
export function useIncidentPack(incident: Pick<Incident, 'presetId' | 'presetVersion'> | undefined): { loading: boolean; pack: IncidentPack | undefined } {
  const db = useDb();
  const bundled = incident?.presetId ? findBundledPack(incident.presetId) : undefined;
  const needsDb = !!incident?.presetId && !bundled;
  const stored = useLiveQuery(async () => (needsDb ? ((await packOfIncident(db, incident)) ?? null) : null), [db, needsDb, incident?.presetId, incident?.presetVersion]);
  if (bundled) return { loading: false, pack: bundled };
  if (!needsDb) return { loading: false, pack: undefined };
  return { loading: stored === undefined, pack: stored ?? undefined };
}
