/**
 * Imported files, as the import wizard and the records screen use them: the files already imported, the
 * overlap of a new file with the stored records (core/io's helper), and the commands that store an import
 * (replaced records out, the rest in, the file marked: one transaction) or take one back out.
 */
import { checkReimport, findOverlaps, resolveOverlaps } from '../core/io';
import type { OverlapDecision, ReimportCheck } from '../core/io';
import type { ActivityRecord } from '../core/model/record';
import { recordOfRow } from './claim-store';
import type { OutageDeskDB } from './database';
import { channelRowsBetween } from './record-entry';
import { importRecords, type WriteProgress } from './records';
import type { ImportRow } from './schema';
import { nowKst } from './time';

export interface OverlapCheck {
  /** Buckets (an hour, or a day against its hours) both sides cover. */
  overlaps: number;
  existingRecords: number;
  incomingRecords: number;
  existing: ActivityRecord[];
  /** Row id of each existing record, to remove the replaced ones. */
  idOf: Map<ActivityRecord, number>;
}

/** Refuses a file already imported into this claim, before anything else is done with it. */
export async function checkAlreadyImported(db: OutageDeskDB, claimId: string, sha256: string): Promise<ReimportCheck> {
  const previous = await db.imports.where('claimId').equals(claimId).toArray();
  return checkReimport(
    sha256,
    previous.map((p) => ({ fileSha256: p.sha256, fileName: p.fileName, importedAt: p.importedAt.slice(0, 16).replace('T', ' ') })),
  );
}

/** Reads only the stored records of the import's channels and dates (index ranges), then compares. */
export async function checkOverlaps(db: OutageDeskDB, claimId: string, incoming: readonly ActivityRecord[]): Promise<OverlapCheck> {
  const spans = new Map<string, { from: string; to: string }>();
  for (const r of incoming) {
    const day = r.bucket.slice(0, 10);
    const span = spans.get(r.channel);
    if (!span) spans.set(r.channel, { from: day, to: day });
    else {
      if (day < span.from) span.from = day;
      if (day > span.to) span.to = day;
    }
  }
  const existing: ActivityRecord[] = [];
  const idOf = new Map<ActivityRecord, number>();
  for (const [channel, span] of spans) {
    for (const row of await channelRowsBetween(db, claimId, channel, span.from, span.to)) {
      const record = recordOfRow(row);
      existing.push(record);
      idOf.set(record, row.id!);
    }
  }
  const overlaps = findOverlaps(existing, incoming);
  return {
    overlaps: overlaps.length,
    existingRecords: overlaps.reduce((n, o) => n + o.existing.length, 0),
    incomingRecords: overlaps.reduce((n, o) => n + o.incoming.length, 0),
    existing,
    idOf,
  };
}

/** Stores the import: replaced records out, new ones in, the file marked imported; all or nothing. */
export async function saveImportedRecords(
  db: OutageDeskDB,
  claimId: string,
  file: { sha256: string; fileName: string },
  incoming: readonly ActivityRecord[],
  check: OverlapCheck,
  decision: OverlapDecision,
  onProgress?: WriteProgress,
): Promise<{ stored: number; replaced: number; kept: number }> {
  const resolution = resolveOverlaps(check.existing, incoming, decision);
  const removedIds = resolution.removed.map((r) => check.idOf.get(r)).filter((id): id is number => id !== undefined);
  const stored = await db.transaction('rw', [db.records, db.claims, db.imports], async () => {
    if (removedIds.length > 0) await db.records.bulkDelete(removedIds);
    return importRecords(db, claimId, file, resolution.added, onProgress ? { onProgress } : {});
  });
  return { stored, replaced: resolution.removed.length, kept: resolution.skipped.length };
}

/** The files imported into a claim, newest first. */
export async function listImportedFiles(db: OutageDeskDB, claimId: string): Promise<ImportRow[]> {
  return db.imports.where('claimId').equals(claimId).reverse().sortBy('importedAt');
}

/**
 * Removes an earlier import: its records (by the file's hash in their provenance) and its mark, so the
 * same file may be imported again. Records edited since then carry another provenance and stay.
 */
export async function removeImportedFile(db: OutageDeskDB, claimId: string, sha256: string): Promise<number> {
  return db.transaction('rw', [db.records, db.imports, db.claims], async () => {
    const ids = (await db.records.where('claimId').equals(claimId).toArray())
      .filter((r) => r.provenance.kind === 'imported' && r.provenance.fileSha256 === sha256)
      .map((r) => r.id!);
    await db.records.bulkDelete(ids);
    await db.imports.delete([claimId, sha256]);
    await db.claims.update(claimId, { updatedAt: nowKst() });
    return ids.length;
  });
}
