import type { z } from 'zod';
import { bt } from '../../../model/common';
import type { ruleParamsByKind } from '../../../model/incident-pack';
import { datesInput, notComputable, won, type KindContext, type KindFigure } from './context';

type Params = z.infer<(typeof ruleParamsByKind)['fixed-amount']>;

/**
 * fixed-amount (Baemin 2025 riders 10,000; Baemin 2021 riders 60,000; LG U+ 2023 PC cafes 323,000 for
 * 01-29, 387,000 for 02-04, 710,000 for both): an amount per eligible claimant, or per declared date,
 * with an amount for all dates together and a cap.
 */
export function fixedAmount(p: Params, ctx: KindContext): KindFigure {
  if (!p.perDate?.length) {
    const amount = Math.min(p.amount ?? 0, p.cap ?? Number.POSITIVE_INFINITY);
    return { computable: true, figure: amount, details: { amount }, notes: [], lines: [bt(`대상자 한 명(곳)에 ${won(amount)}`, `${won(amount)} per eligible claimant`)] };
  }
  const declared = datesInput(ctx, p.datesInput ?? '');
  if (!declared) return notComputable({}, [bt('피해를 입은 날짜를 골라 주세요', 'declare the dates you were hit')]);
  const byDate = new Map(p.perDate.map((d) => [d.date, d.amount]));
  const hit = [...new Set(declared)].filter((d) => byDate.has(d)).sort();
  const unknown = declared.filter((d) => !byDate.has(d));
  const notes = unknown.length > 0 ? [bt(`보상 대상이 아닌 날짜는 뺐어요: ${unknown.join(', ')}`, `dates the rule does not cover were left out: ${unknown.join(', ')}`)] : [];
  const all = hit.length === byDate.size && p.allDatesAmount !== undefined;
  let figure = all ? p.allDatesAmount! : hit.reduce((s, d) => s + byDate.get(d)!, 0);
  if (p.cap !== undefined) figure = Math.min(figure, p.cap);
  return {
    computable: true,
    figure,
    details: { dates: hit.map((d) => ({ date: d, amount: byDate.get(d)! })), allDates: all },
    notes,
    lines: [
      ...hit.map((d) => bt(`${d}: ${won(byDate.get(d)!)}`, `${d}: ${won(byDate.get(d)!)}`)),
      ...(all ? [bt(`모든 날짜 합산 금액 ${won(p.allDatesAmount!)}`, `the amount for all dates together: ${won(p.allDatesAmount!)}`)] : []),
    ],
  };
}
