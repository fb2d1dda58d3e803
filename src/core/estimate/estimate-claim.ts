/**
 * The loss engine: ONE pure function from a claim to every figure the UI and the packet show
 * (shared/loss-model.md, "the contract"). It composes the stages in ./stages, one per heading of the
 * loss model; each stage is a small pure function that returns its figures, warnings and assumptions.
 */
import type { Claim } from '../model/claim';
import type { IncidentPack } from '../model/incident-pack';
import { sumWon, type Won } from '../model/money';
import { channelTicketStage, earningsWords } from './channel-fares';
import { RecordIndex } from './record-index';
import { collectAssumptions, estimatorAssumption } from './stages/assumptions';
import { chooseBaseline } from './stages/baseline';
import { claimWindowStage } from './stages/claim-window';
import { declaredBaseline } from './stages/declared-baseline';
import { directItemsStage } from './stages/direct-items';
import { channelFigures, spanFigures, type SpanContext } from './stages/expected-actual';
import { indirectItemsStage } from './stages/indirect-items';
import { lostProfitStage } from './stages/lost-profit';
import { rangeStage } from './stages/range';
import { referenceSlots } from './stages/reference-slots';
import { referenceWeekFigures, referenceWeeksStage } from './stages/reference-weeks';
import { revenueStage } from './stages/revenue';
import { ruleFiguresStage } from './stages/rules';
import { averageTicketStage } from './stages/ticket';
import { trendStage } from './stages/trend';
import type { ClaimEstimate } from './types';

export { ruleGap } from './stages/rules';
export { revenueComputability } from './stages/revenue';

export interface EstimateOptions {
  /** Overrides `parameters.alpha` (0.05 for a 95% range). */
  alpha?: number;
  /** Explicit reference dates per window date, overriding the claim's lists. */
  referenceDates?: Record<string, string[]>;
  /** The incident pack the claim's incident comes from, when it is not bundled (an imported pack file). */
  pack?: IncidentPack;
}

export function estimateClaim(claim: Claim, opts: EstimateOptions = {}): ClaimEstimate {
  const p = claim.parameters;
  // 1. Units: the records, indexed in one pass.
  const index = new RecordIndex(claim.records, claim.claimant.salesChannels.map((c) => c.id), claim.granularity);
  // 2. The claim window.
  const windowStage = claimWindowStage(claim);
  const { buckets } = windowStage;
  // 3.1 Reference weeks, and 3. which baseline.
  const refs = referenceWeeksStage(claim, opts.referenceDates, buckets, index);
  const K = refs.weeks.k;
  const words = earningsWords(claim.claimant.kind);
  const base = chooseBaseline(p, refs.weeks, claim.declaredBaseline !== undefined, words);
  const sameSlot = base.baseline === 'same-slot';
  const references = referenceSlots(buckets, refs.weeks.byDate);
  // 1. Units: the average ticket.
  // Per channel: a channel's declared average fare where its own reference records carry no revenue.
  const ticket = channelTicketStage(claim, buckets.keys, index, sameSlot ? references : null, averageTicketStage(buckets.keys, index, sameSlot ? references : null, p.averageTicket, words));
  // 3.1, 3.2 and 4: expected and actual, after the optional same-day trend factor.
  const span: SpanContext = {
    baseline: base.baseline, index, references, declared: declaredBaseline(claim.declaredBaseline),
    ticket: ticket.ticket, estimator: p.estimator, hourly: buckets.hourly, bucketName: buckets.bucketName,
  };
  const trend = trendStage(p.trendFactor, buckets, base.baseline, (hours) => spanFigures(span, hours, K, 1), words);
  const window = spanFigures(span, buckets.keys, sameSlot ? K : 0, trend.trend.factor);
  const revenue = revenueStage(ticket.known, buckets.keys, index, sameSlot ? references : null, { expected: window.Ecount, actual: window.Acount }, words);
  // 4. Direct loss.
  const lost = lostProfitStage(claim, window);
  const direct = directItemsStage(claim.directItems, lost.lostProfit);
  // 6. Range.
  const alpha = opts.alpha ?? p.alpha;
  const range = rangeStage({ baseline: base.baseline, k: K, T: window.T, E: window.E, A: window.A, m: lost.margin.m, alpha, assumedBandPct: p.assumedBandPct, earnings: words.earnings });
  // 5. Indirect loss.
  const indirect = indirectItemsStage(claim, {
    buckets, index, referenceDates: refs.weeks.byDate, baseline: base.baseline, requestedK: refs.weeks.requestedK,
    m: lost.margin.m, revenueComputable: revenue.revenue.computable, ticket: words.ticket,
    tailSpan: (keys, byDate, k) => spanFigures({ ...span, references: referenceSlots(buckets, byDate) }, keys, k, 1),
  });
  // 3.3 Channel rules, beside the estimate.
  const rules = ruleFiguresStage(claim, { window: buckets.window, index, ticket: ticket.ticket, lostProfit: lost.lostProfit }, opts.pack);

  const byWindowDate: Record<string, string[]> = {};
  for (const d of refs.weeks.windowDates) byWindowDate[d] = refs.weeks.byDate[d]!;
  return {
    method: 'loss-model-v1',
    granularity: claim.granularity,
    baseline: base.baseline,
    estimator: p.estimator,
    claimWindow: { ...buckets.window, bucketCount: buckets.keys.length },
    buckets: window.buckets,
    channels: channelFigures(claim, index.channelIds, window),
    referenceDates: {
      byWindowDate,
      tail: indirect.tailReferenceDates,
      source: refs.weeks.source,
      requestedK: refs.weeks.requestedK,
      k: K,
      weeks: referenceWeekFigures(refs.weeks, window.T, sameSlot),
      skipped: refs.weeks.skipped,
    },
    averageTicket: ticket.averageTicket,
    channelTickets: ticket.channelTickets,
    revenue: revenue.revenue,
    trend: trend.trend,
    expectedRevenue: window.E,
    actualRevenue: window.A,
    expectedCount: window.Ecount,
    actualCount: window.Acount,
    lostCount: lost.lostCount,
    lostRevenue: lost.lostRevenue,
    margin: lost.margin,
    lostProfit: lost.lostProfit,
    lostProfitRange: range.range,
    directItems: direct.directItems,
    directTotal: direct.directTotal,
    indirectItems: indirect.indirectItems,
    indirectTotal: indirect.indirectTotal,
    claimTotal: sumWon([direct.directTotal, indirect.indirectTotal]),
    rules,
    assumptions: collectAssumptions(
      lost.assumptions, [estimatorAssumption(p.estimator)], refs.assumptions, range.assumptions, ticket.assumptions,
      trend.assumptions, revenue.assumptions, indirect.assumptions, windowStage.assumptions, base.assumptions,
    ),
    warnings: [...windowStage.warnings, ...refs.warnings, ...base.warnings, ...trend.warnings, ...revenue.warnings],
  };
}

export type { Won };
