/**
 * Stages "3.1 / 3.2 expected value of a bucket" and "4. E and A": per bucket, the estimator over its K
 * reference slots (or the declared table), and the actual revenue over every channel; summed per span.
 * The same function serves the window, the hours before it (trend factor) and the after-effect's tail.
 */
import type { Claim, Estimator } from '../../model/claim';
import type { KstBucket } from '../../time/kst';
import { estimate } from '../estimators';
import { RecordIndex } from '../record-index';
import type { BucketFigures, ChannelFigures } from '../types';
import type { Baseline } from './baseline';
import type { DeclaredSlot } from './declared-baseline';
import type { ReferenceSlots } from './reference-slots';

export interface SpanFigures {
  buckets: BucketFigures[];
  E: number;
  A: number;
  Ecount: number;
  Acount: number;
  /** T_k per reference week (section 6). */
  T: number[];
  channelExpRevenue: number[];
  channelExpCount: number[];
  channelActRevenue: number[];
  channelActCount: number[];
}

/** What a span is computed from. */
export interface SpanContext {
  baseline: Baseline;
  index: RecordIndex;
  references: ReferenceSlots;
  declared: (key: number, hourly: boolean) => DeclaredSlot;
  ticket: number;
  estimator: Estimator;
  hourly: boolean;
  bucketName: (key: number) => KstBucket;
}

/** E, A, their counts, T_k and the per-channel sums over `keys`, with `kWeeks` reference weeks scaled by `factor`. */
export function spanFigures(ctx: SpanContext, keys: readonly number[], kWeeks: number, factor: number): SpanFigures {
  const nCh = ctx.index.channelIds.length;
  const zeros = (n: number) => new Array<number>(n).fill(0);
  const span: SpanFigures = {
    buckets: [], E: 0, A: 0, Ecount: 0, Acount: 0, T: zeros(kWeeks),
    channelExpRevenue: zeros(nCh), channelExpCount: zeros(nCh), channelActRevenue: zeros(nCh), channelActCount: zeros(nCh),
  };
  const expectedOf = expectedBucket(ctx, kWeeks, factor, span);
  for (const key of keys) {
    const { revenue: expRev, count: expCnt, referenceRevenue } = expectedOf(key);
    const actual = ctx.index.slots.get(key);
    const actRev = RecordIndex.revenue(actual, ctx.ticket);
    const actCnt = RecordIndex.count(actual);
    const byChannel = new Array<number>(nCh);
    for (let ch = 0; ch < nCh; ch++) {
      byChannel[ch] = RecordIndex.revenue(actual, ctx.ticket, ch);
      span.channelActRevenue[ch]! += byChannel[ch]!;
      span.channelActCount[ch]! += RecordIndex.count(actual, ch);
    }
    span.E += expRev;
    span.Ecount += expCnt;
    span.A += actRev;
    span.Acount += actCnt;
    span.buckets.push({
      bucket: ctx.bucketName(key),
      expectedRevenue: expRev,
      expectedCount: expCnt,
      actualRevenue: actRev,
      actualCount: actCnt,
      actualRevenueByChannel: byChannel,
      referenceRevenue,
    });
  }
  return span;
}

/**
 * The expected revenue and count of one bucket (sections 3.1, 3.2). For the same-slot baseline it also
 * adds the bucket's reference revenues to T_k and its per-channel expectations to `span`.
 */
function expectedBucket(ctx: SpanContext, kWeeks: number, factor: number, span: SpanFigures) {
  const nCh = ctx.index.channelIds.length;
  const vals = new Array<number>(kWeeks);
  const cnts = new Array<number>(kWeeks);
  const chVals = new Array<number>(kWeeks);
  const slots = new Array<number[] | undefined>(kWeeks);
  return (key: number): { revenue: number; count: number; referenceRevenue: number[] } => {
    if (ctx.baseline === 'declared') {
      const d = ctx.declared(key, ctx.hourly);
      return { revenue: d.revenue, count: d.count, referenceRevenue: [] };
    }
    if (ctx.baseline !== 'same-slot') return { revenue: 0, count: 0, referenceRevenue: [] };
    const refs = ctx.references.refsOf(key);
    for (let k = 0; k < kWeeks; k++) {
      const arr = refs[k] === undefined ? undefined : ctx.index.slots.get(ctx.references.slotKey(key, refs[k]!));
      slots[k] = arr;
      vals[k] = RecordIndex.revenue(arr, ctx.ticket) * factor;
      cnts[k] = RecordIndex.count(arr) * factor;
      span.T[k]! += vals[k]!;
    }
    for (let ch = 0; ch < nCh; ch++) {
      for (let k = 0; k < kWeeks; k++) chVals[k] = RecordIndex.revenue(slots[k], ctx.ticket, ch) * factor;
      span.channelExpRevenue[ch]! += estimate(chVals, ctx.estimator);
      for (let k = 0; k < kWeeks; k++) chVals[k] = RecordIndex.count(slots[k], ch) * factor;
      span.channelExpCount[ch]! += estimate(chVals, ctx.estimator);
    }
    return { revenue: estimate(vals, ctx.estimator), count: estimate(cnts, ctx.estimator), referenceRevenue: vals.slice() };
  };
}

/** Per sales channel, in the claimant's order: expected and actual over the window (mitigation made visible). */
export function channelFigures(claim: Pick<Claim, 'claimant'>, channelIds: readonly string[], span: SpanFigures): ChannelFigures[] {
  return channelIds.map((id, ch) => {
    const c = claim.claimant.salesChannels.find((x) => x.id === id);
    return {
      id,
      label: c?.label ?? id,
      isPlatform: c?.isPlatform ?? false,
      expectedRevenue: span.channelExpRevenue[ch]!,
      expectedCount: span.channelExpCount[ch]!,
      actualRevenue: span.channelActRevenue[ch]!,
      actualCount: span.channelActCount[ch]!,
    };
  });
}
