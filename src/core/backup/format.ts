import { z } from 'zod';
import { bt, joined, type BilingualText } from '../model/common';

/**
 * The backup file (`.odbackup`): one zip holding everything the app keeps (claims, records, evidence
 * bytes, import marks, settings, incident packs stored on this computer) and `backup-manifest.json` listing every entry's size and SHA-256.
 * With a passphrase, that zip is sealed in an AES-256-GCM envelope (see crypto.ts). docs/reliability.md
 * describes the layout for people who have to open one by hand.
 */

export const BACKUP_FORMAT = 'outage-loss-desk/backup';
/** 2: adds packs.json (the incident packs stored here). A version 1 backup (no packs) still restores. */
export const BACKUP_FORMAT_VERSION = 2;
export const BACKUP_EXTENSION = '.odbackup';

export const BACKUP_MANIFEST_PATH = 'backup-manifest.json';
export const CLAIMS_PATH = 'claims.json';
/** One record per line, so an error can name the line and a year of hourly records never needs one huge JSON.parse. */
export const RECORDS_PATH = 'records.jsonl';
export const EVIDENCE_INDEX_PATH = 'evidence.json';
export const IMPORTS_PATH = 'imports.json';
export const SETTINGS_PATH = 'settings.json';
/** Incident packs imported, authored or made here (format version 2 on); bundled packs are never in it. */
export const PACKS_PATH = 'packs.json';
export const EVIDENCE_DIR = 'evidence/';

/** Evidence bytes live at `evidence/<evidence id>`: the id is ours and path-safe, the user's file name is not. */
export const evidencePath = (id: string): string => `${EVIDENCE_DIR}${id}`;

/** The fixed entries every backup has, besides one entry per evidence file. */
export const DATA_PATHS = [CLAIMS_PATH, RECORDS_PATH, EVIDENCE_INDEX_PATH, IMPORTS_PATH, SETTINGS_PATH] as const;

/** The fixed entries a backup of `formatVersion` must have. */
export function requiredDataPaths(formatVersion: number): readonly string[] {
  return formatVersion >= 2 ? [...DATA_PATHS, PACKS_PATH] : DATA_PATHS;
}

export interface BackupLimits {
  /** Zip entries (the fixed files plus one per evidence file). */
  maxEntries: number;
  /** Sum of every entry's uncompressed size, as declared and as inflated. */
  maxTotalBytes: number;
  /** Uncompressed / compressed for one entry. Evidence is stored uncompressed (ratio 1), JSON deflates ~10-30x. */
  maxRatio: number;
  /** The backup file itself. */
  maxFileBytes: number;
}

export const DEFAULT_BACKUP_LIMITS: BackupLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  maxFileBytes: 1024 * 1024 * 1024,
};

export type BackupErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-a-backup'
  | 'passphrase-required'
  | 'wrong-passphrase-or-damaged'
  | 'weak-passphrase'
  | 'unsafe-zip'
  | 'damaged'
  | 'newer-version'
  | 'invalid-content'
  /** A pack in the backup has the id and version of a pack stored here, with other content. */
  | 'pack-conflict';

/**
 * Every way a backup can be refused. `text` is the reason as `{ ko, en }` (the screen shows the reader's
 * language with textIn); `message` is its joined shape for logs and the CLI. It names the entry
 * (`records.jsonl 12번째 줄, count`) when one entry is at fault. Nothing is restored when it is thrown.
 */
export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    readonly text: BilingualText,
    /** The entry inside the backup at fault, when there is one. */
    readonly entry?: string,
  ) {
    super(joined(text));
  }
}

export const WRONG_PASSPHRASE_TEXT: BilingualText =
  bt('비밀번호가 맞지 않거나 파일이 손상됐어요', 'the passphrase is wrong or the file is damaged');

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative();

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  app: z.object({ name: z.string().max(200), version: z.string().max(100) }),
  /** The Dexie version of the database the backup was taken from. */
  dbVersion: z.number().int().positive(),
  /** KST with an explicit offset, from the injected clock. */
  createdAt: z.string().max(40),
  counts: z.object({
    claims: count,
    records: count,
    evidence: count,
    evidenceBytes: count,
    imports: count,
    settings: count,
    /** Format version 2 on. */
    packs: count.optional(),
  }),
  files: z.array(z.object({ path: z.string().max(300), size: count, sha256 })).max(DEFAULT_BACKUP_LIMITS.maxEntries),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** The joined shape of WRONG_PASSPHRASE_TEXT (what `BackupError.message` holds). */
export const WRONG_PASSPHRASE_MESSAGE = joined(WRONG_PASSPHRASE_TEXT);
