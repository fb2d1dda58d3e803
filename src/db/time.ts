import { KST_OFFSET_MS } from '../core/time/kst';

/** Now as ISO 8601 in KST (`2022-10-15T20:00:00.000+09:00`), whatever the machine's time zone. */
export function nowKst(now: Date = new Date()): string {
  return new Date(now.getTime() + KST_OFFSET_MS).toISOString().replace('Z', '+09:00');
}
