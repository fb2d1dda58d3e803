import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import config, { E2E_BASE_URL } from '../../playwright.config';

/**
 * A browser that can be killed like a power cut: a persistent profile on disk (as Electron keeps its
 * data), launched with the same Chromium and flags as every other spec, and a SIGKILL to the browser's
 * whole process group (context.close() would let Chromium flush and shut down cleanly).
 */

export const BASE_URL = E2E_BASE_URL;

export async function launchProfile(profile: string, downloads?: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? config.use?.launchOptions?.executablePath,
    args: config.use?.launchOptions?.args ?? [],
    baseURL: BASE_URL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    acceptDownloads: true,
    ...(downloads ? { downloadsPath: downloads } : {}),
  });
}

/** The browser process of a persistent profile: the one whose command line names that profile and is not a child (`--type=`). */
export function browserPid(profile: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const args = cmdline.split('\0');
    if (args.some((a) => a === `--user-data-dir=${profile}`) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no browser process for ${profile}`);
}

/** SIGKILL to the browser and every process it started (renderers, the GPU and network services). */
export function killBrowser(profile: string): number {
  const pid = browserPid(profile);
  try {
    // Playwright starts the browser as a process group leader on Linux.
    process.kill(-pid, 'SIGKILL');
  } catch {
    process.kill(pid, 'SIGKILL');
  }
  return pid;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface DbDump {
  version: number;
  counts: Record<string, number>;
  /** Records per claim id. */
  recordsByClaim: Record<string, number>;
  /** Import marks: claim id + file name + record count. */
  imports: string[];
  /** SHA-256 over every row of every table (blobs by size and type), in key order. */
  digest: string;
}

/** Reads the app's IndexedDB database as it is (no version: nothing is upgraded), in the page. */
export async function dumpDb(page: Page): Promise<DbDump> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('outage-loss-desk');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      const names = [...db.objectStoreNames].sort();
      const tx = db.transaction(names, 'readonly');
      const all = await Promise.all(
        names.map(
          (n) =>
            new Promise<unknown[]>((resolve, reject) => {
              const req = tx.objectStore(n).getAll();
              req.onsuccess = () => resolve(req.result);
              req.onerror = () => reject(req.error);
            }),
        ),
      );
      const tables = Object.fromEntries(names.map((n, i) => [n, all[i]!]));
      const counts = Object.fromEntries(names.map((n, i) => [n, all[i]!.length]));
      const recordsByClaim: Record<string, number> = {};
      for (const r of (tables.records ?? []) as { claimId: string }[]) recordsByClaim[r.claimId] = (recordsByClaim[r.claimId] ?? 0) + 1;
      const imports = ((tables.imports ?? []) as { claimId: string; fileName: string; recordCount: number }[]).map((i) => `${i.claimId}|${i.fileName}|${i.recordCount}`).sort();
      const text = JSON.stringify(tables, (_k, v) => (v instanceof Blob ? { blob: v.size, type: v.type } : v));
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
      const digest = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
      return { version: db.version / 10, counts, recordsByClaim, imports, digest };
    } finally {
      db.close();
    }
  });
}
