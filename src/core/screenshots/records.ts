import type { ActivityRecord } from '../model/record';
import type { ScreenReading, ScreenRow } from './types';

/** A record the review table proposes: what would be saved, and how sure the reading was. */
export type ProposedRecord = {
  /** `YYYY-MM-DD` */
  date: string;
  /** 0-23 for a trip list's hour; null for a day's summary row. */
  hour: number | null;
  count: number;
  fare: number;
  /** 0-100: the lowest confidence of the values that went into it. */
  confidence: number;
  /** A value in it was flagged for the user to check. */
  flagged: boolean;
  /** The screenshot it came from (SHA-256, lowercase hex). */
  screenshotSha256: string;
  /** Indexes into that screenshot's rows. */
  rows: number[];
};

export type ReadScreenshot = { name: string; sha256: string; reading: ScreenReading };

function rowFlagged(r: ScreenRow): boolean {
  return r.amount.flagged || r.count.flagged || r.date.flagged || (r.time?.flagged ?? false);
}

function rowConfidence(r: ScreenRow): number {
  return Math.min(r.amount.confidence, r.count.confidence, r.date.confidence, r.time?.confidence ?? 100);
}

/**
 * Turns read screenshots into proposed records: a trip list into one record per KST hour (count of trips,
 * fares summed), a month's list or a card-sales table into one record per day. Where a day has a trip list,
 * a daily summary of the same day is left out (the trips are the finer record); the note says so.
 */
export function proposeRecords(screens: readonly ReadScreenshot[]): { records: ProposedRecord[]; notes: { ko: string; en: string }[] } {
  const hourly = new Map<string, ProposedRecord>();
  const daily = new Map<string, ProposedRecord>();
  const notes: { ko: string; en: string }[] = [];
  for (const screen of screens) {
    screen.reading.rows.forEach((row, index) => {
      const hour = screen.reading.layout === 'trip-list' && row.time?.value ? Number(row.time.value.slice(0, 2)) : null;
      const key = hour === null ? row.date.value : `${row.date.value}T${hour}`;
      const target = hour === null ? daily : hourly;
      const existing = target.get(key);
      if (existing && existing.screenshotSha256 !== screen.sha256 && hour === null) {
        notes.push({ ko: `${row.date.value}: 같은 날의 요약이 두 화면에 있어 먼저 읽은 것을 썼어요`, en: `${row.date.value}: two screens summarise the same day; the first one read is used` });
        return;
      }
      const flagged = rowFlagged(row);
      const confidence = rowConfidence(row);
      if (existing && existing.screenshotSha256 === screen.sha256) {
        existing.count += row.count.value;
        existing.fare += row.amount.value;
        existing.confidence = Math.min(existing.confidence, confidence);
        existing.flagged ||= flagged;
        existing.rows.push(index);
        return;
      }
      target.set(key, { date: row.date.value, hour, count: row.count.value, fare: row.amount.value, confidence, flagged, screenshotSha256: screen.sha256, rows: [index] });
    });
  }
  const tripDays = new Set([...hourly.values()].map((r) => r.date));
  for (const [date, r] of daily) {
    if (!tripDays.has(date)) continue;
    daily.delete(date);
    notes.push({ ko: `${date}: 운행 목록이 있어 그날의 요약 행은 뺐어요`, en: `${date}: the day has a trip list, so its summary row was left out` });
    void r;
  }
  const records = [...hourly.values(), ...daily.values()].sort((a, b) => a.date.localeCompare(b.date) || (a.hour ?? -1) - (b.hour ?? -1));
  return { records, notes };
}

/**
 * The activity record a confirmed proposal is saved as: provenance `reconstructed`, with the screenshot's hash
 * (its key in the evidence vault and the packet) and the OCR confidence; the note stays in plain words.
 */
export function toActivityRecord(p: ProposedRecord, channel: string): ActivityRecord {
  const bucket = p.hour === null ? p.date : `${p.date}T${String(p.hour).padStart(2, '0')}:00+09:00`;
  return {
    bucket,
    channel,
    count: p.count,
    revenue: p.fare,
    provenance: {
      kind: 'reconstructed',
      note: '운행·매출 화면 캡처에서 읽음',
      screenshotSha256: p.screenshotSha256,
      ocrConfidence: Math.round(p.confidence),
    },
  };
}
