import type { z } from 'zod';
import { bt, type BilingualText } from '../../../model/common';
import type { ruleParamsByKind } from '../../../model/incident-pack';
import { notComputable, numberInput, won, type KindContext, type KindFigure } from './context';

type Params = z.infer<(typeof ruleParamsByKind)['fee-for-duration']>;

/**
 * fee-for-duration (KT 2021: 15 hours, small businesses 10 days; LG U+ 2023 and KT 2024: 10 x the outage
 * time, small businesses 1 month; Baemin 2025 Ultra Call: 10 x the ad cost of the outage time; Kakao
 * Mobility 2022 paid members: 6 days of October's fee, to the ten won): the declared monthly fee for a
 * duration. A month is `daysPerMonth` days of 24 hours; `roundTo` rounds the figure as the company did.
 */
export function feeForDuration(p: Params, ctx: KindContext): KindFigure {
  const fee = numberInput(ctx, p.feeInput);
  if (fee === undefined) return notComputable({}, [bt('월 요금을 입력해 주세요', 'declare the monthly fee')]);
  const hourly = fee / (p.daysPerMonth * 24);
  let figure: number;
  let line: BilingualText;
  let outageMinutes: number | undefined;
  switch (p.basis) {
    case 'outage-multiple': {
      outageMinutes = p.outageMinutes ?? ctx.window.intervals.reduce((s, w) => s + (w.endMs - w.startMs) / 60_000, 0);
      figure = hourly * p.amount * (outageMinutes / 60);
      line = bt(`장애 시간 ${Math.round(outageMinutes)}분의 ${p.amount}배 요금`, `${p.amount} x the fee of the ${Math.round(outageMinutes)}-minute outage`);
      break;
    }
    case 'hours':
      figure = hourly * p.amount;
      line = bt(`${p.amount}시간분 요금`, `the fee of ${p.amount} hours`);
      break;
    case 'days':
      figure = (fee / p.daysPerMonth) * p.amount;
      line = bt(`${p.amount}일분 요금`, `the fee of ${p.amount} days`);
      break;
    case 'months':
      figure = fee * p.amount;
      line = bt(`${p.amount}개월분 요금`, `the fee of ${p.amount} months`);
      break;
  }
  // A month's fee is divided only when the rule pays days or hours of it.
  const lines = [p.basis === 'months' ? bt(`월 요금 ${won(fee)}`, `monthly fee ${won(fee)}`) : bt(`월 요금 ${won(fee)} (한 달 ${p.daysPerMonth}일로 나눠요)`, `monthly fee ${won(fee)} (a month counted as ${p.daysPerMonth} days)`), line];
  if (p.roundTo !== undefined) {
    figure = Math.round(figure / p.roundTo) * p.roundTo;
    lines.push(bt(`${won(p.roundTo)} 단위로 반올림`, `rounded to the nearest ${won(p.roundTo)}`));
  }
  return {
    computable: true,
    figure,
    details: { monthlyFee: fee, basis: p.basis, amount: p.amount, daysPerMonth: p.daysPerMonth, ...(outageMinutes !== undefined ? { outageMinutes } : {}), ...(p.roundTo !== undefined ? { roundTo: p.roundTo } : {}) },
    notes: [],
    lines,
  };
}
