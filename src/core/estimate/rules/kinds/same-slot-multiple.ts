import type { z } from 'zod';
import { bt } from '../../../model/common';
import { roundWon } from '../../../model/money';
import type { ruleParamsByKind } from '../../../model/incident-pack';
import { enumerateHours, epochDayOfEpochHour, hourOfEpochHour, parseInstant } from '../../../time/kst';
import { RecordIndex } from '../../record-index';
import { notComputable, numberInput, won, type KindContext, type KindFigure } from './context';

type Params = z.infer<(typeof ruleParamsByKind)['same-slot-multiple']>;

/**
 * same-slot-multiple (Naver Pay 2026 sellers: 3 x, 12 weeks): multiple x the average, over the N weeks
 * before, of the same weekday and time slot's revenue x the declared fee rate. Weeks without records on
 * that day are left out of the average and listed.
 */
export function sameSlotMultiple(p: Params, ctx: KindContext): KindFigure {
  const { index, averageTicket } = ctx;
  const rate = numberInput(ctx, p.rateInput);
  if (index.granularity !== 'hourly') return notComputable({}, [bt('이 기준은 시간 단위 기록이 필요해요', 'this rule needs hourly records')]);
  if (rate === undefined) return notComputable({}, [bt('수수료율을 입력해 주세요', 'declare the fee rate')]);
  const hours = enumerateHours(parseInstant(p.windowStart), parseInstant(p.windowEnd));
  const weeks: { start: string; revenue: number }[] = [];
  const skipped: string[] = [];
  for (let j = 1; j <= p.weeksBefore; j++) {
    const shift = j * 7 * 24;
    const first = hours[0]! - shift;
    if (!index.hasDay(epochDayOfEpochHour(first))) {
      skipped.push(hourOfEpochHour(first).slice(0, 10));
      continue;
    }
    let revenue = 0;
    for (const h of hours) revenue += RecordIndex.revenue(index.slots.get(h - shift), averageTicket);
    weeks.push({ start: hourOfEpochHour(first), revenue: roundWon(revenue) });
  }
  const notes = skipped.length > 0 ? [bt(`기록이 없어 뺀 주: ${skipped.join(', ')}`, `weeks left out for lack of records: ${skipped.join(', ')}`)] : [];
  const details = { slot: { start: p.windowStart, end: p.windowEnd, hours: hours.length }, weeks, weeksSkipped: skipped, rate, multiple: p.multiple };
  if (weeks.length === 0) return notComputable(details, [...notes, bt('비교할 주의 기록이 없어요', 'no week before has records')]);
  const average = weeks.reduce((s, w) => s + w.revenue, 0) / weeks.length;
  const figure = p.multiple * average * rate;
  return {
    computable: true,
    figure,
    details: { ...details, averageRevenue: average },
    notes,
    lines: [
      bt(`같은 요일·시간대 (${hours.length}시간) 지난 ${weeks.length}주 평균 매출 ${won(average)}`, `average revenue of the same slot (${hours.length} h) over ${weeks.length} weeks: ${won(average)}`),
      bt(`수수료율 ${(rate * 100).toFixed(2)}%의 ${p.multiple}배`, `${p.multiple} x the fee rate ${(rate * 100).toFixed(2)}%`),
    ],
  };
}
