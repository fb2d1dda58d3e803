import type { Claim } from '../model/claim';
import { effectiveWindow, type OutageWindow, type ServiceOutage } from '../model/incident';
import { enumerateDays, enumerateHours, formatKstInstant, parseInstant, type Granularity } from '../time/kst';

export interface ServiceWindowView {
  id: string;
  name: { ko: string; en: string };
  /** The preset (public) window and its source. */
  presetWindow: OutageWindow;
  /** The user's edit, shown beside the preset times in a packet. */
  userWindow: (OutageWindow & { note: string }) | null;
  /** The window the estimate used. */
  window: OutageWindow;
  source: string;
  used: boolean;
}

export interface ClaimWindow {
  /** Earliest start and latest end of the union. */
  start: string;
  end: string;
  /** Disjoint, sorted intervals of the union (section 2). */
  intervals: { start: string; end: string; startMs: number; endMs: number }[];
  services: ServiceWindowView[];
  /** True when the claimant named no services and every service of the incident was used. */
  allServicesAssumed: boolean;
}

/** Section 2: the claim window is the union of the windows of the services the claimant depends on. */
export function resolveClaimWindow(claim: Pick<Claim, 'incident' | 'claimant'>): ClaimWindow {
  const usedIds = new Set(claim.claimant.servicesUsed);
  const allServicesAssumed = usedIds.size === 0;
  const services = claim.incident.services.map((s: ServiceOutage): ServiceWindowView => ({
    id: s.id,
    name: { ko: s.name.ko, en: s.name.en ?? '' },
    presetWindow: s.window,
    userWindow: s.userWindow ? { start: s.userWindow.start, end: s.userWindow.end, note: s.userWindow.note ?? '' } : null,
    window: effectiveWindow(s),
    source: s.source ?? '',
    used: allServicesAssumed || usedIds.has(s.id),
  }));
  const raw = services
    .filter((s) => s.used)
    .map((s) => ({ startMs: parseInstant(s.window.start), endMs: parseInstant(s.window.end) }))
    .sort((a, b) => a.startMs - b.startMs);
  const merged: { startMs: number; endMs: number }[] = [];
  for (const w of raw) {
    const last = merged[merged.length - 1];
    if (last && w.startMs <= last.endMs) last.endMs = Math.max(last.endMs, w.endMs);
    else merged.push({ ...w });
  }
  const intervals = merged.map((w) => ({ ...w, start: formatKstInstant(w.startMs), end: formatKstInstant(w.endMs) }));
  return {
    start: intervals[0]?.start ?? '',
    end: intervals[intervals.length - 1]?.end ?? '',
    intervals,
    services,
    allServicesAssumed,
  };
}

/**
 * The window's buckets, counted whole on both sides (section 2): epoch hours for hourly claims, epoch
 * days for daily claims, sorted and without duplicates across intervals.
 */
export function windowBucketKeys(window: ClaimWindow, granularity: Granularity): number[] {
  const keys = new Set<number>();
  for (const w of window.intervals) {
    const list = granularity === 'hourly' ? enumerateHours(w.startMs, w.endMs) : enumerateDays(w.startMs, w.endMs);
    for (const k of list) keys.add(k);
  }
  return [...keys].sort((a, b) => a - b);
}
