/**
 * Loss model section 1, per channel: "revenue = count x average ticket, where the average ticket is total
 * revenue / total count over the reference buckets that carry both, or else the ticket the user declared".
 * A channel with its own declared average fare (a driver's fare, a merchant's 평균 객단가) uses its own
 * reference records' ticket first and its declared fare when those carry no revenue; a channel without one
 * keeps the claim-level ticket (pooled reference ticket, else the claim's declared ticket), as before.
 */
import type { Claim } from '../model/claim';
import type { FareSource } from '../model/claimant';
import { bi } from '../model/common';
import { roundWon } from '../model/money';
import { RecordIndex } from './record-index';
import type { Assumption, ChannelTicket, ClaimEstimate } from './types';

export const FARE_SOURCE_WORDS: Record<FareSource, { ko: string; en: string }> = {
  'trip-history': { ko: '내 운행 내역', en: 'my trip history' },
  'union-survey': { ko: '조합·협회 조사', en: 'union or association survey' },
  other: { ko: '기타', en: 'other' },
};

export interface ChannelTickets {
  /** The ticket each channel index uses for its records without revenue; 0 where none is known. */
  tickets: number[];
  /** True per channel index when a ticket is known (its records without revenue can be valued). */
  known: boolean[];
  channels: ChannelTicket[];
  assumptions: Assumption[];
}

/**
 * Resolves one ticket per channel of `index` from the reference slots of the window (every slot visited
 * once per window bucket and reference date, as the pooled ticket is) and the claim-level ticket.
 */
export function resolveChannelTickets(
  claim: Claim,
  index: RecordIndex,
  referenceSlots: readonly (number[] | undefined)[],
  pooled: ClaimEstimate['averageTicket'],
): ChannelTickets {
  const n = index.channelIds.length;
  const revenue = new Array<number>(n).fill(0);
  const count = new Array<number>(n).fill(0);
  const missing = new Array<number>(n).fill(0);
  for (const arr of referenceSlots) {
    for (let ch = 0; ch < n; ch++) {
      const [r, c] = RecordIndex.channelTicketParts(arr, ch);
      revenue[ch]! += r;
      count[ch]! += c;
    }
  }
  for (const arr of index.slots.values()) for (let ch = 0; ch < n; ch++) missing[ch]! += RecordIndex.missingRevenueCount(arr, (x) => x === ch);

  const tickets: number[] = [];
  const known: boolean[] = [];
  const channels: ChannelTicket[] = [];
  const assumptions: Assumption[] = [];
  let pooledInUse = false;
  index.channelIds.forEach((id, ch) => {
    const channel = claim.claimant.salesChannels.find((c) => c.id === id);
    const label = channel?.label ?? id;
    const fare = channel?.averageFare;
    let entry: ChannelTicket;
    if (fare && count[ch]! > 0) {
      entry = { channel: id, label, value: revenue[ch]! / count[ch]!, source: 'channel-reference', declaredFare: fare.amount, fareSource: fare.source, fareNote: fare.note };
    } else if (fare) {
      entry = { channel: id, label, value: fare.amount, source: 'channel-declared', declaredFare: fare.amount, fareSource: fare.source, fareNote: fare.note };
    } else {
      entry = { channel: id, label, value: pooled.value, source: pooled.source, declaredFare: null, fareSource: null, fareNote: '' };
      if (missing[ch]! > 0) pooledInUse = true;
    }
    channels.push(entry);
    tickets.push(entry.value ?? 0);
    known.push(entry.value !== null);
    if (fare && missing[ch]! > 0) assumptions.push(fareAssumption(entry));
  });

  // The claim-level ticket is stated only when some channel's records without revenue use it (as before).
  if (pooledInUse && pooled.value !== null) {
    assumptions.unshift({
      id: 'average-ticket',
      label: bi('매출이 빈 기록의 평균 객단가', 'average ticket for records without revenue'),
      value: roundWon(pooled.value),
      source: pooled.source === 'reference'
        ? bi('기준 구간의 매출 합 ÷ 건수', 'reference revenue / count')
        : bi('직접 적은 객단가', 'the ticket you declared'),
      confirmed: pooled.source === 'declared',
    });
  }
  return { tickets, known, channels, assumptions };
}

function fareAssumption(t: ChannelTicket): Assumption {
  const words = FARE_SOURCE_WORDS[t.fareSource!];
  const note = t.fareNote ? `: ${t.fareNote}` : '';
  if (t.source === 'channel-reference') {
    return {
      id: `average-fare:${t.channel}`,
      label: bi(`${t.label}의 평균 요금`, `average fare, ${t.label}`),
      value: roundWon(t.value!),
      source: bi(
        `기준일 기록의 매출 합 ÷ 건수 (기록이 있어 적어 둔 ${won(t.declaredFare!)}보다 먼저 써요)`,
        `reference revenue / count (your records come before the fare you entered, ${won(t.declaredFare!)})`,
      ),
      confirmed: null,
    };
  }
  return {
    id: `average-fare:${t.channel}`,
    label: bi(`${t.label}의 평균 요금`, `average fare, ${t.label}`),
    value: roundWon(t.value!),
    source: bi(`직접 적은 평균 요금 (출처: ${words.ko}${note})`, `the fare you entered (source: ${words.en}${note})`),
    confirmed: true,
  };
}

const won = (n: number) => `${Math.round(n).toLocaleString('en-US')}원`;
