import type { BackupContents } from './contents';
import { encryptBackup } from './crypto';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_PATH,
  CLAIMS_PATH,
  EVIDENCE_INDEX_PATH,
  evidencePath,
  IMPORTS_PATH,
  PACKS_PATH,
  RECORDS_PATH,
  SETTINGS_PATH,
  type BackupManifest,
} from './format';
import { sha256Hex } from './hash';
import { writeBackupZip, type BackupZipEntry } from './zip';
import { KST_OFFSET_MS } from '../time/kst';

export interface BuildBackupOptions {
  appVersion: string;
  /** The Dexie version of the database the rows come from. */
  dbVersion: number;
  /** Injected clock: the backup's time stamp (same contents and clock give the same unencrypted bytes). */
  now: Date;
  /** Seals the zip with AES-256-GCM; lost passphrases cannot be recovered. */
  passphrase?: string;
  /** PBKDF2 rounds; at least 600,000. */
  iterations?: number;
}

/** `2022-10-15T20:00:00+09:00` whatever the machine's time zone. */
export function kstTimestamp(at: Date): string {
  return `${new Date(at.getTime() + KST_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}

const encoder = new TextEncoder();
const json = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 1)}\n`);

export async function buildBackup(contents: BackupContents, options: BuildBackupOptions): Promise<{ bytes: Uint8Array; manifest: BackupManifest }> {
  const evidenceIndex = contents.evidence.map(({ bytes: _bytes, ...meta }) => meta);
  const data: BackupZipEntry[] = [
    { path: CLAIMS_PATH, bytes: json(contents.claims) },
    { path: RECORDS_PATH, bytes: encoder.encode(contents.records.map((r) => `${JSON.stringify(r)}\n`).join('')) },
    { path: EVIDENCE_INDEX_PATH, bytes: json(evidenceIndex) },
    { path: IMPORTS_PATH, bytes: json(contents.imports) },
    { path: SETTINGS_PATH, bytes: json(contents.settings) },
    { path: PACKS_PATH, bytes: json(contents.packs) },
    ...contents.evidence.map((e) => ({ path: evidencePath(e.id), bytes: e.bytes, store: true })),
  ];
  const files = [];
  for (const entry of data) files.push({ path: entry.path, size: entry.bytes.length, sha256: await sha256Hex(entry.bytes) });
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    app: { name: 'Outage Loss Desk', version: options.appVersion },
    dbVersion: options.dbVersion,
    createdAt: kstTimestamp(options.now),
    counts: {
      claims: contents.claims.length,
      records: contents.records.length,
      evidence: contents.evidence.length,
      evidenceBytes: contents.evidence.reduce((n, e) => n + e.bytes.length, 0),
      imports: contents.imports.length,
      settings: contents.settings.length,
      packs: contents.packs.length,
    },
    files,
  };
  const zip = writeBackupZip([{ path: BACKUP_MANIFEST_PATH, bytes: json(manifest) }, ...data], options.now);
  const bytes = options.passphrase !== undefined ? await encryptBackup(zip, options.passphrase, { iterations: options.iterations }) : zip;
  return { bytes, manifest };
}
