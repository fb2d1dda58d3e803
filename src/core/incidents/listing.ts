/**
 * What the incident chooser and the import preview show of a pack: names, first start, services with
 * their intervals, claim channels, rules in words, and whether anything in it is unconfirmed.
 */
import type { BilingualText } from '../model/common';
import type { CompensationRule, IncidentPack } from '../model/incident-pack';
import { formatWon } from '../model/money';

/** The earliest interval start of a pack (KST instant text sorts as time: the offset is fixed). */
export function packFirstStart(pack: IncidentPack): string {
  return pack.services.flatMap((s) => s.intervals.map((w) => w.start)).sort()[0] ?? '';
}

/** Newest outage first; the same outage's newer version first. */
export function sortPacksNewestFirst<T extends { pack: IncidentPack }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => packFirstStart(b.pack).localeCompare(packFirstStart(a.pack)) || b.pack.version - a.pack.version);
}

/** True when the pack marks any time or rule unconfirmed (shown beside its name). */
export function packHasUnconfirmed(pack: IncidentPack): boolean {
  return pack.rules.some((r) => r.unconfirmed) || pack.services.some((s) => s.intervals.some((w) => w.startUnconfirmed || w.endUnconfirmed));
}

/** True when an interval is still open (an outage going on, or an end never published). */
export function packIsOngoing(pack: IncidentPack): boolean {
  return pack.services.some((s) => s.intervals.some((w) => w.end === null));
}

const won = formatWon;
const wonEn = (n: number) => `KRW ${n.toLocaleString('en-US')}`;
const pct = (x: number) => `${Math.round(x * 10000) / 100}%`;
const hm = (instant: string) => `${instant.slice(5, 10)} ${instant.slice(11, 16)}`;

/** One sentence saying what a rule pays, in the claimant's words (no ids). */
export function describeRule(rule: CompensationRule): BilingualText {
  const p = rule.params as Record<string, unknown>;
  switch (rule.kind) {
    case 'best-week':
      return { ko: `${rule.params.periodFrom}~${rule.params.periodTo} 중 가장 좋은 주의 매출 - 장애 주의 매출`, en: `best week's sales between ${rule.params.periodFrom} and ${rule.params.periodTo} minus the outage week's` };
    case 'window-vs-earlier':
      return { ko: `${hm(rule.params.windowStart)}~${hm(rule.params.windowEnd)} 수입을 ${rule.params.weeksEarlier}주 전 같은 시간과 비교한 차이 x ${pct(rule.params.share)}`, en: `earnings ${hm(rule.params.windowStart)}-${hm(rule.params.windowEnd)} against the same hours ${rule.params.weeksEarlier} week(s) earlier, x ${pct(rule.params.share)}` };
    case 'same-slot-multiple':
      return { ko: `같은 요일·시간대 ${rule.params.weeksBefore}주 평균 수수료의 ${rule.params.multiple}배`, en: `${rule.params.multiple} x the average fee of the same weekday and hours over ${rule.params.weeksBefore} weeks` };
    case 'fee-for-duration': {
      const a = rule.params.amount;
      if (rule.params.basis === 'outage-multiple') return { ko: `장애 시간만큼의 요금 x ${a}배`, en: `${a} x the fee for the outage time` };
      const ko = { hours: `${a}시간`, days: `${a}일`, months: `${a}개월` }[rule.params.basis];
      const en = { hours: `${a} hours`, days: `${a} days`, months: `${a} month(s)` }[rule.params.basis];
      return { ko: `월 요금의 ${ko}분`, en: `the monthly fee for ${en}` };
    }
    case 'commission-refund':
      return { ko: `${hm(rule.params.periodStart)}~${hm(rule.params.periodEnd)} 주문의 수수료 환급`, en: `commission refunded on orders ${hm(rule.params.periodStart)}-${hm(rule.params.periodEnd)}` };
    case 'fixed-amount': {
      const parts: BilingualText[] = [];
      if (typeof p.amount === 'number') parts.push({ ko: `1인당 ${won(p.amount)}`, en: `${wonEn(p.amount)} each` });
      for (const d of rule.params.perDate ?? []) parts.push({ ko: `${d.date} ${won(d.amount)}`, en: `${d.date}: ${wonEn(d.amount)}` });
      if (rule.params.allDatesAmount !== undefined) parts.push({ ko: `모든 날 ${won(rule.params.allDatesAmount)}`, en: `all days ${wonEn(rule.params.allDatesAmount)}` });
      return { ko: `정액 ${parts.map((x) => x.ko).join(', ')}`, en: `fixed: ${parts.map((x) => x.en).join(', ')}` };
    }
    case 'failed-orders':
      return { ko: `${hm(rule.params.windowStart)}~${hm(rule.params.windowEnd)} 취소·실패 주문 금액의 ${pct(rule.params.share)}`, en: `${pct(rule.params.share)} of orders cancelled or failed ${hm(rule.params.windowStart)}-${hm(rule.params.windowEnd)}` };
  }
}

const CLAIMANT_WORDS: Record<string, BilingualText> = {
  merchant: { ko: '가게', en: 'shops' },
  taxi: { ko: '택시', en: 'taxis' },
  'designated-driver': { ko: '대리기사', en: 'designated drivers' },
  rider: { ko: '배달 라이더', en: 'riders' },
  individual: { ko: '개인', en: 'individuals' },
};

/** "가게, 택시" / "shops, taxis". */
export function claimantKindsInWords(kinds: readonly string[]): BilingualText {
  const words = kinds.map((k) => CLAIMANT_WORDS[k] ?? { ko: k, en: k });
  return { ko: words.map((w) => w.ko).join(', '), en: words.map((w) => w.en).join(', ') };
}
