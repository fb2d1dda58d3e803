import type { z } from 'zod';
import { bt } from '../../../model/common';
import { roundWon } from '../../../model/money';
import type { ruleParamsByKind } from '../../../model/incident-pack';
import { DAY_MS, enumerateDays, enumerateHours, KST_OFFSET_MS, parseInstant } from '../../../time/kst';
import { RecordIndex } from '../../record-index';
import { notComputable, numberInput, won, type KindContext, type KindFigure } from './context';

type Params = z.infer<(typeof ruleParamsByKind)['commission-refund']>;

const isMidnight = (ms: number) => (ms + KST_OFFSET_MS) % DAY_MS === 0;

/**
 * commission-refund (Baemin 2025: orders 18:00-24:00; Baemin 2021: the next day): the declared commission
 * rate x the claimant's revenue through the platform's own channels in the period.
 */
export function commissionRefund(p: Params, ctx: KindContext): KindFigure {
  const { index, averageTicket, claim } = ctx;
  const rate = numberInput(ctx, p.rateInput);
  if (rate === undefined) return notComputable({}, [bt('수수료율을 입력해 주세요', 'declare the commission rate')]);
  const platform = claim.claimant.salesChannels.filter((c) => c.isPlatform).map((c) => index.channelIds.indexOf(c.id)).filter((i) => i >= 0);
  const startMs = parseInstant(p.periodStart);
  const endMs = parseInstant(p.periodEnd);
  const hourly = index.granularity === 'hourly';
  if (!hourly && !(isMidnight(startMs) && isMidnight(endMs))) {
    return notComputable({}, [bt('하루 합계 기록으로는 하루 중 일부 시간을 나눌 수 없어요: 시간 단위 기록이 필요해요', 'daily records cannot be split into part of a day: hourly records are needed')]);
  }
  if (platform.length === 0) return notComputable({}, [bt('플랫폼 판매 채널이 없어요', 'no platform sales channel')]);
  const keys = hourly ? enumerateHours(startMs, endMs) : enumerateDays(startMs, endMs);
  let revenue = 0;
  let hasRecords = false;
  for (const k of keys) {
    const slot = index.slots.get(k);
    if (slot) hasRecords = true;
    for (const ch of platform) revenue += RecordIndex.revenue(slot, averageTicket, ch);
  }
  const details = { period: { start: p.periodStart, end: p.periodEnd }, platformRevenue: roundWon(revenue), rate };
  if (!hasRecords) return notComputable(details, [bt('그 기간의 기록이 없어요', 'no records in the period')]);
  return {
    computable: true,
    figure: revenue * rate,
    details,
    notes: [],
    lines: [
      bt(`${p.periodStart} ~ ${p.periodEnd} 플랫폼 매출 ${won(revenue)}`, `platform revenue ${p.periodStart} to ${p.periodEnd}: ${won(revenue)}`),
      bt(`수수료율 ${(rate * 100).toFixed(2)}%`, `commission rate ${(rate * 100).toFixed(2)}%`),
    ],
  };
}
