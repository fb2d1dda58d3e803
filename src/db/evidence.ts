import type { OutageDeskDB } from './database';
import type { EvidenceRow } from './schema';
import { nowKst } from './time';

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
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
  const bytes = file.bytes instanceof Uint8Array ? file.bytes.slice().buffer : file.bytes;
  const sha256 = await sha256Hex(bytes);
  return db.transaction('rw', [db.evidence, db.claims], async () => {
    const existing = await db.evidence.where('[claimId+sha256]').equals([claimId, sha256]).first();
    if (existing) return existing;
    const row: EvidenceRow = {
      id: crypto.randomUUID(),
      claimId,
      sha256,
      fileName: file.name,
      mimeType: file.type || 'application/octet-stream',
      size: bytes.byteLength,
      addedAt: nowKst(),
      ...(note ? { note } : {}),
      blob: new Blob([bytes], { type: file.type || 'application/octet-stream' }),
    };
    await db.evidence.add(row);
    await db.claims.update(claimId, { updatedAt: row.addedAt });
    return row;
  });
}

export async function listEvidence(db: OutageDeskDB, claimId: string): Promise<EvidenceRow[]> {
  return db.evidence.where('claimId').equals(claimId).sortBy('addedAt');
}

export async function deleteEvidence(db: OutageDeskDB, id: string): Promise<void> {
  await db.evidence.delete(id);
}
