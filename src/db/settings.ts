import type { OutageDeskDB } from './database';

/** Every setting the app keeps, with its value type. */
export interface Settings {
  language: 'ko' | 'en';
  currentClaimId: string | null;
}

export async function getSetting<K extends keyof Settings>(db: OutageDeskDB, key: K): Promise<Settings[K] | undefined> {
  const row = await db.settings.get(key);
  return row?.value as Settings[K] | undefined;
}

export async function setSetting<K extends keyof Settings>(db: OutageDeskDB, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}
