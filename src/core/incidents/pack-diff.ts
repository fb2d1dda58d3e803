/**
 * What moving a claim from one version of a pack to another would change: the outage intervals of each
 * service and the compensation rules. Shown before the user moves a claim; nothing is moved here.
 */
import { readJoined, type BilingualText } from '../model/common';
import type { IncidentPack } from '../model/incident-pack';
import { describeRule } from './listing';

export interface IntervalChange {
  service: BilingualText;
  /**
   * `start~end (region)` in each language (a pack writes a region as "한국어 / English": each side gets
   * its half), empty when the service is new or gone.
   */
  before: BilingualText[];
  after: BilingualText[];
}

export interface RuleChange {
  change: 'added' | 'removed' | 'changed';
  name: BilingualText;
  before?: BilingualText;
  after?: BilingualText;
}

export interface PackChanges {
  fromVersion: number;
  toVersion: number;
  intervals: IntervalChange[];
  rules: RuleChange[];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const span = (w: { start: string; end: string | null; region?: string }): BilingualText => {
  const times = `${w.start.slice(0, 16).replace('T', ' ')}~${w.end ? w.end.slice(0, 16).replace('T', ' ') : '…'}`;
  if (!w.region) return { ko: times, en: times };
  const region = readJoined(w.region);
  return { ko: `${times} (${region.ko})`, en: `${times} (${region.en || region.ko})` };
};

export function packChanges(from: IncidentPack, to: IncidentPack): PackChanges {
  const intervals: IntervalChange[] = [];
  const ids = [...new Set([...from.services.map((s) => s.id), ...to.services.map((s) => s.id)])];
  for (const id of ids) {
    const a = from.services.find((s) => s.id === id);
    const b = to.services.find((s) => s.id === id);
    const before = a ? a.intervals.map(span) : [];
    const after = b ? b.intervals.map(span) : [];
    if (!sameJson(before, after)) intervals.push({ service: (b ?? a)!.name, before, after });
  }
  const rules: RuleChange[] = [];
  for (const r of from.rules) {
    const next = to.rules.find((x) => x.id === r.id);
    if (!next) rules.push({ change: 'removed', name: r.name, before: describeRule(r) });
    else if (!sameJson({ ...r, sources: undefined, note: undefined }, { ...next, sources: undefined, note: undefined })) {
      rules.push({ change: 'changed', name: next.name, before: describeRule(r), after: describeRule(next) });
    }
  }
  for (const r of to.rules) if (!from.rules.some((x) => x.id === r.id)) rules.push({ change: 'added', name: r.name, after: describeRule(r) });
  return { fromVersion: from.version, toVersion: to.version, intervals, rules };
}
