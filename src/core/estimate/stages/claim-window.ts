/**
 * Stage "2. The claim window" of the loss model: the union of the services' windows, its buckets, and
 * the after-effect's tail buckets (section 5), which the reference-date search must also keep clear of.
 */
import type { Claim } from '../../model/claim';
import { bt, readJoined } from '../../model/common';
import { dateOfEpochDay, epochDayOfEpochHour, hourOfEpochHour, type Granularity, type KstBucket } from '../../time/kst';
import type { Assumption, EstimateWarning } from '../types';
import { resolveClaimWindow, windowBucketKeys, type ClaimWindow } from '../window';

export interface ClaimBuckets {
  window: ClaimWindow;
  granularity: Granularity;
  hourly: boolean;
  /** The window's buckets (epoch hours, or epoch days for a daily claim), sorted. */
  keys: number[];
  /** The after-effect's tail buckets, right after the last window bucket (section 5); empty without one. */
  tailKeys: number[];
  /** Epoch days of the window, and of the tail outside the window. */
  windowDays: number[];
  tailDays: number[];
  dayOfKey: (key: number) => number;
  bucketName: (key: number) => KstBucket;
}

export interface ClaimWindowStage {
  buckets: ClaimBuckets;
  warnings: EstimateWarning[];
  /** One per service used: its window, and the public one beside it when the user edited it. */
  assumptions: Assumption[];
}

/** Sorted distinct epoch days of some bucket keys. */
export const uniqueDays = (keys: readonly number[], dayOfKey: (key: number) => number): number[] =>
  [...new Set(keys.map(dayOfKey))].sort((a, b) => a - b);

export function claimWindowStage(claim: Pick<Claim, 'incident' | 'claimant' | 'granularity' | 'indirectItems'>): ClaimWindowStage {
  const granularity = claim.granularity;
  const hourly = granularity === 'hourly';
  const window = resolveClaimWindow(claim);
  const warnings: EstimateWarning[] = [];
  if (window.allServicesAssumed) {
    warnings.push({ code: 'services-unspecified', message: bt('의존하는 서비스를 고르지 않아 장애 서비스 전체의 기간을 썼어요', 'no services chosen: the union of every service window is used') });
  }
  const keys = windowBucketKeys(window, granularity);
  const dayOfKey = hourly ? epochDayOfEpochHour : (k: number) => k;
  const bucketName = (k: number): KstBucket => (hourly ? hourOfEpochHour(k) : dateOfEpochDay(k));
  const tailKeys = afterEffectTail(claim, keys, hourly);
  const windowDays = uniqueDays(keys, dayOfKey);
  const tailDays = uniqueDays(tailKeys, dayOfKey).filter((d) => !windowDays.includes(d));
  return {
    buckets: { window, granularity, hourly, keys, tailKeys, windowDays, tailDays, dayOfKey, bucketName },
    warnings,
    assumptions: serviceWindowAssumptions(window),
  };
}

/** Section 5: the after-effect's tail follows the last window bucket, in whole days for a daily claim. */
function afterEffectTail(claim: Pick<Claim, 'indirectItems'>, keys: readonly number[], hourly: boolean): number[] {
  const afterEffect = claim.indirectItems.find((x) => x.kind === 'after-effect');
  const tailKeys: number[] = [];
  if (afterEffect && keys.length > 0) {
    const last = keys[keys.length - 1]!;
    const n = hourly ? afterEffect.tailHours : Math.ceil(afterEffect.tailHours / 24);
    for (let i = 1; i <= n; i++) tailKeys.push(last + i);
  }
  return tailKeys;
}

/**
 * A window the user edited: the public one beside it, and the user's note in each language's half when it was
 * written as "한국어 / English" (the bundled driver example's is), whole in the Korean half otherwise.
 */
function editedWindowSource(preset: { start: string; end: string }, note: string) {
  const said = readJoined(note);
  const span = `${wallTime(preset.start)} – ${wallTime(preset.end)}`;
  return bt(`직접 고친 기간 (공개 기간 ${span}) ${said.ko}`, `edited by you (public window ${span})${said.en ? ` ${said.en}` : ''}`);
}

function serviceWindowAssumptions(window: ClaimWindow): Assumption[] {
  return window.services.filter((x) => x.used).map((s) => ({
    id: `window:${s.id}`,
    label: { ko: `${s.name.ko} 장애 기간`, en: `${s.name.en || s.name.ko} outage window` },
    value: `${s.window.start} – ${s.window.end}`,
    source: s.userWindow ? editedWindowSource(s.presetWindow, s.userWindow.note) : readJoined(s.source),
    confirmed: s.userWindow ? true : null,
    ...(s.userWindow ? {} : { basis: 'public' as const }),
  }));
}

/** `2022-10-15 15:30` from `2022-10-15T15:30+09:00`: a KST instant as people read it in a source line. */
function wallTime(instant: string): string {
  return instant.replace(/(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?\+09:00/, '$1 $2');
}
