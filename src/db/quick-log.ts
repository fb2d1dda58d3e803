/**
 * The driver's quick log: one tap per call, at the moment it happens. The quick-log screens call these
 * commands (logTap, undoLastTap, importQuickLog), each one transaction; they never touch the tables.
 *
 * A taken (completed) call is what the loss model counts: it adds 1 to the count of its channel and
 * hour, and its fare to the revenue, as a `logged` record with the time of the tap. A missed call is
 * not a sale, so it never becomes an ActivityRecord (a `<app>-missed` channel would be summed as sales
 * by the estimate, and a claim's records may only use its own sales channels). Missed calls are kept
 * in the tap journal instead, listed with the day's entries and saved as an evidence file on request:
 * they show demand the outage turned away, beside the shortfall the estimate computes.
 */
import { recordOfRow } from './claim-store';
import type { OutageDeskDB } from './database';
import { putRecords } from './records';
import { nowKst } from './time';
import type { ActivityRecord } from '../core/model/record';
import { quoteCell } from '../core/packet/csv';
import { formatKstInstant, hourContaining, hourOfEpochHour, kstDateOfMs, type Granularity } from '../core/time';
import { checkChain, quickLogFile, readQuickLogFile, sealEntry, type ChainCheck, type ChainEntry } from '../core/quicklog';

export type TapKind = 'taken' | 'missed';

/** What a back-dated call's record says about itself (shown in the packet's records). */
const BACKDATED_NOTE = '빠른 기록에 나중에 시각을 정해 넣은 콜';

export interface QuickTap {
  id: string;
  /** When the button was pressed, KST with its offset. */
  at: string;
  channel: string;
  kind: TapKind;
  /** Whole won, when typed with a taken call. */
  fare?: number;
  /** The record bucket a taken call went into. */
  bucket: string;
  /** The channel's record of that bucket before and after a taken call, so the tap can be undone. */
  before?: ActivityRecord | null;
  after?: ActivityRecord;
  /** The tap sealed into the log's hash chain (issue 19): its time and the previous entry's hash. */
  chain?: ChainEntry;
}

/** The chained entries of a journal, in order (taps from before the chain existed carry none). */
export function chainOf(journal: readonly QuickTap[]): ChainEntry[] {
  return journal.flatMap((t) => (t.chain ? [t.chain] : []));
}

const journalKey = (claimId: string) => `quickLog:${claimId}`;

export async function readJournal(db: OutageDeskDB, claimId: string): Promise<QuickTap[]> {
  const row = await db.settings.get(journalKey(claimId));
  return Array.isArray(row?.value) ? (row.value as QuickTap[]) : [];
}

export function bucketOfTap(ms: number, granularity: Granularity): string {
  return granularity === 'hourly' ? hourOfEpochHour(hourContaining(ms)) : kstDateOfMs(ms);
}

/** Adds one call to the journal and, for a taken call, to its record: both in one transaction. */
export async function logTap(
  db: OutageDeskDB,
  claimId: string,
  /** `backdated`: the user chose an earlier time explicitly (a call entered later): sealed and stored as reconstructed. */
  tap: { channel: string; kind: TapKind; fare?: number; nowMs: number; granularity: Granularity; backdated?: boolean },
): Promise<QuickTap> {
  const at = formatKstInstant(tap.nowMs);
  const bucket = bucketOfTap(tap.nowMs, tap.granularity);
  return db.transaction('rw', [db.records, db.claims, db.settings], async () => {
    const journal = await readJournal(db, claimId);
    const chained = chainOf(journal);
    const chain = sealEntry(claimId, chained[chained.length - 1], { at, channel: tap.channel, kind: tap.kind, ...(tap.fare !== undefined ? { fare: tap.fare } : {}), ...(tap.backdated ? { backdated: true as const } : {}) });
    const entry: QuickTap = { id: crypto.randomUUID(), at, channel: tap.channel, kind: tap.kind, bucket, ...(tap.fare !== undefined ? { fare: tap.fare } : {}), chain };
    if (tap.kind === 'taken') {
      const row = await db.records.where('[claimId+channel+bucket]').equals([claimId, tap.channel, bucket]).first();
      const before = row ? recordOfRow(row) : null;
      const prevCount = before?.count ?? 0;
      // Known sales stay known only while every call in the hour has its fare.
      const prevRevenue = before?.revenue ?? (prevCount === 0 ? 0 : null);
      const revenue = tap.fare === undefined || prevRevenue === null ? null : prevRevenue + tap.fare;
      const after: ActivityRecord = {
        bucket: bucket as ActivityRecord['bucket'],
        channel: tap.channel,
        count: prevCount + 1,
        ...(revenue !== null ? { revenue } : {}),
        provenance: tap.backdated ? { kind: 'reconstructed', note: BACKDATED_NOTE } : { kind: 'logged', loggedAt: at },
      };
      await putRecords(db, claimId, [after]);
      entry.before = before;
      entry.after = after;
    }
    await db.settings.put({ key: journalKey(claimId), value: [...journal, entry] });
    return entry;
  });
}

function sameRecord(a: ActivityRecord | undefined, b: ActivityRecord | undefined): boolean {
  if (!a || !b) return false;
  return a.count === b.count && (a.revenue ?? null) === (b.revenue ?? null) && JSON.stringify(a.provenance) === JSON.stringify(b.provenance);
}

/**
 * Takes back the last tap. Its record returns to what it was before, unless it was edited since; then
 * only this call (and its fare) comes off.
 */
export async function undoLastTap(db: OutageDeskDB, claimId: string): Promise<QuickTap | null> {
  return db.transaction('rw', [db.records, db.claims, db.settings], async () => {
    const journal = await readJournal(db, claimId);
    const last = journal[journal.length - 1];
    if (!last) return null;
    if (last.kind === 'taken') {
      const row = await db.records.where('[claimId+channel+bucket]').equals([claimId, last.channel, last.bucket]).first();
      const current = row ? recordOfRow(row) : undefined;
      if (current && sameRecord(current, last.after)) {
        if (last.before) await putRecords(db, claimId, [last.before]);
        else {
          await db.records.delete(row!.id!);
          // Deleting a row does not pass through putRecords: mark the claim changed here, so whatever reads
          // it again on a change (the per-channel totals) sees the undo at once.
          await db.claims.update(claimId, { updatedAt: nowKst() });
        }
      } else if (current && current.count > 0) {
        const revenue = typeof current.revenue === 'number' && last.fare !== undefined ? Math.max(0, current.revenue - last.fare) : current.revenue;
        await putRecords(db, claimId, [{ ...current, count: current.count - 1, ...(revenue !== undefined ? { revenue } : {}) }]);
      }
    }
    await db.settings.put({ key: journalKey(claimId), value: journal.slice(0, -1) });
    return last;
  });
}

/** The journal as a CSV for Korean Excel (UTF-8 with a BOM), to keep as evidence. */
export function journalCsv(taps: readonly QuickTap[], header: readonly string[], kindLabel: (kind: TapKind) => string, channelLabel: (id: string) => string): Uint8Array {
  // quoteCell also neutralises formula starts: a channel the user named "=..." must not run in Excel.
  const lines = [header.map(quoteCell).join(',')];
  for (const tap of taps) {
    lines.push([tap.at, channelLabel(tap.channel), tap.channel, kindLabel(tap.kind), tap.fare !== undefined ? String(tap.fare) : ''].map(quoteCell).join(','));
  }
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** The claim's log as one file for the desktop, carrying the chain's head. */
export async function exportQuickLog(db: OutageDeskDB, claimId: string, nowMs: number): Promise<{ text: string; check: ChainCheck }> {
  const entries = chainOf(await readJournal(db, claimId));
  return { text: `${JSON.stringify(quickLogFile(claimId, entries, formatKstInstant(nowMs)), null, 1)}\n`, check: checkChain(claimId, entries) };
}

/** The journal's chain, checked: "n entries, chain intact" or where it breaks. */
export async function checkQuickLog(db: OutageDeskDB, claimId: string): Promise<ChainCheck> {
  return checkChain(claimId, chainOf(await readJournal(db, claimId)));
}

/**
 * Merges a log file from the phone into this claim: entries already held are skipped, new taken calls are
 * added to their hour's record (as logged, or reconstructed when back-dated). One transaction: a refused
 * file (another claim's, truncated, edited) changes nothing.
 */
export async function importQuickLog(db: OutageDeskDB, claimId: string, text: string, fileName: string, granularity: Granularity): Promise<{ added: number; skipped: number; check: ChainCheck }> {
  return db.transaction('rw', [db.records, db.claims, db.settings], async () => {
    const journal = await readJournal(db, claimId);
    const { fresh, skipped, check } = readQuickLogFile(text, fileName, claimId, chainOf(journal));
    const taps: QuickTap[] = [];
    for (const e of fresh) {
      const bucket = bucketOfTap(Date.parse(e.at), granularity);
      const tap: QuickTap = { id: crypto.randomUUID(), at: e.at, channel: e.channel, kind: e.kind, bucket, ...(e.fare !== undefined ? { fare: e.fare } : {}), chain: e };
      if (e.kind === 'taken') {
        const row = await db.records.where('[claimId+channel+bucket]').equals([claimId, e.channel, bucket]).first();
        const before = row ? recordOfRow(row) : null;
        const prevCount = before?.count ?? 0;
        const prevRevenue = before?.revenue ?? (prevCount === 0 ? 0 : null);
        const revenue = e.fare === undefined || prevRevenue === null ? null : prevRevenue + e.fare;
        const after: ActivityRecord = {
          bucket: bucket as ActivityRecord['bucket'],
          channel: e.channel,
          count: prevCount + 1,
          ...(revenue !== null ? { revenue } : {}),
          provenance: e.backdated ? { kind: 'reconstructed', note: BACKDATED_NOTE } : { kind: 'logged', loggedAt: e.at },
        };
        await putRecords(db, claimId, [after]);
        tap.before = before;
        tap.after = after;
      }
      taps.push(tap);
    }
    await db.settings.put({ key: journalKey(claimId), value: [...journal, ...taps] });
    return { added: fresh.length, skipped, check };
  });
}
