import { isoKst } from '../packet/format';
import { aggregate, type BatchAggregates } from './aggregate';
import { applyDecisions, automaticDecisions, type AppliedDecisions, type DuplicateDecision, type DuplicatePair } from './dedupe';
import type { BatchMember, InvalidItem } from './types';

/**
 * The cheap half of a batch: pairs already found, decisions applied, tables counted. Kept apart from
 * `analyseBatch` (which also finds the pairs and pulls in the item readers) so the app can re-apply a
 * person's decision on the page's thread at once, without finding the pairs again.
 */

export type BatchResult = {
  members: BatchMember[];
  invalid: InvalidItem[];
  pairs: DuplicatePair[];
  decisions: DuplicateDecision[];
  applied: AppliedDecisions;
  aggregates: BatchAggregates;
};

export type AnalyseOptions = {
  /** The batch's clock (KST is written out); automatic decisions carry this time. */
  now: Date;
  /** Apply the exact rules' automatic decisions (the CLI does). */
  automatic: boolean;
  /** The user's own decisions, applied after the automatic ones. */
  decisions?: readonly DuplicateDecision[];
};

export function resolveBatch(members: readonly BatchMember[], invalid: readonly InvalidItem[], pairs: readonly DuplicatePair[], options: AnalyseOptions): BatchResult {
  const decisions = [...(options.automatic ? automaticDecisions(members, pairs, isoKst(options.now)) : []), ...(options.decisions ?? [])];
  const applied = applyDecisions(members, pairs, decisions);
  return { members: [...members], invalid: [...invalid], pairs: [...pairs], decisions, applied, aggregates: aggregate(applied.kept) };
}

/** The headline counts every output states (summary PDF, manifest, the app's status line). */
export type BatchCounts = { items: number; members: number; kept: number; invalid: number; duplicatesRemoved: number; suspectedPairs: number; exactPairs: number };

export function batchCounts(result: BatchResult): BatchCounts {
  return batchCountsOf({ members: result.members.length, kept: result.applied.kept.length, invalid: result.invalid.length, pairs: result.pairs, decisions: result.decisions });
}

/** The same counts from the numbers alone (a streaming batch has no member list in memory). */
export function batchCountsOf(result: { members: number; kept: number; invalid: number; pairs: readonly DuplicatePair[]; decisions: readonly DuplicateDecision[] }): BatchCounts {
  const decided = new Set(result.decisions.flatMap((d) => [`${d.a}|${d.b}`, `${d.b}|${d.a}`]));
  return {
    items: result.members + result.invalid,
    members: result.members,
    kept: result.kept,
    invalid: result.invalid,
    duplicatesRemoved: result.members - result.kept,
    // Suspected: a fuzzy-only pair nobody has decided yet (a person's decision settles it).
    suspectedPairs: result.pairs.filter((p) => !p.exact && !decided.has(`${p.a}|${p.b}`)).length,
    exactPairs: result.pairs.filter((p) => p.exact).length,
  };
}
