/**
 * The assumptions of an estimate, collected from what each stage returns (never pushed from the
 * composition). A packet lists them in one fixed order: the margin, the method, then the figures in the
 * order of the loss model, the service windows and the suggested reference dates last.
 */
import type { Estimator } from '../../model/claim';
import { bt } from '../../model/common';
import type { Assumption } from '../types';

/** Ids (or id prefixes ending in `:`) in the order a packet lists them. */
export const ASSUMPTION_ORDER = [
  'margin-v', 'margin-c', 'estimator', 'k', 'alpha',
  'average-ticket', 'average-fare:', 'trend-factor', 'average-ticket-missing', 'assumed-band', 'minimum-wage',
  'window:', 'reference-dates',
] as const;

const rankOf = (id: string): number => {
  const i = ASSUMPTION_ORDER.findIndex((o) => (o.endsWith(':') ? id.startsWith(o) : id === o));
  return i === -1 ? ASSUMPTION_ORDER.length : i;
};

/** Every stage's assumptions in packet order; ties (e.g. several service windows) keep the stage's order. */
export function collectAssumptions(...lists: readonly (readonly Assumption[])[]): Assumption[] {
  return lists.flat().map((a, i) => ({ a, i, r: rankOf(a.id) })).sort((x, y) => x.r - y.r || x.i - y.i).map((x) => x.a);
}

/** The estimator chosen in the method settings (section 3.1). */
export function estimatorAssumption(estimator: Estimator): Assumption {
  return { id: 'estimator', label: { ko: '기준값 계산 방법', en: 'estimator' }, value: estimator, source: bt('계산 방법으로 고른 값', 'chosen as the method'), confirmed: null };
}
