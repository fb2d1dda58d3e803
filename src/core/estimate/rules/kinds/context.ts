import { formatWon } from '../../../model/money';
import type { BilingualText } from '../../../model/common';
import type { Claim } from '../../../model/claim';
import type { ClaimWindow } from '../../window';
import type { RecordIndex, Tickets } from '../../record-index';

/** A value the claimant declared for a rule input (a fee, a rate, the dates hit), with its evidence. */
export type DeclaredValue = number | readonly string[];

/** What a rule kind may read: the records indexed, the claim window and the claimant's declared inputs. */
export interface KindContext {
  index: RecordIndex;
  /** Average ticket for records without revenue (loss model section 1), per channel index; 0 when none is known. */
  averageTicket: Tickets;
  window: ClaimWindow;
  /** Declared inputs by id; absent when the claimant has not given one. */
  inputs: Readonly<Record<string, DeclaredValue | undefined>>;
  claim: Claim;
}

/** What a kind computes before bands: the figure (unrounded) or why it cannot. */
export interface KindFigure {
  computable: boolean;
  figure: number | null;
  details: Record<string, unknown>;
  notes: BilingualText[];
  /** The computation in words, one line each (`{ ko, en }`), for the packet. */
  lines: BilingualText[];
}

export const notComputable = (details: Record<string, unknown>, notes: BilingualText[], lines: BilingualText[] = []): KindFigure => ({
  computable: false, figure: null, details, notes, lines,
});

export function numberInput(ctx: KindContext, id: string): number | undefined {
  const v = ctx.inputs[id];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function datesInput(ctx: KindContext, id: string): readonly string[] | undefined {
  const v = ctx.inputs[id];
  return Array.isArray(v) ? v : undefined;
}

/** `1,234,567원`: the money module's one formatter under the short name the kinds use. */
export const won = formatWon;
