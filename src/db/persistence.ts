/** Whether the browser promised to keep our data under storage pressure. */
export type PersistenceState = 'granted' | 'denied' | 'unsupported';

/**
 * Asks for persistent storage (so the browser does not evict the claims when the disk fills up).
 * Electron and installed apps usually grant it; a plain browser tab may say no.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<PersistenceState> {
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}

export interface StorageUse {
  usage: number;
  quota: number;
}

export async function estimateStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageUse | null> {
  if (!storage?.estimate) return null;
  try {
    const e = await storage.estimate();
    return { usage: e.usage ?? 0, quota: e.quota ?? 0 };
  } catch {
    return null;
  }
}
