/**
 * Automatic backups, the page's side (the page owns the database; the shell only writes files):
 * - on quit: the desktop shell asks (bridge event), the page builds and sends a backup;
 * - daily: on start when the newest automatic backup is older than 24 h, and every 24 h while open;
 * - before a database upgrade: src/main.tsx passes `backupBeforeUpgrade` to openDesk, which calls it
 *   while the old database is still untouched.
 * Automatic backups are not encrypted: no passphrase is kept anywhere, and they sit in the same user
 * folder as the database itself. In a browser the bridge keeps them in a separate IndexedDB database
 * (only before-upgrade and before-restore copies; there is no quit event and no daily schedule).
 */
import { getBridge } from '../../bridge';
import type { BridgeClient } from '../../bridge';
import { copyInstalledDatabase } from '../../db';
import type { OutageDeskDB } from '../../db';
import { startBackup } from './build';

export const DAY_MS = 24 * 3600_000;

export interface AutoBackupAttempt {
  reason: string;
  name?: string;
  error?: string;
}

const listeners = new Set<(attempt: AutoBackupAttempt) => void>();
/** The settings page listens to refresh its list; returns the unsubscribe. */
export function onAutoBackupAttempt(listener: (attempt: AutoBackupAttempt) => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
const announce = (attempt: AutoBackupAttempt) => {
  for (const l of listeners) l(attempt);
};

/** What happened to the pre-upgrade copy, for the settings page to show (one per page load). */
export let preUpgradeOutcome: { fromVersion: number; toVersion: number; name?: string; kind?: 'backup' | 'raw-dump'; error?: string } | null = null;

/**
 * Keeps a copy of the database as it is on disk before it is upgraded (openDesk's `beforeUpgrade`).
 * Never throws: a failed copy is recorded in `preUpgradeOutcome` and the app still opens.
 */
export async function backupBeforeUpgrade(
  upgrade: { name: string; fromVersion: number; toVersion: number },
  bridge: BridgeClient = getBridge(),
): Promise<void> {
  try {
    const copy = await copyInstalledDatabase(upgrade.name);
    const written = await bridge.writeAutoBackup({ bytes: copy.bytes, reason: 'before-upgrade' });
    preUpgradeOutcome = { fromVersion: upgrade.fromVersion, toVersion: upgrade.toVersion, name: written.name, kind: copy.kind };
  } catch (err) {
    preUpgradeOutcome = { fromVersion: upgrade.fromVersion, toVersion: upgrade.toVersion, error: err instanceof Error ? err.message : String(err) };
  }
}

export interface AutoBackupOptions {
  db: OutageDeskDB;
  bridge?: BridgeClient;
  now?: () => number;
  /** Build in-process (component tests). */
  inline?: boolean;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  /** Told after each attempt, besides the onAutoBackupAttempt listeners. */
  onWritten?: (attempt: AutoBackupAttempt) => void;
}

export interface AutoBackups {
  /** Resolves when the start-up check (and the daily backup it may write) is done. */
  ready: Promise<void>;
  stop(): void;
}

/** Starts the automatic backups for this page; only in the desktop shell (a browser has no data folder). */
export function startAutoBackups(options: AutoBackupOptions): AutoBackups {
  const bridge = options.bridge ?? getBridge();
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setInterval ?? ((fn, ms) => globalThis.setInterval(fn, ms));
  const clearTimer = options.clearInterval ?? ((h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>));
  const report = (attempt: AutoBackupAttempt) => {
    options.onWritten?.(attempt);
    announce(attempt);
  };
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const cleanups: (() => void)[] = [];

  /** One backup at a time: a quit request during a daily backup waits for it, then writes its own. */
  function write(reason: 'quit' | 'daily'): Promise<void> {
    const next = running.then(async () => {
      try {
        const bytes = await startBackup(options.db, { inline: options.inline }).done;
        const written = await bridge.writeAutoBackup({ bytes, reason });
        report({ reason, name: written.name });
      } catch (err) {
        report({ reason, error: err instanceof Error ? err.message : String(err) });
      }
    });
    running = next;
    return next;
  }

  async function dailyIfDue(): Promise<void> {
    if (stopped) return;
    const { backups } = await bridge.listAutoBackups();
    const newest = backups[0] ? Date.parse(backups[0].takenAt) : Number.NEGATIVE_INFINITY;
    // A clock that went backwards (newest in the future) also counts as due: better one extra copy.
    const age = now() - newest;
    if (age >= DAY_MS || age < 0) await write('daily');
  }

  const ready = (async () => {
    const info = await bridge.appInfo();
    if (!info.isElectron || stopped) return;
    if (bridge.onBackupRequest) cleanups.push(bridge.onBackupRequest(() => void write('quit')));
    // Checked hourly rather than a single 24 h timer: a laptop asleep for a night must not wait another day.
    const handle = setTimer(() => void dailyIfDue().catch(() => undefined), 3600_000);
    cleanups.push(() => clearTimer(handle));
    await dailyIfDue().catch((err: unknown) => report({ reason: 'daily', error: err instanceof Error ? err.message : String(err) }));
  })();

  return {
    ready,
    stop() {
      stopped = true;
      for (const c of cleanups.splice(0)) c();
    },
  };
}
