import type { Claim } from '../../model/claim';
import type { Won } from '../../model/money';
import type { ClaimWindow } from '../window';
import type { RecordIndex } from '../record-index';

/** What a channel rule may read (section 3.3): the claim, its records indexed, and the average ticket. */
export interface RuleContext {
  claim: Claim;
  window: ClaimWindow;
  index: RecordIndex;
  /** Average ticket for records without revenue (section 1); 0 when none is known. */
  averageTicket: number;
}

export interface RuleBand {
  /** e.g. `up-to-300000`, `up-to-500000`, `review`, `full`, `none` */
  id: string;
  /** What the channel pays for this band; null when it decides case by case. */
  payout: Won | null;
  label: string;
}

export interface RuleResult {
  id: string;
  title: { ko: string; en: string };
  /** Where the rule comes from (publication and article id). */
  source: string;
  /** False when the records do not allow the rule's figure (the notes say why). */
  computable: boolean;
  /** The loss as the channel defines it, rounded once; null when not computable. */
  loss: Won | null;
  band: RuleBand | null;
  /** Rule-specific figures (weeks used and skipped, hours compared, ...). */
  details: Record<string, unknown>;
  notes: string[];
}

/** A channel rule: data plus one small pure function. */
export interface ChannelRule {
  id: string;
  title: { ko: string; en: string };
  source: string;
  /** Incidents the rule belongs to. */
  incidentIds: readonly string[];
  appliesTo(claim: Claim): boolean;
  compute(ctx: RuleContext): RuleResult;
}
