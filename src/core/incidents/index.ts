import type { Incident } from '../model/incident';
import { BUNDLED_PACKS } from './bundled';
import { packToIncident } from './pack';

export { kakao2022October, KAKAO_2022_10_ID } from './kakao-2022-10';
export { BUNDLED_PACKS, findBundledPack } from './bundled';
export * from './pack';

/**
 * Incident presets by id: one per bundled pack whose intervals are all closed (an open one needs the
 * current time: use packToIncident with `now`). A user's own incident lives in their claim.
 */
export const incidentPresets: Readonly<Record<string, Incident>> = Object.fromEntries(
  BUNDLED_PACKS.filter((p) => p.services.every((s) => s.intervals.every((w) => w.end !== null))).map((p) => [p.id, packToIncident(p)]),
);

/** A fresh copy of a preset, safe to edit. */
export function incidentFromPreset(id: string): Incident | undefined {
  const preset = incidentPresets[id];
  return preset ? structuredClone(preset) : undefined;
}
export * from './claimant-defaults';
export * from './listing';
export * from './pack-diff';
export * from './authoring';
