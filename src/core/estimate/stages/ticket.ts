/**
 * Stage "1. Units", the average ticket: total revenue / total count over the reference buckets that carry
 * both, else the ticket the user declared. Records without revenue are valued at it.
 */
import { josa } from 'es-hangul';
import type { ClaimantEarningsWords } from '../channel-fares';
import { bt } from '../../model/common';
import { roundWon } from '../../model/money';
import { RecordIndex } from '../record-index';
import type { Assumption, ClaimEstimate } from '../types';
import type { ReferenceSlots } from './reference-slots';

export interface TicketStage {
  averageTicket: ClaimEstimate['averageTicket'];
  /** The ticket the figures use: 0 when none is known. */
  ticket: number;
  assumptions: Assumption[];
}

/** `references` is null when the claim is not computed against reference records (no same-slot baseline). */
export function averageTicketStage(keys: readonly number[], index: Pick<RecordIndex, 'slots'>, references: ReferenceSlots | null, declaredTicket: number | undefined, words?: ClaimantEarningsWords): TicketStage {
  let ticketRevenue = 0;
  let ticketCount = 0;
  if (references) {
    for (const key of keys) {
      for (const ref of references.refsOf(key)) {
        const [r, c] = RecordIndex.ticketParts(index.slots.get(references.slotKey(key, ref)));
        ticketRevenue += r;
        ticketCount += c;
      }
    }
  }
  let missingRevenue = 0;
  for (const arr of index.slots.values()) missingRevenue += RecordIndex.missingRevenueCount(arr);
  let averageTicket: ClaimEstimate['averageTicket'];
  if (ticketCount > 0) averageTicket = { value: ticketRevenue / ticketCount, source: 'reference' };
  else if (declaredTicket !== undefined) averageTicket = { value: declaredTicket, source: 'declared' };
  else averageTicket = { value: null, source: 'none' };
  const ticket = averageTicket.value ?? 0;
  const assumptions: Assumption[] = [];
  if (missingRevenue > 0 && averageTicket.source !== 'none') {
    assumptions.push({
      id: 'average-ticket',
      // A driver's calls are valued at their 평균 요금 and earn 수입; a shop's keep 매출 and 객단가.
      label: words?.driver
        ? { ko: `${josa(words.earnings.ko, '이/가')} 빈 기록의 ${words.ticket.ko}`, en: `${words.ticket.en} for records without ${words.earnings.en}` }
        : { ko: '매출이 빈 기록의 평균 객단가', en: 'average ticket for records without revenue' },
      value: roundWon(ticket),
      source: averageTicket.source === 'reference'
        ? words?.driver ? bt(`기준 구간의 ${words.earnings.ko} 합 ÷ 건수`, `reference ${words.earnings.en} ÷ count`) : bt('기준 구간의 매출 합 ÷ 건수', 'reference revenue ÷ count')
        : words?.driver ? bt(`직접 적은 ${words.ticket.ko}`, `the ${words.ticket.en} you declared`) : bt('직접 적은 객단가', 'the ticket you declared'),
      confirmed: averageTicket.source === 'declared',
    });
  }
  return { averageTicket, ticket, assumptions };
}
