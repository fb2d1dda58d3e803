/**
 * When an evidence file was made, relative to the outage: a file's own date (its last-modified time) set
 * against the claim window (loss model section 2). Before or during the outage it was kept at the time;
 * made after the window it is a later copy or reconstruction, and says so by default.
 */
import { formatKstInstant } from './kst';

export type FileTiming = 'before' | 'during' | 'after';

export interface WindowSpan {
  startMs: number;
  endMs: number;
}

/** Where `fileMs` falls against `[start, end)` of the claim window. */
export function fileTiming(fileMs: number, window: WindowSpan): FileTiming {
  if (fileMs < window.startMs) return 'before';
  return fileMs < window.endMs ? 'during' : 'after';
}

/** The provenance an upload starts with: kept at the time unless the file was made after the outage. */
export function provenanceForTiming(timing: FileTiming | null): 'at-the-time' | 'reconstructed' {
  return timing === 'after' ? 'reconstructed' : 'at-the-time';
}

/** The file date as a KST instant (`2022-10-15T16:20+09:00`), or null when the system gave none. */
export function fileDateOf(lastModified: number | undefined): string | null {
  return lastModified === undefined || !Number.isFinite(lastModified) || lastModified <= 0 ? null : formatKstInstant(lastModified);
}
