import { BACKUP_EXTENSION } from './format';
import { KST_OFFSET_MS } from '../time/kst';

/**
 * Automatic backups: the desktop shell writes `outage-desk-backup-YYYYMMDD-HHmmss.odbackup` (KST wall
 * time) and then asks which old ones to delete to keep the last ten. Pure: names in, names out; the shell
 * does the file system work.
 */

export const AUTO_BACKUP_PREFIX = 'outage-desk-backup-';
export const AUTO_BACKUPS_KEPT = 10;

const NAME_RE = /^outage-desk-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.odbackup$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `outage-desk-backup-20221015-200000.odbackup` for 2022-10-15 20:00:00 KST, whatever the machine's zone. */
export function backupFileName(now: Date): string {
  const k = new Date(now.getTime() + KST_OFFSET_MS);
  const stamp = `${pad(k.getUTCFullYear(), 4)}${pad(k.getUTCMonth() + 1)}${pad(k.getUTCDate())}-${pad(k.getUTCHours())}${pad(k.getUTCMinutes())}${pad(k.getUTCSeconds())}`;
  return `${AUTO_BACKUP_PREFIX}${stamp}${BACKUP_EXTENSION}`;
}

/** The KST time in an automatic backup's name (`2022-10-15T20:00:00+09:00`), or null for any other file. */
export function backupTakenAt(name: string): string | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+09:00`;
}

export interface RotationOptions {
  /** How many automatic backups to keep (default 10, at least 1). */
  keep?: number;
  /**
   * Names never deleted, normally the backup just written: if the machine's clock went backwards, its
   * name sorts older than the others and would otherwise be the first to go.
   */
  protect?: readonly string[];
}

/**
 * Which automatic backups to delete so that only the newest `keep` remain. Files whose names are not
 * automatic backup names (the user's own copies, anything else in the folder) are never returned.
 */
export function backupsToDelete(names: readonly string[], options: RotationOptions = {}): string[] {
  const keep = options.keep ?? AUTO_BACKUPS_KEPT;
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a whole number >= 1, got ${keep}`);
  const protect = new Set(options.protect ?? []);
  const dated = [...new Set(names)]
    .map((name) => ({ name, at: backupTakenAt(name) }))
    .filter((b): b is { name: string; at: string } => b.at !== null)
    // Same offset everywhere, so the text order is the time order.
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const kept = new Set<string>([...protect].filter((n) => dated.some((b) => b.name === n)));
  for (const b of dated) {
    if (kept.size >= keep) break;
    kept.add(b.name);
  }
  return dated.filter((b) => !kept.has(b.name)).map((b) => b.name).sort();
}
