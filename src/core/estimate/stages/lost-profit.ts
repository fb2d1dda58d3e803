/** Stage "4. Direct loss (통상손해)": LR = max(0, E - A), m = 1 - v - c, LP = LR x m rounded once. */
import type { Claim } from '../../model/claim';
import { bt } from '../../model/common';
import { roundWon, type Won } from '../../model/money';
import { resolveMargin } from '../margin';
import type { Assumption, ClaimEstimate } from '../types';
import type { SpanFigures } from './expected-actual';

export interface LostProfitStage {
  margin: ClaimEstimate['margin'];
  lostRevenue: number;
  lostCount: number;
  lostProfit: Won;
  /** v and c, each shown in every packet until the user confirms it. */
  assumptions: Assumption[];
}

/** Throws MarginInputError when v or c is out of range (never a margin silently floored at 0). */
export function lostProfitStage(claim: Pick<Claim, 'claimant' | 'parameters'>, span: Pick<SpanFigures, 'E' | 'A' | 'Ecount' | 'Acount'>): LostProfitStage {
  const margin = resolveMargin(claim.claimant, claim.parameters);
  const m = margin.m;
  const lostRevenue = Math.max(0, span.E - span.A);
  return {
    margin: { v: margin.v, c: margin.c, m, vConfirmed: margin.vConfirmed, cConfirmed: margin.cConfirmed, source: margin.source },
    lostRevenue,
    lostCount: Math.max(0, span.Ecount - span.Acount),
    lostProfit: roundWon(lostRevenue * m),
    assumptions: [
      {
        id: 'margin-v',
        label: { ko: '변동비 비율', en: 'variable-cost share' },
        value: margin.v,
        source: margin.vIsDefault ? margin.vSource : bt('직접 입력', 'entered by you'),
        confirmed: margin.vConfirmed,
      },
      {
        id: 'margin-c',
        label: { ko: '플랫폼 수수료 비율', en: 'platform-commission share' },
        value: margin.c,
        source: margin.cIsDefault ? margin.cSource : bt('직접 입력', 'entered by you'),
        confirmed: margin.cConfirmed,
      },
    ],
  };
}
