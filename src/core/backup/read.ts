import type { z } from 'zod';
import { bilingualErrorMap, formatIssuePath, parseClaimFile } from '../model/claim-file';
import { validateClaimDocument } from '../model/claim-doc';
import {
  backupClaimSchema,
  backupEvidenceMetaSchema,
  backupImportSchema,
  backupPackRowSchema,
  backupRecordSchema,
  backupSettingSchema,
  tooDeepAt,
  type BackupClaim,
  type BackupContents,
  type BackupEvidence,
  type BackupEvidenceMeta,
  type BackupImport,
  type BackupPack,
  type BackupRecord,
  type BackupSetting,
} from './contents';
import { decryptBackup, isEncryptedBackup } from './crypto';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST_PATH,
  BackupError,
  backupManifestSchema,
  CLAIMS_PATH,
  DEFAULT_BACKUP_LIMITS,
  EVIDENCE_DIR,
  EVIDENCE_INDEX_PATH,
  evidencePath,
  IMPORTS_PATH,
  PACKS_PATH,
  RECORDS_PATH,
  requiredDataPaths,
  SETTINGS_PATH,
  type BackupLimits,
  type BackupManifest,
} from './format';
import { sha256Hex } from './hash';
import { BUNDLED_PACKS, findBundledPack } from '../incidents/bundled';
import { parseIncidentPack } from '../incidents/pack';
import { readBackupZip, shownName } from './zip';
import { bt, readJoined, type BilingualText } from '../model/common';

/**
 * Reads and checks a whole backup before anything is restored: decrypt, unzip within limits, every entry's
 * size and SHA-256 against the manifest, every row against its schema (claims through the claim file
 * parser, records through activityRecordSchema), every reference between rows. Pure: bytes in, contents
 * and a summary for the preview screen out, or a BackupError naming the entry, row and field.
 */

export interface ReadBackupOptions {
  passphrase?: string;
  /** The newest database version this app knows: a backup from a newer one is refused. */
  supportedDbVersion: number;
  limits?: Partial<BackupLimits>;
}

export interface BackupClaimSummary {
  id: string;
  title: string;
  /** True for a claim whose document is not a complete claim file yet. */
  draft: boolean;
  example: boolean;
  updatedAt: string;
  recordCount: number;
  evidenceCount: number;
}

/** What the preview screen shows before the user confirms a restore. */
export interface BackupSummary {
  createdAt: string;
  appVersion: string;
  dbVersion: number;
  formatVersion: number;
  encrypted: boolean;
  claims: BackupClaimSummary[];
  recordCount: number;
  evidenceCount: number;
  evidenceBytes: number;
  importCount: number;
  settingCount: number;
  /** Incident packs stored on the computer the backup came from (0 for a version 1 backup). */
  packCount: number;
}

export interface ReadBackupResult {
  manifest: BackupManifest;
  contents: BackupContents;
  summary: BackupSummary;
}

const invalid = (entry: string, message: BilingualText) => new BackupError('invalid-content', message, entry);
const damaged = (entry: string, message: BilingualText) => new BackupError('damaged', message, entry);

function decodeJson(entry: string, bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid(entry, bt(`${entry}: UTF-8 글자가 아니에요`, `${entry}: not UTF-8 text`));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw invalid(entry, bt(`${entry}: JSON 형식이 아니에요`, `${entry}: not valid JSON (${(err as Error).message})`));
  }
  const deep = tooDeepAt(value);
  if (deep) throw invalid(entry, bt(`${entry} ${deep}: 너무 깊게 중첩됐어요`, `${entry} ${deep}: nested too deeply`));
  return value;
}

function firstIssue(error: z.ZodError): { field: string; message: BilingualText } {
  const issue = error.issues[0]!;
  // A zod message is a string (bilingualErrorMap writes the joined shape): read it back as `{ ko, en }`.
  return { field: formatIssuePath(issue.path) || '(전체/whole row)', message: readJoined(issue.message) };
}

/** A `{ ko, en }` reason after a place in each language (`records.jsonl 3번째 줄, count: …`). */
const at = (koWhere: string, enWhere: string, message: BilingualText): BilingualText =>
  bt(`${koWhere}: ${message.ko}`, `${enWhere}: ${message.en || message.ko}`);

/** Parses each element of a JSON array entry with `schema`; an error names the entry, 1-based row and field. */
function parseRows<T>(entry: string, value: unknown, schema: z.ZodType<T>): T[] {
  if (!Array.isArray(value)) throw invalid(entry, bt(`${entry}: 목록(JSON 배열)이어야 해요`, `${entry}: must be a JSON array`));
  return value.map((row, i) => {
    const parsed = schema.safeParse(row, { error: bilingualErrorMap });
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error);
      throw invalid(entry, at(`${entry} ${i + 1}번째 항목, ${field}`, `${entry} item ${i + 1}, ${field}`, message));
    }
    return parsed.data;
  });
}

function parseRecords(bytes: Uint8Array): BackupRecord[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid(RECORDS_PATH, bt(`${RECORDS_PATH}: UTF-8 글자가 아니에요`, `${RECORDS_PATH}: not UTF-8 text`));
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, i) => {
    const where = `${RECORDS_PATH} ${i + 1}번째 줄`;
    const whereEn = `${RECORDS_PATH} line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw invalid(RECORDS_PATH, bt(`${where}: JSON 형식이 아니에요`, `${whereEn}: not valid JSON`));
    }
    const deep = tooDeepAt(value);
    if (deep) throw invalid(RECORDS_PATH, bt(`${where} ${deep}: 너무 깊게 중첩됐어요`, `${whereEn} ${deep}: nested too deeply`));
    const parsed = backupRecordSchema.safeParse(value, { error: bilingualErrorMap });
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error);
      throw invalid(RECORDS_PATH, at(`${where}, ${field}`, `${whereEn}, ${field}`, message));
    }
    return parsed.data as BackupRecord;
  });
}

/** A claim file written whole into the body (older backups) says so with its `format` field. */
function isClaimFileBody(body: Record<string, unknown>): boolean {
  return Object.prototype.hasOwnProperty.call(body, 'format');
}

/**
 * A stored claim is a draft when its document, records and evidence together do not yet make a valid
 * claim (the app stores the document apart from records and evidence, so the body alone never is one).
 */
function isDraft(claim: BackupClaim, records: readonly BackupRecord[], evidence: readonly BackupEvidence[]): boolean {
  const body = claim.body as Record<string, unknown>;
  if (isClaimFileBody(body)) return !parseClaimFile(body).ok;
  const result = validateClaimDocument(
    claim,
    body,
    records.map(({ bucket, channel, count, revenue, provenance }) => ({ bucket, channel, count, ...(revenue !== undefined ? { revenue } : {}), provenance })),
    evidence.map((e) => ({
      id: e.id, fileName: e.fileName, sha256: e.sha256, size: e.size, mimeType: e.mimeType, label: e.label ?? e.note ?? '',
      provenance: e.provenance ?? 'at-the-time', addedAt: e.addedAt, linkedIds: e.linkedIds ?? [],
    })),
  );
  return !result.ok;
}

/** A claim document that says it is a claim file must be a valid one (older formats upgrade in the check). */
function checkClaimBodies(claims: readonly BackupClaim[]): void {
  claims.forEach((claim, i) => {
    const body = claim.body as Record<string, unknown>;
    if (!isClaimFileBody(body)) return;
    const result = parseClaimFile(body);
    if (!result.ok) {
      const issue = result.issues[0]!;
      const field = issue.path ? `body.${issue.path}` : 'body';
      throw invalid(CLAIMS_PATH, at(`${CLAIMS_PATH} ${i + 1}번째 항목("${claim.title}"), ${field}`, `${CLAIMS_PATH} item ${i + 1} ("${claim.title}"), ${field}`, issue.message));
    }
  });
}

function parseManifest(files: Map<string, Uint8Array>, options: ReadBackupOptions): BackupManifest {
  const bytes = files.get(BACKUP_MANIFEST_PATH);
  if (!bytes) {
    throw new BackupError('not-a-backup', bt(`백업 파일이 아니에요 (${BACKUP_MANIFEST_PATH}가 없어요)`, `not a backup file (no ${BACKUP_MANIFEST_PATH})`), BACKUP_MANIFEST_PATH);
  }
  const value = decodeJson(BACKUP_MANIFEST_PATH, bytes) as Record<string, unknown> | null;
  if (!value || typeof value !== 'object' || value.format !== BACKUP_FORMAT) {
    throw new BackupError('not-a-backup', bt(`백업 파일이 아니에요 (format이 "${BACKUP_FORMAT}"가 아니에요)`, `not a backup file (format is not "${BACKUP_FORMAT}")`), BACKUP_MANIFEST_PATH);
  }
  const newer = (what: string, found: unknown, supported: number) =>
    new BackupError(
      'newer-version',
      bt(
        `더 새 버전의 앱에서 만든 백업이에요 (${what} ${String(found)}, 이 앱은 ${supported}까지 읽어요). 앱을 업데이트한 뒤 복원해 주세요`,
        `made by a newer app (${what} ${String(found)}; this app reads up to ${supported}): update the app, then restore`,
      ),
      BACKUP_MANIFEST_PATH,
    );
  // Version checks come before the shape check: a newer format may have a shape this app cannot know.
  if (typeof value.formatVersion === 'number' && value.formatVersion > BACKUP_FORMAT_VERSION) throw newer('formatVersion', value.formatVersion, BACKUP_FORMAT_VERSION);
  if (typeof value.dbVersion === 'number' && value.dbVersion > options.supportedDbVersion) throw newer('dbVersion', value.dbVersion, options.supportedDbVersion);
  const parsed = backupManifestSchema.safeParse(value, { error: bilingualErrorMap });
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw damaged(BACKUP_MANIFEST_PATH, at(`${BACKUP_MANIFEST_PATH} ${field}`, `${BACKUP_MANIFEST_PATH} ${field}`, message));
  }
  return parsed.data;
}

async function checkEntries(files: Map<string, Uint8Array>, manifest: BackupManifest): Promise<void> {
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    if (listed.has(entry.path)) throw damaged(BACKUP_MANIFEST_PATH, bt(`${BACKUP_MANIFEST_PATH}: ${shownName(entry.path)}가 두 번 있어요`, `${shownName(entry.path)} is listed twice`));
    listed.add(entry.path);
    const bytes = files.get(entry.path);
    if (!bytes) throw damaged(entry.path, bt(`백업 안에 ${shownName(entry.path)} 파일이 없어요. 파일이 손상됐어요`, `${shownName(entry.path)} is missing: the file is damaged`));
    if (bytes.length !== entry.size) {
      throw damaged(entry.path, bt(`${shownName(entry.path)} 크기가 달라요 (${bytes.length} B, 목록 ${entry.size} B). 파일이 손상됐어요`, `${shownName(entry.path)}: size differs from the manifest, the file is damaged`));
    }
    if ((await sha256Hex(bytes)) !== entry.sha256) {
      throw damaged(entry.path, bt(`${shownName(entry.path)} 내용이 바뀌었어요 (SHA-256 불일치). 파일이 손상됐어요`, `${shownName(entry.path)}: SHA-256 mismatch, the file is damaged`));
    }
  }
  for (const path of files.keys()) {
    if (path !== BACKUP_MANIFEST_PATH && !listed.has(path)) {
      throw damaged(path, bt(`목록에 없는 파일이 들어 있어요: ${shownName(path)}`, `${shownName(path)} is not in the manifest`));
    }
  }
  for (const path of requiredDataPaths(manifest.formatVersion)) {
    if (!listed.has(path)) throw damaged(path, bt(`백업 안에 ${path} 파일이 없어요`, `${path} is missing`));
  }
}

function checkReferences(contents: BackupContents, manifest: BackupManifest, files: Map<string, Uint8Array>): void {
  const claimIds = new Set<string>();
  contents.claims.forEach((c, i) => {
    if (claimIds.has(c.id)) throw invalid(CLAIMS_PATH, bt(`${CLAIMS_PATH} ${i + 1}번째 항목, id: 신고서 id가 겹쳐요 (${c.id})`, `item ${i + 1}, id: duplicate claim id ${c.id}`));
    claimIds.add(c.id);
  });
  const recordIds = new Set<number>();
  const slots = new Set<string>();
  contents.records.forEach((r, i) => {
    const where = `${RECORDS_PATH} ${i + 1}번째 줄(line ${i + 1})`;
    if (!claimIds.has(r.claimId)) throw invalid(RECORDS_PATH, bt(`${where}, claimId: 백업에 없는 신고서예요 (${r.claimId})`, `no claim ${r.claimId} in the backup`));
    if (r.id !== undefined) {
      if (recordIds.has(r.id)) throw invalid(RECORDS_PATH, bt(`${where}, id: 기록 id가 겹쳐요 (${r.id})`, `duplicate record id ${r.id}`));
      recordIds.add(r.id);
    }
    const slot = `${r.claimId}\u0000${r.channel}\u0000${r.bucket}`;
    if (slots.has(slot)) throw invalid(RECORDS_PATH, bt(`${where}: 같은 시간·채널 기록이 두 번 있어요 (${r.bucket} ${r.channel})`, `duplicate record for ${r.bucket} ${r.channel}`));
    slots.add(slot);
  });
  const evidenceIds = new Set<string>();
  const listedByPath = new Map(manifest.files.map((f) => [f.path, f]));
  contents.evidence.forEach((e, i) => {
    const where = `${EVIDENCE_INDEX_PATH} ${i + 1}번째 항목(item ${i + 1}, ${e.fileName})`;
    if (evidenceIds.has(e.id)) throw invalid(EVIDENCE_INDEX_PATH, bt(`${where}, id: 증빙 id가 겹쳐요`, `duplicate evidence id ${e.id}`));
    evidenceIds.add(e.id);
    if (!claimIds.has(e.claimId)) throw invalid(EVIDENCE_INDEX_PATH, bt(`${where}, claimId: 백업에 없는 신고서예요 (${e.claimId})`, `no claim ${e.claimId} in the backup`));
    const listed = listedByPath.get(evidencePath(e.id));
    if (!listed || !files.has(listed.path)) throw damaged(evidencePath(e.id), bt(`${where}: 증빙 파일 내용이 백업에 없어요`, `the evidence bytes are missing`));
    if (listed.size !== e.size) throw invalid(EVIDENCE_INDEX_PATH, bt(`${where}, size: 파일 크기가 달라요`, `size does not match the file`));
    if (listed.sha256 !== e.sha256) throw invalid(EVIDENCE_INDEX_PATH, bt(`${where}, sha256: 파일 내용과 해시가 달라요`, `SHA-256 does not match the file`));
  });
  for (const path of files.keys()) {
    if (path.startsWith(EVIDENCE_DIR) && !evidenceIds.has(path.slice(EVIDENCE_DIR.length))) {
      throw damaged(path, bt(`${EVIDENCE_INDEX_PATH}에 없는 증빙 파일이에요: ${shownName(path)}`, `evidence file not in ${EVIDENCE_INDEX_PATH}`));
    }
  }
  const importKeys = new Set<string>();
  contents.imports.forEach((m, i) => {
    const where = `${IMPORTS_PATH} ${i + 1}번째 항목(item ${i + 1})`;
    if (!claimIds.has(m.claimId)) throw invalid(IMPORTS_PATH, bt(`${where}, claimId: 백업에 없는 신고서예요 (${m.claimId})`, `no claim ${m.claimId} in the backup`));
    const key = `${m.claimId}\u0000${m.sha256}`;
    if (importKeys.has(key)) throw invalid(IMPORTS_PATH, bt(`${where}: 같은 파일 표시가 두 번 있어요`, `duplicate import mark`));
    importKeys.add(key);
  });
  const settingKeys = new Set<string>();
  contents.settings.forEach((s, i) => {
    if (settingKeys.has(s.key)) throw invalid(SETTINGS_PATH, bt(`${SETTINGS_PATH} ${i + 1}번째 항목, key: 설정이 두 번 있어요 (${s.key})`, `duplicate setting ${s.key}`));
    settingKeys.add(s.key);
  });
  const c = manifest.counts;
  const actual = {
    claims: contents.claims.length,
    records: contents.records.length,
    evidence: contents.evidence.length,
    evidenceBytes: contents.evidence.reduce((n, e) => n + e.bytes.length, 0),
    imports: contents.imports.length,
    settings: contents.settings.length,
    packs: contents.packs.length,
  };
  for (const key of Object.keys(actual) as (keyof typeof actual)[]) {
    // A version 1 manifest has no pack count (and no packs).
    if (key === 'packs' && c.packs === undefined && actual.packs === 0) continue;
    if (c[key] !== actual[key]) {
      throw damaged(BACKUP_MANIFEST_PATH, bt(`${BACKUP_MANIFEST_PATH} counts.${key}: 목록(${c[key]})과 실제(${actual[key]})가 달라요`, `manifest says ${c[key]}, the backup holds ${actual[key]}`));
    }
  }
}

function summarise(manifest: BackupManifest, contents: BackupContents, encrypted: boolean): BackupSummary {
  const recordsByClaim = new Map<string, number>();
  for (const r of contents.records) recordsByClaim.set(r.claimId, (recordsByClaim.get(r.claimId) ?? 0) + 1);
  const evidenceByClaim = new Map<string, number>();
  for (const e of contents.evidence) evidenceByClaim.set(e.claimId, (evidenceByClaim.get(e.claimId) ?? 0) + 1);
  const recordRows = new Map<string, BackupRecord[]>();
  for (const r of contents.records) (recordRows.get(r.claimId) ?? recordRows.set(r.claimId, []).get(r.claimId)!).push(r);
  const evidenceRows = new Map<string, BackupEvidence[]>();
  for (const e of contents.evidence) (evidenceRows.get(e.claimId) ?? evidenceRows.set(e.claimId, []).get(e.claimId)!).push(e);
  const claims = contents.claims
    .map((c) => ({
      id: c.id,
      title: c.title,
      draft: isDraft(c, recordRows.get(c.id) ?? [], evidenceRows.get(c.id) ?? []),
      example: c.example === 1,
      updatedAt: c.updatedAt,
      recordCount: recordsByClaim.get(c.id) ?? 0,
      evidenceCount: evidenceByClaim.get(c.id) ?? 0,
    }))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  return {
    createdAt: manifest.createdAt,
    appVersion: manifest.app.version,
    dbVersion: manifest.dbVersion,
    formatVersion: manifest.formatVersion,
    encrypted,
    claims,
    recordCount: contents.records.length,
    evidenceCount: contents.evidence.length,
    evidenceBytes: manifest.counts.evidenceBytes,
    importCount: contents.imports.length,
    settingCount: contents.settings.length,
    packCount: contents.packs.length,
  };
}

/**
 * packs.json: each row's pack through the pack format's own parser (the checks an imported pack file
 * gets); a bundled pack's id, a row whose id or version is not its pack's, or one id and version twice
 * are refused, naming the row and field.
 */
function parsePacks(value: unknown): BackupPack[] {
  const rows = parseRows(PACKS_PATH, value, backupPackRowSchema);
  const seen = new Set<string>();
  return rows.map((row, i) => {
    const where = `${PACKS_PATH} ${i + 1}번째 항목(item ${i + 1})`;
    const parsed = parseIncidentPack(row.pack, { bundled: BUNDLED_PACKS });
    if (!parsed.ok) {
      const issue = parsed.issues[0]!;
      const field = `pack${issue.path ? `.${issue.path}` : ''}`;
      throw invalid(PACKS_PATH, at(`${where}, ${field}`, `${where}, ${field}`, issue.message));
    }
    const pack = parsed.pack;
    if (findBundledPack(pack.id)) throw invalid(PACKS_PATH, bt(`${where}, pack.id: 앱에 들어 있는 장애 팩이에요 (${pack.id})`, `${pack.id} is a pack bundled with the app`));
    if (row.id !== pack.id) throw invalid(PACKS_PATH, bt(`${where}, id: 팩의 id(${pack.id})와 달라요`, `differs from the pack's id ${pack.id}`));
    if (row.version !== pack.version) throw invalid(PACKS_PATH, bt(`${where}, version: 팩의 버전(${pack.version})과 달라요`, `differs from the pack's version ${pack.version}`));
    const key = `${pack.id}\u0000${pack.version}`;
    if (seen.has(key)) throw invalid(PACKS_PATH, bt(`${where}: 같은 장애 팩 버전이 두 번 있어요 (${pack.id} 버전 ${pack.version})`, `${pack.id} version ${pack.version} twice`));
    seen.add(key);
    return { id: pack.id, version: pack.version, origin: row.origin, savedAt: row.savedAt, pack };
  });
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

export async function readBackup(bytes: Uint8Array, options: ReadBackupOptions): Promise<ReadBackupResult> {
  const limits: BackupLimits = { ...DEFAULT_BACKUP_LIMITS, ...options.limits };
  if (bytes.length === 0) throw new BackupError('empty', bt('빈 파일이에요', 'the file is empty'));
  if (bytes.length > limits.maxFileBytes) {
    throw new BackupError('too-large', bt(`백업 파일이 너무 커요 (${bytes.length.toLocaleString('en-US')} B, 최대 ${limits.maxFileBytes.toLocaleString('en-US')} B)`, `backup file too large`));
  }
  const encrypted = isEncryptedBackup(bytes);
  let zip = bytes;
  if (encrypted) {
    if (options.passphrase === undefined || options.passphrase === '') {
      throw new BackupError('passphrase-required', bt('비밀번호로 보호된 백업이에요. 비밀번호를 입력해 주세요', 'this backup is protected: enter its passphrase'));
    }
    zip = await decryptBackup(bytes, options.passphrase);
  } else if (!startsWith(bytes, ZIP_LOCAL) && !startsWith(bytes, ZIP_EMPTY)) {
    throw new BackupError('not-a-backup', bt('장애 손실 계산기 백업 파일(.odbackup)이 아니에요', 'not an Outage Loss Desk backup (.odbackup) file'));
  }
  const files = readBackupZip(zip, limits);
  const manifest = parseManifest(files, options);
  await checkEntries(files, manifest);

  const claims = parseRows(CLAIMS_PATH, decodeJson(CLAIMS_PATH, files.get(CLAIMS_PATH)!), backupClaimSchema) as BackupClaim[];
  checkClaimBodies(claims);
  const records = parseRecords(files.get(RECORDS_PATH)!);
  const evidenceMeta = parseRows(EVIDENCE_INDEX_PATH, decodeJson(EVIDENCE_INDEX_PATH, files.get(EVIDENCE_INDEX_PATH)!), backupEvidenceMetaSchema) as BackupEvidenceMeta[];
  const imports = parseRows(IMPORTS_PATH, decodeJson(IMPORTS_PATH, files.get(IMPORTS_PATH)!), backupImportSchema) as BackupImport[];
  const settings = parseRows(SETTINGS_PATH, decodeJson(SETTINGS_PATH, files.get(SETTINGS_PATH)!), backupSettingSchema) as BackupSetting[];
  const evidence: BackupEvidence[] = evidenceMeta.map((meta) => ({ ...meta, bytes: files.get(evidencePath(meta.id)) ?? new Uint8Array() }));
  // A version 1 backup has no packs.json: nothing to restore into the packs table.
  const packs = files.has(PACKS_PATH) ? parsePacks(decodeJson(PACKS_PATH, files.get(PACKS_PATH)!)) : [];
  const contents: BackupContents = { claims, records, evidence, imports, settings, packs };
  checkReferences(contents, manifest, files);
  return { manifest, contents, summary: summarise(manifest, contents, encrypted) };
}
