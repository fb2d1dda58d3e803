/**
 * The claim as the rest of the app sees it: the stored document (claimant, incident, parameters, items)
 * plus its records (the records table) and its evidence (the evidence table, bytes included). This is
 * the one place that assembles a full `Claim` for the engine and the packet, and the one place that
 * writes a whole claim (from a claim file, an example, or a restore) in a single transaction.
 */
import { isMissingField, serializeClaim, validateClaimDocument } from '../core/model';
import type { Claim, ClaimBody, ClaimIssue, Evidence } from '../core/model';
import { bt, joined } from '../core/model';
import type { ActivityRecord } from '../core/model/record';
import type { OutageDeskDB } from './database';
import type { ClaimRow, EvidenceRow, RecordRow } from './schema';
import { nowKst } from './time';

/** What `claims.body` holds: the claim without records and evidence (they live in their own tables). */
export type { ClaimBody };

export type LoadedClaim =
  | { status: 'ready'; row: ClaimRow; claim: Claim }
  /** The document is not complete yet (setup unfinished) or does not validate: the issues say where. */
  | { status: 'draft'; row: ClaimRow; issues: ClaimIssue[]; body: Partial<ClaimBody> }
  | { status: 'missing' };

/** A whole claim failed validation; `issues` name each field path. Nothing was stored. */
export class ClaimValidationError extends Error {
  override name = 'ClaimValidationError';
  constructor(readonly issues: ClaimIssue[]) {
    super(
      issues
        .slice(0, 5)
        .map((i) => `${i.path || '(claim)'}: ${joined(i.message)}`)
        .join('\n'),
    );
  }
}

export function recordOfRow(row: RecordRow): ActivityRecord {
  const { bucket, channel, count, revenue, provenance } = row;
  return { bucket, channel, count, ...(revenue !== undefined ? { revenue } : {}), provenance };
}

export function evidenceOfRow(row: EvidenceRow): Evidence {
  return {
    id: row.id,
    fileName: row.fileName,
    sha256: row.sha256,
    size: row.size,
    mimeType: row.mimeType,
    label: row.label ?? row.note ?? '',
    provenance: row.provenance ?? 'at-the-time',
    addedAt: row.addedAt,
    linkedIds: row.linkedIds ?? [],
  };
}

function bodyOf(row: ClaimRow): Partial<ClaimBody> {
  return (row.body && typeof row.body === 'object' ? row.body : {}) as Partial<ClaimBody>;
}

/** Validates a body together with records and evidence: the cross-field rules need all three. */
export const validateClaim = validateClaimDocument;

/** The full claim of one row, read in one transaction so records and document agree. */
export async function loadClaim(db: OutageDeskDB, id: string): Promise<LoadedClaim> {
  return db.transaction('r', [db.claims, db.records, db.evidence], async () => {
    const row = await db.claims.get(id);
    if (!row) return { status: 'missing' } as const;
    const [recordRows, evidenceRows] = await Promise.all([
      db.records.where('[claimId+bucket]').between([id, ''], [id, '\uffff']).toArray(),
      db.evidence.where('claimId').equals(id).sortBy('addedAt'),
    ]);
    const body = bodyOf(row);
    const result = validateClaim(row, body, recordRows.map(recordOfRow), evidenceRows.map(evidenceOfRow));
    return result.ok ? { status: 'ready', row, claim: result.claim } : { status: 'draft', row, issues: result.issues, body };
  });
}

/**
 * Replaces the claim document after validating it with the claim's current records and evidence.
 * `allowDraft` stores an incomplete document (the setup flow saves step by step) but still refuses one
 * whose present fields are wrong.
 */
export async function saveClaimDocument(
  db: OutageDeskDB,
  id: string,
  body: Partial<ClaimBody>,
  options: { allowDraft?: boolean } = {},
): Promise<LoadedClaim> {
  return db.transaction('rw', [db.claims, db.records, db.evidence], async () => {
    const row = await db.claims.get(id);
    if (!row) throw new ClaimValidationError([{ path: '', message: bt(`신고서를 찾을 수 없어요: ${id}`, `claim not found: ${id}`) }]);
    const [recordRows, evidenceRows] = await Promise.all([
      // Bucket order, as loadClaim reads them, so an issue's record index means the same row in both.
      db.records.where('[claimId+bucket]').between([id, ''], [id, '\uffff']).toArray(),
      db.evidence.where('claimId').equals(id).toArray(),
    ]);
    const updated: ClaimRow = { ...row, body, updatedAt: nowKst(), ...kindOf(body) };
    const result = validateClaim(updated, body, recordRows.map(recordOfRow), evidenceRows.map(evidenceOfRow));
    if (!result.ok) {
      const blocking = options.allowDraft ? result.issues.filter((i) => !isMissingField(i)) : result.issues;
      if (blocking.length > 0) throw new ClaimValidationError(blocking);
    }
    await db.claims.put(updated);
    return result.ok ? { status: 'ready', row: updated, claim: result.claim } : { status: 'draft', row: updated, issues: result.issues, body };
  });
}

function kindOf(body: Partial<ClaimBody>): Pick<ClaimRow, 'kind'> | Record<string, never> {
  const kind = (body.claimant as { kind?: ClaimRow['kind'] } | undefined)?.kind;
  return kind ? { kind } : {};
}


export interface EvidenceBytes {
  /** Matched to the claim's evidence by sha256. */
  sha256: string;
  bytes: Uint8Array;
}

/**
 * Adds a whole claim (from a claim file, an example or a member packet) with its records and the
 * evidence files that are at hand, in one transaction. Evidence listed in the claim without bytes is
 * skipped and reported. Returns the new row id (a fresh id if the claim's id is already taken).
 */
export async function addClaim(
  db: OutageDeskDB,
  claim: Claim,
  options: { example?: boolean; evidence?: readonly EvidenceBytes[] } = {},
): Promise<{ id: string; missingEvidence: string[] }> {
  const bytesBySha = new Map((options.evidence ?? []).map((e) => [e.sha256, e.bytes]));
  return db.transaction('rw', [db.claims, db.records, db.evidence], async () => {
    const id = (await db.claims.get(claim.id)) ? crypto.randomUUID() : claim.id;
    const now = nowKst();
    const { records, evidence, format: _f, formatVersion: _v, id: _id, title, example: _e, createdAt, updatedAt: _u, ...body } = claim;
    await db.claims.add({
      id,
      title: title?.trim() || claim.claimant.name,
      kind: claim.claimant.kind,
      createdAt: createdAt ?? now,
      updatedAt: now,
      example: options.example || claim.example ? 1 : 0,
      body,
    });
    await db.records.bulkAdd(records.map((r) => ({ ...r, claimId: id })));
    const missingEvidence: string[] = [];
    const rows: EvidenceRow[] = [];
    for (const e of evidence) {
      const bytes = bytesBySha.get(e.sha256);
      if (!bytes) {
        missingEvidence.push(e.fileName);
        continue;
      }
      rows.push({
        id: e.id,
        claimId: id,
        sha256: e.sha256,
        fileName: e.fileName,
        mimeType: e.mimeType,
        size: e.size,
        addedAt: e.addedAt,
        label: e.label,
        provenance: e.provenance,
        linkedIds: e.linkedIds,
        blob: new Blob([bytes.slice().buffer], { type: e.mimeType }),
      });
    }
    // Evidence ids are global keys: a second copy of the same claim gets fresh ones.
    for (const r of rows) if (await db.evidence.get(r.id)) r.id = crypto.randomUUID();
    await db.evidence.bulkAdd(rows);
    return { id, missingEvidence };
  });
}

/** The claim file (JSON text) of a stored claim; refuses a draft with its issues. */
export async function exportClaimFile(db: OutageDeskDB, id: string): Promise<string> {
  const loaded = await loadClaim(db, id);
  if (loaded.status === 'missing') throw new ClaimValidationError([{ path: '', message: bt(`신고서를 찾을 수 없어요: ${id}`, `claim not found: ${id}`) }]);
  if (loaded.status === 'draft') throw new ClaimValidationError(loaded.issues);
  return serializeClaim(loaded.claim);
}

/** Removes every bundled example claim with its records and evidence, in one transaction. */
export async function removeExampleClaims(db: OutageDeskDB): Promise<number> {
  return db.transaction('rw', [db.claims, db.records, db.evidence, db.imports], async () => {
    const ids = (await db.claims.where('example').equals(1).primaryKeys()) as string[];
    for (const id of ids) {
      await db.records.where('claimId').equals(id).delete();
      await db.evidence.where('claimId').equals(id).delete();
      await db.imports.where('claimId').equals(id).delete();
    }
    await db.claims.bulkDelete(ids);
    return ids.length;
  });
}
