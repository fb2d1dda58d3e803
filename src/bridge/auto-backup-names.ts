import { backupFileName, backupTakenAt } from '../core/backup/rotation';
import type { AutoBackupEntry } from './contract';

/**
 * The name for a new automatic backup: `outage-desk-backup-YYYYMMDD-HHmmss.odbackup` (KST) for `now`,
 * one second later while that name is taken. Two backups in the same second (a daily one and the quit
 * one, or the pre-upgrade one and the first daily one) must never overwrite each other.
 */
export function freshAutoBackupName(now: Date, taken: ReadonlySet<string>): string {
  for (let s = 0; s < 3600; s++) {
    const name = backupFileName(new Date(now.getTime() + s * 1000));
    if (!taken.has(name)) return name;
  }
  throw new Error('no free automatic backup name within an hour');
}

/** Newest first; names that are not automatic backups are left out. */
export function listedAutoBackups(files: readonly { name: string; size: number }[]): AutoBackupEntry[] {
  return files
    .map((f) => ({ name: f.name, size: f.size, takenAt: backupTakenAt(f.name) }))
    .filter((f): f is AutoBackupEntry => f.takenAt !== null)
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.name < b.name ? 1 : -1));
}
