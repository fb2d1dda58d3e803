import type { Incident } from '../model/incident';
import { kakao2022October } from './kakao-2022-10';

export { kakao2022October, KAKAO_2022_10_ID } from './kakao-2022-10';

/** Incident presets by id. A user's own incident lives in their claim (the schema covers it). */
export const incidentPresets: Readonly<Record<string, Incident>> = {
  [kakao2022October.id]: kakao2022October,
};

/** A fresh copy of a preset, safe to edit. */
export function incidentFromPreset(id: string): Incident | undefined {
  const preset = incidentPresets[id];
  return preset ? structuredClone(preset) : undefined;
}
