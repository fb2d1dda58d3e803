/**
 * Which compensation rules need hourly records (loss model section 1: daily records are never spread over
 * hours). Setup names them before the record unit is chosen, and the export page names them in words.
 */
import type { Claim } from '../../model/claim';
import type { CompensationRule, IncidentPack } from '../../model/incident-pack';
import { DAY_MS, KST_OFFSET_MS, parseInstant } from '../../time/kst';
import { packForClaim } from './index';

const isMidnight = (instant: string) => (parseInstant(instant) + KST_OFFSET_MS) % DAY_MS === 0;

/** True when the rule reads hours of the day, so daily totals cannot give its figure. */
export function needsHourlyRecords(rule: CompensationRule): boolean {
  switch (rule.kind) {
    case 'window-vs-earlier':
    case 'same-slot-multiple':
      return true;
    case 'commission-refund':
      // A period of whole days can be read from daily totals; part of a day cannot.
      return !(isMidnight(rule.params.periodStart) && isMidnight(rule.params.periodEnd));
    default:
      return false;
  }
}

export interface HourlyRule {
  id: string;
  name: { ko: string; en: string };
}

/**
 * The rules of the claim's incident pack, for the claimant's kind, that need hourly records. Works on a
 * draft (setup has the incident and the claimant's kind before it has a whole claim).
 */
export function rulesNeedingHourly(draft: { incident?: Pick<Claim['incident'], 'id' | 'presetId'>; claimantKind?: string }, pack?: IncidentPack): HourlyRule[] {
  if (!draft.incident || !draft.claimantKind) return [];
  const p = packForClaim({ incident: draft.incident as Claim['incident'] }, pack);
  if (!p) return [];
  return p.rules
    .filter((r) => (r.claimantKinds as readonly string[]).includes(draft.claimantKind!) && needsHourlyRecords(r))
    .map((r) => ({ id: r.id, name: { ko: r.name.ko, en: r.name.en || r.name.ko } }));
}
