/**
 * Reading and writing records for the entry screens (the queries and the one command they call). Reads go through the compound indexes (one
 * channel, one date range), never the whole table; every write of several records is one transaction
 * through putRecords, so a failed save stores nothing.
 */
import type { ActivityRecord } from '../core/model/record';
import { recordOfRow } from './claim-store';
import type { OutageDeskDB } from './database';
import { putRecords } from './records';
import type { RecordRow } from './schema';
import { nowKst } from './time';

/** A span of KST dates, both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

/** One channel's records whose buckets fall on the dates of `range` (hourly and daily alike). */
export async function channelRecordsInRange(db: OutageDeskDB, claimId: string, channel: string, range: DateRange): Promise<Map<string, ActivityRecord>> {
  const rows = await db.records
    .where('[claimId+channel+bucket]')
    // Both bucket forms start with the date, so `to` + U+FFFF takes every hour of the last day.
    .between([claimId, channel, range.from], [claimId, channel, `${range.to}\uffff`], true, true)
    .toArray();
  return new Map(rows.map((row) => [row.bucket, recordOfRow(row)]));
}

/** The existing rows of one channel over the dates an import covers (for the overlap check). */
export async function channelRowsBetween(db: OutageDeskDB, claimId: string, channel: string, fromDate: string, toDate: string): Promise<RecordRow[]> {
  return db.records.where('[claimId+channel+bucket]').between([claimId, channel, fromDate], [claimId, channel, `${toDate}\uffff`], true, true).toArray();
}

export interface RecordWrite {
  puts: ActivityRecord[];
  /** Buckets of `channel` whose record goes away. */
  deletes: { channel: string; bucket: string }[];
}

/** Stores and removes records together: all of it or none of it. */
export async function saveEnteredRecords(db: OutageDeskDB, claimId: string, write: RecordWrite): Promise<void> {
  await db.transaction('rw', [db.records, db.claims], async () => {
    if (write.deletes.length > 0) {
      await db.records
        .where('[claimId+channel+bucket]')
        .anyOf(write.deletes.map((d) => [claimId, d.channel, d.bucket]))
        .delete();
    }
    if (write.puts.length > 0) await putRecords(db, claimId, write.puts);
    else await db.claims.update(claimId, { updatedAt: nowKst() });
  });
}
