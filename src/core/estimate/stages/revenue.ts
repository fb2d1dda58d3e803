/**
 * Stage "1. Units", counts without revenue: with no ticket anywhere the revenue figures are not
 * computable. The estimate says so in words and gives the counts; it never values calls at 0 KRW.
 */
import { josa } from 'es-hangul';
import { earningsWords, type ClaimantEarningsWords } from '../channel-fares';
import { bt } from '../../model/common';
import { RecordIndex } from '../record-index';
import type { Assumption, ClaimEstimate, EstimateWarning } from '../types';
import type { ReferenceSlots } from './reference-slots';

export interface RevenueStage {
  revenue: ClaimEstimate['revenue'];
  warnings: EstimateWarning[];
  assumptions: Assumption[];
}

/** `references` is null without a same-slot baseline; `counts` are the window's expected and actual counts. */
export function revenueStage(
  /** One answer for every channel, or one per channel index (a channel with its own declared fare). */
  ticketKnown: boolean | readonly boolean[],
  keys: readonly number[],
  index: Pick<RecordIndex, 'slots'>,
  references: ReferenceSlots | null,
  counts: { expected: number; actual: number },
  words: ClaimantEarningsWords = earningsWords('merchant'),
): RevenueStage {
  const refSlots = references
    ? (key: number) => references.refsOf(key).map((ref) => index.slots.get(references.slotKey(key, ref)))
    : () => [];
  const unpriced = typeof ticketKnown === 'boolean' ? undefined : (ch: number) => !ticketKnown[ch];
  const revenue = revenueComputability(ticketKnown === true || !spanNeedsTicket(keys, (key) => index.slots.get(key), refSlots, unpriced), counts.expected, counts.actual, words);
  if (revenue.computable) return { revenue, warnings: [], assumptions: [] };
  return {
    revenue,
    warnings: [{ code: 'revenue-not-computable', message: revenue.message! }],
    assumptions: [{
      id: 'average-ticket-missing',
      label: words.driver ? { ko: `${words.ticket.ko} (한 건 평균)`, en: words.ticket.en } : { ko: '평균 객단가 (한 건 평균 요금)', en: 'average ticket (average fare)' },
      value: bt('없음', 'none'),
      source: bt(`${words.earnings.ko} 없이 건수만 있어요: ${josa(words.ticket.ko, '을/를')} 적으면 ${words.earnings.ko}과 손실 이익을 계산해요`, `counts only: enter an ${words.ticket.en} and ${words.driver ? words.earnings.en : 'revenue'} and lost profit are computed`),
      confirmed: false,
    }],
  };
}

/** True when a window bucket or one of its reference slots holds a count without revenue (section 1), on a channel `unpriced` accepts when given. */
export function spanNeedsTicket(keys: readonly number[], actual: (key: number) => number[] | undefined, references: (key: number) => (number[] | undefined)[], unpriced?: (channel: number) => boolean): boolean {
  return keys.some((key) => RecordIndex.missingRevenueCount(actual(key), unpriced) > 0 || references(key).some((arr) => RecordIndex.missingRevenueCount(arr, unpriced) > 0));
}

/** Section 1: whether revenue figures can be given, and the words when they cannot (counts to one decimal). */
export function revenueComputability(computable: boolean, expectedCount: number, actualCount: number, words: ClaimantEarningsWords = earningsWords('merchant')): ClaimEstimate['revenue'] {
  if (computable) return { computable: true, message: null };
  const one = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
  const lost = one(Math.max(0, expectedCount - actualCount));
  if (words.driver) {
    // A driver: fares earned (수입) and the average fare (평균 요금), in their words.
    const { earnings: w, ticket } = words;
    return {
      computable: false,
      message: bt(
        `기록에 ${w.ko} 없이 건수만 있고 ${ticket.ko}도 없어 ${w.ko}과 손실 이익을 계산할 수 없어요. 예상 ${one(expectedCount)}건, 실제 ${one(actualCount)}건, 놓친 건수 ${lost}건이에요. ${josa(ticket.ko, '을/를')} 적어 주세요`,
        `${w.en} and lost profit are not computable: the records carry counts only and no ${ticket.en} is known. Expected ${one(expectedCount)} calls, actual ${one(actualCount)}, lost ${lost}. Please enter an ${ticket.en}`,
      ),
    };
  }
  return {
    computable: false,
    message: bt(
      `기록에 매출 없이 건수만 있고 평균 객단가(한 건 평균 요금)도 없어 매출과 손실 이익을 계산할 수 없어요. 예상 ${one(expectedCount)}건, 실제 ${one(actualCount)}건, 놓친 건수 ${lost}건이에요. 평균 객단가를 적어 주세요`,
      `revenue and lost profit are not computable: the records carry counts only and no average ticket (average fare) is known. Expected ${one(expectedCount)} orders or calls, actual ${one(actualCount)}, lost ${lost}. Please enter an average ticket`,
    ),
  };
}
