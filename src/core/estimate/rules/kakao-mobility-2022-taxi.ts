import { roundWon } from '../../model/money';
import { bi } from '../../model/common';
import { enumerateHours, epochDayOfEpochHour, hourOfEpochHour, parseInstant } from '../../time/kst';
import { RecordIndex } from '../record-index';
import type { ChannelRule, RuleResult } from './types';

/** Kakao Mobility's taxi compensation (domain.md section 2; loss model section 3.3), as data. */
export const MOBILITY_TAXI_DATA = {
  id: 'kakao-mobility-2022-taxi',
  windowStart: '2022-10-15T15:00+09:00',
  windowEnd: '2022-10-16T09:00+09:00',
  /** Compared with the same 18 hours one week earlier. */
  comparisonOffsetDays: 7,
  source: '디지털데일리 2022-11-04 기사, 다음 뉴스 2023-05-11 기사',
} as const;

export const kakaoMobilityTaxiRule: ChannelRule = {
  id: MOBILITY_TAXI_DATA.id,
  title: { ko: '카카오모빌리티 택시 보상 (18시간, 1주 전 대비)', en: 'Kakao Mobility taxi compensation (18 h vs one week earlier)' },
  source: MOBILITY_TAXI_DATA.source,
  incidentIds: ['kakao-2022-10'],
  appliesTo: (claim) => claim.claimant.kind === 'taxi',
  compute({ claim, index, averageTicket }): RuleResult {
    const d = MOBILITY_TAXI_DATA;
    const base = { id: d.id, title: this.title, source: d.source };
    const notes: string[] = [];
    if (claim.claimant.kind === 'taxi' && claim.claimant.taxiType !== 'franchise') {
      notes.push(bi('카카오모빌리티는 가맹(블루·블랙·벤티) 기사에게 이 기준으로 보상했어요: 참고용이에요', 'Kakao Mobility paid franchise (Blue/Black/Venti) drivers on this rule: shown for reference'));
    }
    if (index.granularity !== 'hourly') {
      notes.push(bi('이 기준은 시간 단위 기록이 필요해요', 'this rule needs hourly records'));
      return { ...base, computable: false, loss: null, band: null, details: {}, notes };
    }
    const hours = enumerateHours(parseInstant(d.windowStart), parseInstant(d.windowEnd));
    const shift = d.comparisonOffsetDays * 24;
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
    const details = {
      window: { start: d.windowStart, end: d.windowEnd, hours: hours.length },
      comparisonWindow: { start: hourOfEpochHour(hours[0]! - shift), end: hourOfEpochHour(hours[hours.length - 1]! - shift + 1) },
      earningsDuring: roundWon(during),
      earningsWeekBefore: roundWon(before),
    };
    if (missingDates.size > 0) {
      notes.push(bi(`기록이 없는 날이 있어요: ${[...missingDates].sort().join(', ')}`, `no records on: ${[...missingDates].sort().join(', ')}`));
      return { ...base, computable: false, loss: null, band: null, details, notes };
    }
    // Paid in full, no margin applied (section 3.3).
    const loss = roundWon(Math.max(0, before - during));
    return { ...base, computable: true, loss, band: { id: 'full', payout: loss, label: bi('차액 전액', 'the full difference') }, details, notes };
  },
};
