import type { BilingualText } from '../model/common';
import type { Won } from '../model/money';
import type { Estimator } from '../model/claim';
import type { KstBucket, Granularity } from '../time/kst';
import type { ClaimWindow } from './window';
import type { RuleResult } from './rules/types';
import type { SkipReason } from './reference-dates';

/** Figures of one window bucket. Revenue and counts are unrounded (section 1: intermediates). */
export interface BucketFigures {
  bucket: KstBucket;
  expectedRevenue: number;
  expectedCount: number;
  actualRevenue: number;
  actualCount: number;
  /** Actual revenue per channel, in the order of `ClaimEstimate.channels` (mitigation made visible). */
  actualRevenueByChannel: number[];
  /** The K same-slot reference revenues the estimator saw (after the trend factor); empty when declared. */
  referenceRevenue: number[];
}

export interface ChannelFigures {
  id: string;
  label: string;
  isPlatform: boolean;
  expectedRevenue: number;
  expectedCount: number;
  actualRevenue: number;
  actualCount: number;
}

/** Which average ticket a channel's records without revenue use, and where it comes from (section 1). */
export interface ChannelTicket {
  channel: string;
  label: string;
  value: number | null;
  /**
   * `channel-reference`: the channel's own reference records (its declared fare set aside);
   * `channel-declared`: the fare declared for the channel; otherwise the claim-level ticket's source.
   */
  source: 'channel-reference' | 'channel-declared' | 'reference' | 'declared' | 'none';
  declaredFare: number | null;
  fareSource: 'trip-history' | 'union-survey' | 'other' | null;
  fareNote: string;
}

export interface Assumption {
  id: string;
  /** What is assumed, in both languages (textIn picks one). */
  label: BilingualText;
  /** A figure, a setting's id or a time span, or words in both languages (`{ ko, en }`: "없음 / none"). */
  value: number | string | boolean | BilingualText;
  /** Where the value comes from, in both languages. */
  source: BilingualText;
  /** True when the user confirmed it; false when it is a default still to confirm; null when there is nothing to confirm. */
  confirmed: boolean | null;
  /**
   * With `confirmed: null`, why there is nothing to confirm: `public`, a published fact (an outage window
   * from the incident's sources, the statutory minimum wage); `records`, computed from the claimant's own
   * records. Absent: a choice of method.
   */
  basis?: 'public' | 'records';
}

export interface EstimateWarning {
  code: string;
  message: BilingualText;
}

export interface ReferenceWeek {
  /** 1-based: week k pairs the k-th reference date of every window date (section 3.1). */
  week: number;
  dates: string[];
  /** T_k: the week's revenue over the window buckets (section 6), trend factor applied. */
  revenue: number;
}

export interface LostProfitRange {
  low: Won;
  high: Won;
  /** 1 - alpha, e.g. 0.8 */
  level: number;
  alpha: number;
  /** `reference-weeks`: week-to-week variation of the reference weeks; `assumed`: a stated +-band on E. */
  driver: 'reference-weeks' | 'assumed';
  driverLabel: BilingualText;
  /** Sample standard deviation of T_k; null when assumed. */
  s: number | null;
  /** Student-t quantile 1 - alpha/2 with K - 1 degrees of freedom; null when assumed. */
  q: number | null;
  /** Half-width on E (unrounded). */
  h: number;
  k: number;
  /** The assumed band share when driver is `assumed`. */
  bandPct: number | null;
}

export interface DirectItemFigure {
  id: string;
  category: string;
  description: string;
  amount: Won;
  evidenceIds: string[];
}

export interface IndirectItemFigure {
  id: string;
  kind: 'after-effect' | 'extra-labour' | 'claim-prep' | 'lost-regulars';
  label: BilingualText;
  amount: Won;
  justification: string;
  /** Lost regular customers are always flagged speculative (section 5). */
  speculative: boolean;
  /** The inputs the amount was computed from, for the packet to print. */
  inputs: Record<string, number | string | null>;
  evidenceIds: string[];
  note: BilingualText | null;
}

export interface ClaimEstimate {
  method: 'loss-model-v1';
  granularity: Granularity;
  baseline: 'same-slot' | 'declared' | 'none';
  estimator: Estimator;
  claimWindow: ClaimWindow & { bucketCount: number };
  buckets: BucketFigures[];
  channels: ChannelFigures[];
  referenceDates: {
    byWindowDate: Record<string, string[]>;
    /** Reference dates of the after-effect's tail dates (section 5), when there is one. */
    tail: Record<string, string[]>;
    /** Where each window date's list came from. */
    source: Record<string, 'claim' | 'suggested'>;
    requestedK: number;
    /** K actually used: the smallest number found for any window date. */
    k: number;
    weeks: ReferenceWeek[];
    skipped: { windowDate: string; date: string; reason: SkipReason; holiday?: string }[];
  };
  averageTicket: { value: number | null; source: 'reference' | 'declared' | 'none' };
  /**
   * The ticket each channel's records without revenue use (section 1): the channel's own reference ticket
   * or its declared average fare when it has one, else the claim-level ticket above.
   */
  channelTickets: ChannelTicket[];
  /**
   * Section 1: false when counts lack revenue and no ticket is known (no reference bucket carries
   * revenue, none declared). Then every revenue figure (E, A, LR, LP, its range, T_k, the after-effect)
   * is not computable: shown as such with `message`, never as 0 KRW; the counts still hold.
   */
  revenue: { computable: boolean; message: BilingualText | null };
  trend: {
    enabled: boolean;
    applied: boolean;
    factor: number;
    rawFactor: number | null;
    hours: string[];
    actualBefore: number;
    expectedBefore: number;
  };
  /** E, A (section 4), unrounded. */
  expectedRevenue: number;
  actualRevenue: number;
  expectedCount: number;
  actualCount: number;
  lostCount: number;
  /** LR = max(0, E - A), unrounded. */
  lostRevenue: number;
  margin: { v: number; c: number; m: number; vConfirmed: boolean; cConfirmed: boolean; source: BilingualText };
  /** LP = LR x m, rounded once. */
  lostProfit: Won;
  lostProfitRange: LostProfitRange;
  directItems: DirectItemFigure[];
  /** D = LP + sum(direct items), of rounded items. */
  directTotal: Won;
  indirectItems: IndirectItemFigure[];
  /** I = sum(indirect items), of rounded items. */
  indirectTotal: Won;
  /** D + I */
  claimTotal: Won;
  rules: Record<string, RuleResult>;
  assumptions: Assumption[];
  warnings: EstimateWarning[];
}
