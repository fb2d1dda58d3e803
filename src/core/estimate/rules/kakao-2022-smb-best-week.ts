import { roundWon, type Won } from '../../model/money';
import { bi } from '../../model/common';
import { addDays, epochDayOf } from '../../time/kst';
import { RecordIndex } from '../record-index';
import type { ChannelRule, RuleBand, RuleResult } from './types';

/** Kakao's small-business rule of 29 Dec 2022 (domain.md section 2; loss model section 3.3), as data. */
export const SMB_BEST_WEEK_DATA = {
  id: 'kakao-2022-smb-best-week',
  /** Sat 15 - Fri 21 Oct 2022. */
  outageWeekStart: '2022-10-15',
  /** Comparison weeks are the Sat-Fri weeks lying entirely within this period, the outage week excluded. */
  periodFrom: '2022-09-01',
  periodTo: '2022-10-31',
  bands: [
    { id: 'up-to-300000', upTo: 300_000, payout: 30_000, label: bi('30만 원 이하: 3만 원', 'up to 300,000: 30,000 KRW') },
    { id: 'up-to-500000', upTo: 500_000, payout: 50_000, label: bi('50만 원 이하: 5만 원', 'up to 500,000: 50,000 KRW') },
    { id: 'review', upTo: Number.POSITIVE_INFINITY, payout: null, label: bi('50만 원 초과: 증빙 심사', 'above 500,000: review with proof') },
  ],
  source: '머니투데이 2023-01-30 기사',
} as const;

interface WeekFigure {
  start: string;
  end: string;
  sales: number;
  missingDays: string[];
}

function weekFigure(index: RecordIndex, start: string, ticket: number): WeekFigure {
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

export function bandFor(loss: number): RuleBand {
  if (loss <= 0) return { id: 'none', payout: 0 as Won, label: bi('손실 없음', 'no loss') };
  const band = SMB_BEST_WEEK_DATA.bands.find((b) => loss <= b.upTo)!;
  return { id: band.id, payout: band.payout === null ? null : (band.payout as Won), label: band.label };
}

export const kakaoSmbBestWeekRule: ChannelRule = {
  id: SMB_BEST_WEEK_DATA.id,
  title: { ko: '카카오 소상공인 보상 기준 (최고 매출 주 대비)', en: 'Kakao small-business rule (best week)' },
  source: SMB_BEST_WEEK_DATA.source,
  incidentIds: ['kakao-2022-10'],
  appliesTo: (claim) => claim.claimant.kind === 'merchant',
  compute({ index, averageTicket }): RuleResult {
    const d = SMB_BEST_WEEK_DATA;
    const outage = weekFigure(index, d.outageWeekStart, averageTicket);
    const used: { start: string; end: string; sales: Won }[] = [];
    const skipped: { start: string; end: string; missingDays: string[] }[] = [];
    // Walk whole weeks back and forth from the outage week: only those entirely within the period count.
    const candidates: string[] = [];
    for (let s = addDays(d.outageWeekStart, -7); s >= d.periodFrom; s = addDays(s, -7)) candidates.unshift(s);
    for (let s = addDays(d.outageWeekStart, 7); addDays(s, 6) <= d.periodTo; s = addDays(s, 7)) candidates.push(s);
    for (const start of candidates) {
      const w = weekFigure(index, start, averageTicket);
      if (w.missingDays.length === 0) used.push({ start: w.start, end: w.end, sales: roundWon(w.sales) });
      else skipped.push({ start: w.start, end: w.end, missingDays: w.missingDays });
    }
    const notes: string[] = [];
    if (outage.missingDays.length > 0) {
      notes.push(bi(`장애 주에 기록 없는 날은 매출 0으로 봤어요: ${outage.missingDays.join(', ')}`, `days of the outage week without records count as zero sales: ${outage.missingDays.join(', ')}`));
    }
    const base = {
      id: d.id,
      title: this.title,
      source: d.source,
    };
    const outageWeek = { start: outage.start, end: outage.end, sales: roundWon(outage.sales), missingDays: outage.missingDays };
    if (used.length === 0) {
      notes.push(bi('모든 날에 기록이 있는 비교 주가 없어요', 'no comparison week has records on every day'));
      return { ...base, computable: false, loss: null, band: null, details: { outageWeek, weeksUsed: used, weeksSkipped: skipped }, notes };
    }
    const best = used.reduce((a, b) => (b.sales > a.sales ? b : a));
    // Sales figures are already whole won; the loss is their difference (section 3.3).
    const loss = roundWon(Math.max(0, best.sales - outageWeek.sales));
    return {
      ...base,
      computable: true,
      loss,
      band: bandFor(loss),
      details: { outageWeek, bestWeek: best, weeksUsed: used, weeksSkipped: skipped },
      notes,
    };
  },
};
