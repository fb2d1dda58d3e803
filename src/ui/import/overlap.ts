/**
 * Bringing the wizard's records next to the stored ones: the overlap count (core/io's helper) and the
 * one transaction that removes what the user replaces and stores the rest with importRecords.
 */
import { checkReimport, findOverlaps, resolveOverlaps } from '../../core/io';
import type { OverlapDecision, ReimportCheck } from '../../core/io';
import type { ActivityRecord } from '../../core/model/record';
import { importRecords, recordOfRow } from '../../db';
import type { OutageDeskDB, WriteProgress } from '../../db';
import { channelRowsBetween } from '../records/store';

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
export async function storeImport(
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
