import type { Claim } from '../core/model';
import { resolveClaimWindow } from '../core/estimate/window';
import type { WindowSpan } from '../core/time/file-timing';
import type { OutageDeskDB } from './database';
import type { EvidenceRow } from './schema';
import { nowKst } from './time';

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  // A view, not its buffer: WebCrypto accepts views from any realm but only its own realm's ArrayBuffers.
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a person says about a file: what it shows, when it was made, what it supports. */
export interface EvidenceDetails {
  note?: string;
  label?: string;
  provenance?: 'at-the-time' | 'reconstructed';
  linkedIds?: string[];
  /** The file's own date and where it falls against the outage (set at upload). */
  fileDate?: string;
  fileTiming?: 'before' | 'during' | 'after';
}

/**
 * A file name not yet used in the claim: the packet stores evidence as `evidence/<fileName>`, so two
 * different screenshots both called `image.png` become `image.png` and `image (2).png`.
 */
function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; ; i++) {
    const candidate = `${stem} (${i})${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Keeps a file as evidence for a claim and says whether it was new. The same bytes twice in one claim
 * are kept once: the existing row comes back with `duplicate: true`.
 */
export async function addEvidenceFile(
  db: OutageDeskDB,
  claimId: string,
  file: { name: string; type?: string; bytes: Uint8Array | ArrayBuffer },
  details: EvidenceDetails = {},
): Promise<{ row: EvidenceRow; duplicate: boolean }> {
  // A fresh copy made here: bytes from another realm (a worker, a test's jsdom) fail `instanceof` and WebCrypto's checks.
  const source = ArrayBuffer.isView(file.bytes) ? new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) : new Uint8Array(file.bytes);
  const copy = new Uint8Array(source.byteLength);
  copy.set(source);
  const bytes = copy.buffer;
  const sha256 = await sha256Hex(copy);
  return db.transaction('rw', [db.evidence, db.claims], async () => {
    const existing = await db.evidence.where('[claimId+sha256]').equals([claimId, sha256]).first();
    if (existing) return { row: existing, duplicate: true };
    const names = new Set((await db.evidence.where('claimId').equals(claimId).toArray()).map((r) => r.fileName.normalize('NFC')));
    const row: EvidenceRow = {
      id: crypto.randomUUID(),
      claimId,
      sha256,
      fileName: uniqueName(file.name.normalize('NFC'), names),
      mimeType: file.type || 'application/octet-stream',
      size: bytes.byteLength,
      addedAt: nowKst(),
      ...(details.note ? { note: details.note } : {}),
      ...(details.label !== undefined ? { label: details.label } : {}),
      ...(details.provenance ? { provenance: details.provenance } : {}),
      ...(details.linkedIds ? { linkedIds: [...details.linkedIds] } : {}),
      ...(details.fileDate ? { fileDate: details.fileDate } : {}),
      ...(details.fileTiming ? { fileTiming: details.fileTiming } : {}),
      blob: new Blob([bytes], { type: file.type || 'application/octet-stream' }),
    };
    await db.evidence.add(row);
    await db.claims.update(claimId, { updatedAt: row.addedAt });
    return { row, duplicate: false };
  });
}

/**
 * Keeps a file as evidence for a claim. The same bytes twice in one claim are kept once: the existing
 * row is returned.
 */
export async function addEvidence(
  db: OutageDeskDB,
  claimId: string,
  file: { name: string; type?: string; bytes: Uint8Array | ArrayBuffer },
  note?: string,
): Promise<EvidenceRow> {
  return (await addEvidenceFile(db, claimId, file, note ? { note } : {})).row;
}

/** Changes what is said about a file (never its bytes: the fingerprint must keep matching). */
export async function updateEvidenceDetails(
  db: OutageDeskDB,
  id: string,
  details: Pick<EvidenceDetails, 'label' | 'provenance' | 'linkedIds'>,
): Promise<void> {
  await db.transaction('rw', [db.evidence, db.claims], async () => {
    const row = await db.evidence.get(id);
    if (!row) throw new Error(`증빙을 찾을 수 없어요: ${id} / evidence not found: ${id}`);
    const changes: Partial<EvidenceRow> = {};
    if (details.label !== undefined) changes.label = details.label;
    if (details.provenance !== undefined) changes.provenance = details.provenance;
    if (details.linkedIds !== undefined) changes.linkedIds = [...details.linkedIds];
    await db.evidence.update(id, changes);
    await db.claims.update(row.claimId, { updatedAt: nowKst() });
  });
}

export async function listEvidence(db: OutageDeskDB, claimId: string): Promise<EvidenceRow[]> {
  return db.evidence.where('claimId').equals(claimId).sortBy('addedAt');
}

export async function deleteEvidence(db: OutageDeskDB, id: string): Promise<void> {
  await db.evidence.delete(id);
}

/**
 * The claim window an upload's date is set against (loss model section 2), or null while the claim has no
 * incident yet. Read for the user adding files to the evidence vault.
 */
export async function uploadTimingWindow(db: OutageDeskDB, claimId: string): Promise<WindowSpan | null> {
  const row = await db.claims.get(claimId);
  const body = (row?.body ?? {}) as { incident?: Claim['incident']; claimant?: { servicesUsed?: string[] } };
  if (!body.incident || !Array.isArray(body.incident.services) || body.incident.services.length === 0) return null;
  try {
    const window = resolveClaimWindow({ incident: body.incident, claimant: { servicesUsed: body.claimant?.servicesUsed ?? [] } as Claim['claimant'] });
    const first = window.intervals[0];
    const last = window.intervals[window.intervals.length - 1];
    return first && last ? { startMs: first.startMs, endMs: last.endMs } : null;
  } catch {
    return null;
  }
}
