import { bt, type BilingualText } from '../../../model/common';
import { roundWon, type Won } from '../../../model/money';
import type { ruleParamsByKind } from '../../../model/incident-pack';
import { addDays, epochDayOf } from '../../../time/kst';
import { RecordIndex, type Tickets } from '../../record-index';
import type { z } from 'zod';
import { notComputable, won, type KindContext, type KindFigure } from './context';

type Params = z.infer<(typeof ruleParamsByKind)['best-week']>;

interface WeekFigure {
  start: string;
  end: string;
  sales: number;
  missingDays: string[];
}

function weekFigure(index: RecordIndex, start: string, ticket: Tickets): WeekFigure {
  let sales = 0;
  const missingDays: string[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(start, i);
    const day = index.days.get(epochDayOf(date));
    if (!day) missingDays.push(date);
    sales += RecordIndex.revenue(day, ticket);
  }
  return { start, end: addDays(start, 6), sales, missingDays };
}

/**
 * best-week (loss model 3.3; Kakao 2022 small businesses): the outage week's sales against the best
 * complete week lying entirely within the period, the outage week excluded. A week counts only if every
 * one of its days has records. Loss = max(0, best - outage week).
 */
export function bestWeek(p: Params, { index, averageTicket }: KindContext): KindFigure {
  const outage = weekFigure(index, p.outageWeekStart, averageTicket);
  const used: { start: string; end: string; sales: Won }[] = [];
  const skipped: { start: string; end: string; missingDays: string[] }[] = [];
  const candidates: string[] = [];
  for (let s = addDays(p.outageWeekStart, -7); s >= p.periodFrom; s = addDays(s, -7)) candidates.unshift(s);
  for (let s = addDays(p.outageWeekStart, 7); addDays(s, 6) <= p.periodTo; s = addDays(s, 7)) candidates.push(s);
  for (const start of candidates) {
    const w = weekFigure(index, start, averageTicket);
    if (w.missingDays.length === 0) used.push({ start: w.start, end: w.end, sales: roundWon(w.sales) });
    else skipped.push({ start: w.start, end: w.end, missingDays: w.missingDays });
  }
  const notes: BilingualText[] = [];
  if (outage.missingDays.length > 0) {
    notes.push(bt(`장애 주에 기록 없는 날은 매출 0으로 봤어요: ${outage.missingDays.join(', ')}`, `days of the outage week without records count as zero sales: ${outage.missingDays.join(', ')}`));
  }
  const outageWeek = { start: outage.start, end: outage.end, sales: roundWon(outage.sales), missingDays: outage.missingDays };
  if (used.length === 0) {
    notes.push(bt('모든 날에 기록이 있는 비교 주가 없어요', 'no comparison week has records on every day'));
    return notComputable({ outageWeek, weeksUsed: used, weeksSkipped: skipped }, notes);
  }
  const best = used.reduce((a, b) => (b.sales > a.sales ? b : a));
  // Week sales are already whole won; the loss is their difference.
  const figure = Math.max(0, best.sales - outageWeek.sales);
  return {
    computable: true,
    figure,
    details: { outageWeek, bestWeek: best, weeksUsed: used, weeksSkipped: skipped, period: { from: p.periodFrom, to: p.periodTo } },
    notes,
    lines: [
      bt(`장애 주 ${outage.start} ~ ${outage.end} 매출 ${won(outageWeek.sales)}`, `outage week ${outage.start} to ${outage.end}: ${won(outageWeek.sales)}`),
      bt(`비교 기간 ${p.periodFrom} ~ ${p.periodTo}의 가장 높은 주 ${best.start} ~ ${best.end} 매출 ${won(best.sales)}`, `best week of ${p.periodFrom} to ${p.periodTo}: ${best.start} to ${best.end}, ${won(best.sales)}`),
      bt(`비교한 주 ${used.length}개, 기록이 빠져 제외한 주 ${skipped.length}개`, `${used.length} weeks compared, ${skipped.length} skipped for missing days`),
    ],
  };
}
