import { z } from 'zod';
import { activityRecordSchema, type ActivityRecord } from '../model/record';
import { bi, instantSchema, sha256Schema } from '../model/common';
import type { IncidentPack } from '../model/incident-pack';

/**
 * What a backup holds, independent of Dexie: the rows of every table, evidence with its bytes. src/db
 * turns tables into this and back; core checks it.
 */

export type ClaimKind = 'merchant' | 'taxi' | 'designated-driver';

export interface BackupClaim {
  id: string;
  title: string;
  kind?: ClaimKind;
  createdAt: string;
  updatedAt: string;
  example: 0 | 1;
  /** The claim document: a full claim file (`format: outage-loss-desk/claim`) or a draft still being filled in. */
  body: unknown;
}

/** A record as stored; `day` is left out because it is derived from `bucket`. */
export type BackupRecord = ActivityRecord & { id?: number; claimId: string };

export interface BackupEvidenceMeta {
  id: string;
  claimId: string;
  sha256: string;
  fileName: string;
  mimeType: string;
  size: number;
  addedAt: string;
  note?: string;
  label?: string;
  provenance?: 'at-the-time' | 'reconstructed';
  linkedIds?: string[];
}

export type BackupEvidence = BackupEvidenceMeta & { bytes: Uint8Array };

export interface BackupImport {
  claimId: string;
  sha256: string;
  fileName: string;
  importedAt: string;
  recordCount: number;
}

export interface BackupSetting {
  key: string;
  value: unknown;
}

/** An incident pack stored on this computer (src/db packs table), as in packs.json. */
export interface BackupPack {
  id: string;
  version: number;
  origin: 'imported' | 'own' | 'authored';
  savedAt: string;
  pack: IncidentPack;
}

export interface BackupContents {
  claims: BackupClaim[];
  records: BackupRecord[];
  evidence: BackupEvidence[];
  imports: BackupImport[];
  settings: BackupSetting[];
  /** Empty for a backup made before packs were kept (format version 1). */
  packs: BackupPack[];
}

/** Claim ids come from crypto.randomUUID or the claim file's id rules. */
const rowIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, bi('id는 영문, 숫자, -, _, ., :만 써요', 'id: letters, digits, - _ . : only'));
/** Evidence ids also name a zip entry, so no dots or colons. */
const evidenceIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, bi('증빙 id는 영문, 숫자, -, _만 써요', 'evidence id: letters, digits, - _ only'));

/** Loose objects keep a field a newer app of the same backup format added; zod drops `__proto__` keys. */
export const backupClaimSchema = z.looseObject({
  id: rowIdSchema,
  title: z.string().min(1).max(200),
  kind: z.enum(['merchant', 'taxi', 'designated-driver']).optional(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  example: z.union([z.literal(0), z.literal(1)]),
  body: z.record(z.string(), z.unknown()),
});

export const backupRecordSchema = activityRecordSchema
  .extend({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(), claimId: rowIdSchema })
  .loose();

export const backupEvidenceMetaSchema = z.looseObject({
  id: evidenceIdSchema,
  claimId: rowIdSchema,
  sha256: sha256Schema,
  fileName: z.string().min(1).max(260),
  mimeType: z.string().max(200),
  size: z.number().int().nonnegative(),
  addedAt: instantSchema,
  note: z.string().max(4000).optional(),
  label: z.string().max(500).optional(),
  provenance: z.enum(['at-the-time', 'reconstructed']).optional(),
  linkedIds: z.array(z.string().max(200)).max(10_000).optional(),
});

export const backupImportSchema = z.looseObject({
  claimId: rowIdSchema,
  sha256: sha256Schema,
  fileName: z.string().max(260),
  importedAt: instantSchema,
  recordCount: z.number().int().nonnegative(),
});

/** A packs.json row; its `pack` is checked apart, by the pack format's own parser (read.ts). */
export const backupPackRowSchema = z.looseObject({
  id: z.string().min(1).max(200),
  version: z.number().int().min(1),
  origin: z.enum(['imported', 'own', 'authored']),
  savedAt: z.string().min(1).max(40),
  pack: z.unknown(),
});

export const backupSettingSchema = z.looseObject({ key: z.string().min(1).max(200), value: z.unknown() });

export const MAX_JSON_DEPTH = 64;

/**
 * The path of the first value nested deeper than `maxDepth`, or null. Iterative: a hostile file nested
 * 100,000 deep must not overflow the stack here (V8's JSON.parse itself does not recurse).
 */
export function tooDeepAt(value: unknown, maxDepth: number = MAX_JSON_DEPTH): string | null {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return path || '(top)';
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1, path: `${path}[${i}]` });
    } else {
      for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], depth: depth + 1, path: path ? `${path}.${k}` : k });
    }
  }
  return null;
}
