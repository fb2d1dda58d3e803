import type { z } from 'zod';
import { bt } from '../../../model/common';
import { roundWon } from '../../../model/money';
import type { ruleParamsByKind } from '../../../model/incident-pack';
import { enumerateHours, epochDayOfEpochHour, hourOfEpochHour, parseInstant, wallTimeKst } from '../../../time/kst';
import { RecordIndex } from '../../record-index';
import { notComputable, won, type KindContext, type KindFigure } from './context';

type Params = z.infer<(typeof ruleParamsByKind)['window-vs-earlier']>;

/**
 * window-vs-earlier (loss model 3.3; Kakao Mobility 2022 franchise taxis: 18 hours against the same hours
 * one week earlier, share 1): (earnings N weeks earlier - earnings in the window) x share, at least 0.
 */
export function windowVsEarlier(p: Params, { index, averageTicket }: KindContext): KindFigure {
  if (index.granularity !== 'hourly') return notComputable({}, [bt('이 기준은 시간 단위 기록이 필요해요', 'this rule needs hourly records')]);
  const hours = enumerateHours(parseInstant(p.windowStart), parseInstant(p.windowEnd));
  const shift = p.weeksEarlier * 7 * 24;
  let during = 0;
  let before = 0;
  const missingDates = new Set<string>();
  for (const h of hours) {
    during += RecordIndex.revenue(index.slots.get(h), averageTicket);
    before += RecordIndex.revenue(index.slots.get(h - shift), averageTicket);
    for (const hh of [h, h - shift]) {
      if (!index.hasDay(epochDayOfEpochHour(hh))) missingDates.add(hourOfEpochHour(hh).slice(0, 10));
    }
  }
  const comparisonWindow = { start: hourOfEpochHour(hours[0]! - shift), end: hourOfEpochHour(hours[hours.length - 1]! - shift + 1) };
  const details = {
    window: { start: p.windowStart, end: p.windowEnd, hours: hours.length },
    comparisonWindow,
    earningsDuring: roundWon(during),
    earningsWeekBefore: roundWon(before),
  };
  if (missingDates.size > 0) {
    const list = [...missingDates].sort().join(', ');
    return notComputable(details, [bt(`기록이 없는 날이 있어요: ${list}`, `no records on: ${list}`)]);
  }
  const figure = Math.max(0, before - during) * p.share;
  const weeks = p.weeksEarlier === 1 ? bt('한 주 전', 'one week earlier') : bt(`${p.weeksEarlier}주 전`, `${p.weeksEarlier} weeks earlier`);
  return {
    computable: true,
    figure,
    details,
    notes: [],
    lines: [
      bt(`장애 구간 ${wallTimeKst(p.windowStart)} ~ ${wallTimeKst(p.windowEnd)} (${hours.length}시간) 수입 ${won(during)}`, `window ${wallTimeKst(p.windowStart)} to ${wallTimeKst(p.windowEnd)} (${hours.length} h): ${won(during)}`),
      bt(`${weeks.ko}: ${wallTimeKst(comparisonWindow.start)} ~ ${wallTimeKst(comparisonWindow.end)} ${won(before)}`, `${weeks.en}: ${wallTimeKst(comparisonWindow.start)} ~ ${wallTimeKst(comparisonWindow.end)} ${won(before)}`),
      p.share === 1 ? bt('차액을 이익률 없이 전액으로 봐요', 'the difference in full, no margin applied') : bt(`차액의 ${p.share * 100}%`, `${p.share * 100}% of the difference`),
    ],
  };
}
