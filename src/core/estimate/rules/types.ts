import type { Won } from '../../model/money';
import type { BilingualText } from '../../model/common';

export interface RuleBand {
  /** e.g. `up-to-300000`, `up-to-500000`, `review`, `full`, `none`, `figure` */
  id: string;
  /** What the channel pays for this band; null when it decides case by case. */
  payout: Won | null;
  label: BilingualText;
}

/** A declared input as the packet shows it: what it is, the value, the evidence asked for. */
export interface RuleInputShown {
  id: string;
  name: { ko: string; en: string };
  unit: string;
  value: number | readonly string[] | null;
  evidence: { ko: string; en: string };
  evidenceIds: string[];
}

export interface RuleResult {
  id: string;
  /** The rule kind (incident-packs.md), e.g. `best-week`. */
  kind: string;
  title: { ko: string; en: string };
  /** Where the rule comes from (publication and article id). */
  source: string;
  /** False when the records or inputs do not allow the rule's figure (the notes say why). */
  computable: boolean;
  /** The figure as the company defines it, rounded once; null when not computable. */
  loss: Won | null;
  band: RuleBand | null;
  /** Kind-specific figures (weeks used and skipped, hours compared, ...). */
  details: Record<string, unknown>;
  notes: BilingualText[];
  /** The computation in words (`{ ko, en }`), one line each. */
  lines: BilingualText[];
  /** Inputs the claimant declared (or still has to). */
  inputs: RuleInputShown[];
  /** False when the claimant is outside the rule's sub-kinds: the figure is for reference. */
  eligible: boolean;
  /** A paid plan's rule: it concerns the claimant only once they declare its inputs (absent otherwise). */
  subscribersOnly?: true;
  /** Beside the app's lost-profit estimate: the difference (estimate - rule) and it in words; null when not computable. */
  gap?: { ruleFigure: Won; appEstimate: Won; difference: Won; words: BilingualText } | null;
}
