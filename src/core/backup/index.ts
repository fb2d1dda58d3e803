/** core/backup: the backup file (zip + manifest, optional passphrase), its checks and automatic-backup rotation. Pure. */
export * from './format';
export * from './contents';
export { buildBackup, kstTimestamp, type BuildBackupOptions } from './build';
export { readBackup, type BackupClaimSummary, type BackupSummary, type ReadBackupOptions, type ReadBackupResult } from './read';
export {
  checkNewPassphrase,
  decryptBackup,
  encryptBackup,
  isEncryptedBackup,
  MAX_PBKDF2_ITERATIONS,
  MIN_PASSPHRASE_LENGTH,
  MIN_PBKDF2_ITERATIONS,
  normalisePassphrase,
} from './crypto';
export { readBackupZip, unsafeEntryReason, writeBackupZip } from './zip';
export { AUTO_BACKUP_PREFIX, AUTO_BACKUPS_KEPT, backupFileName, backupsToDelete, backupTakenAt, type RotationOptions } from './rotation';
