/**
 * Loss model section 1, per channel: "revenue = count x average ticket, where the average ticket is total
 * revenue / total count over the reference buckets that carry both, or else the ticket the user declared".
 * A channel with its own declared average fare (a driver's fare, a merchant's 평균 객단가) uses its own
 * reference records' ticket first and its declared fare when those carry no revenue; a channel without one
 * keeps the claim-level ticket (pooled reference ticket, else the claim's declared ticket), as before.
 */
import type { Claim } from '../model/claim';
import { isDriverKind, type ClaimantKind, type FareSource } from '../model/claimant';
import { bt } from '../model/common';
import { formatWon, roundWon } from '../model/money';
import { RecordIndex } from './record-index';
import type { ReferenceSlots } from './stages/reference-slots';
import type { Assumption, ChannelTicket, ClaimEstimate } from './types';

export const FARE_SOURCE_WORDS: Record<FareSource, { ko: string; en: string }> = {
  'trip-history': { ko: '내 운행 내역', en: 'my trip history' },
  'union-survey': { ko: '조합·협회 조사', en: 'union or association survey' },
  other: { ko: '기타', en: 'other' },
};

/**
 * The declared figure's name and sources in the claimant's words: a driver's 평균 요금 comes from their trip
 * history, a merchant's 평균 객단가 from their own sales records (the stored value `trip-history` is "the
 * claimant's own records" for both; a merchant's reviewer must not read 운행 내역).
 */
export function fareWords(kind: ClaimantKind | undefined): { name: { ko: string; en: string }; entered: string; source: Record<FareSource, { ko: string; en: string }> } {
  if (kind !== 'merchant') return { name: { ko: '평균 요금', en: 'average fare' }, entered: 'fare', source: FARE_SOURCE_WORDS };
  return {
    name: { ko: '평균 객단가', en: 'average ticket' },
    entered: 'average ticket',
    source: { ...FARE_SOURCE_WORDS, 'trip-history': { ko: '내 매출 기록', en: 'my own sales records' }, 'union-survey': { ko: '상인회·협회 조사', en: 'merchant association survey' } },
  };
}

/** The word for what the claimant earns: a merchant's 매출 (sales), a driver's 수입 (fares earned). */
export type EarningsWord = { ko: string; en: string };

/**
 * The claimant's own words for what they earn and where else it came from, for everything a reviewer
 * reads: a driver's packet speaks of 수입 and 평균 요금, not a shop's 매출 and 객단가.
 */
export function earningsWords(kind: ClaimantKind | undefined): ClaimantEarningsWords {
  if (!isDriverKind(kind)) return SHOP_WORDS;
  return kind === 'taxi' ? TAXI_WORDS : DESIGNATED_WORDS;
}

/** `driver`: the claimant drives (a taxi or designated driver), so the texts built on these words are a driver's. */
export type ClaimantEarningsWords = { driver: boolean; earnings: EarningsWord; ticket: { ko: string; en: string } };
const DRIVER_EARNINGS: EarningsWord = { ko: '수입', en: 'earnings' };
const SHOP_WORDS: ClaimantEarningsWords = { driver: false, earnings: { ko: '매출', en: 'sales' }, ticket: fareWords('merchant').name };
const TAXI_WORDS: ClaimantEarningsWords = { driver: true, earnings: DRIVER_EARNINGS, ticket: fareWords('taxi').name };
const DESIGNATED_WORDS: ClaimantEarningsWords = { driver: true, earnings: DRIVER_EARNINGS, ticket: fareWords('designated-driver').name };

export interface ChannelTicketStage {
  averageTicket: ClaimEstimate['averageTicket'];
  /** The ticket each channel index uses for its records without revenue; 0 where none is known. */
  ticket: number[];
  /** True per channel index when a ticket is known (its records without revenue can be valued). */
  known: boolean[];
  channelTickets: ChannelTicket[];
  assumptions: Assumption[];
}

/**
 * Resolves one ticket per channel of `index` from the window's reference slots (`references` is null
 * without a same-slot baseline) and the claim-level ticket stage, whose assumption it keeps only when a
 * channel's records without revenue still use the claim-level ticket.
 */
export function channelTicketStage(
  claim: Pick<Claim, 'claimant'>,
  keys: readonly number[],
  index: Pick<RecordIndex, 'slots' | 'channelIds'>,
  references: ReferenceSlots | null,
  pooled: { averageTicket: ClaimEstimate['averageTicket']; assumptions: Assumption[] },
): ChannelTicketStage {
  const n = index.channelIds.length;
  const revenue = new Array<number>(n).fill(0);
  const count = new Array<number>(n).fill(0);
  const missing = new Array<number>(n).fill(0);
  if (references) {
    for (const key of keys) {
      for (const ref of references.refsOf(key)) {
        const arr = index.slots.get(references.slotKey(key, ref));
        for (let ch = 0; ch < n; ch++) {
          const [r, c] = RecordIndex.channelTicketParts(arr, ch);
          revenue[ch]! += r;
          count[ch]! += c;
        }
      }
    }
  }
  for (const arr of index.slots.values()) for (let ch = 0; ch < n; ch++) missing[ch]! += RecordIndex.channelMissingRevenueCount(arr, ch);

  const { averageTicket } = pooled;
  const ticket: number[] = [];
  const known: boolean[] = [];
  const channelTickets: ChannelTicket[] = [];
  const fareAssumptions: Assumption[] = [];
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
      entry = { channel: id, label, value: averageTicket.value, source: averageTicket.source, declaredFare: null, fareSource: null, fareNote: '' };
      if (missing[ch]! > 0) pooledInUse = true;
    }
    channelTickets.push(entry);
    ticket.push(entry.value ?? 0);
    known.push(entry.value !== null);
    if (fare && missing[ch]! > 0) fareAssumptions.push(fareAssumption(entry, claim.claimant.kind));
  });
  // The claim-level ticket is stated only when some channel's records without revenue use it (as before).
  const assumptions = [...(pooledInUse ? pooled.assumptions : []), ...fareAssumptions];
  return { averageTicket, ticket, known, channelTickets, assumptions };
}

function fareAssumption(t: ChannelTicket, kind: ClaimantKind | undefined): Assumption {
  const words = fareWords(kind);
  const from = words.source[t.fareSource!];
  const note = t.fareNote ? `: ${t.fareNote}` : '';
  const label = { ko: `${t.label}의 ${words.name.ko}`, en: `${words.name.en}, ${t.label}` };
  if (t.source === 'channel-reference') {
    return {
      id: `average-fare:${t.channel}`,
      label,
      value: roundWon(t.value!),
      source: bt(
        `기준일 기록의 매출 합 ÷ 건수 (기록이 있어 적어 둔 ${won(t.declaredFare!)}보다 먼저 써요)`,
        `reference revenue ÷ count (your records come before the ${words.entered} you entered, ${won(t.declaredFare!)})`,
      ),
      confirmed: null,
      basis: 'records',
    };
  }
  return {
    id: `average-fare:${t.channel}`,
    label,
    value: roundWon(t.value!),
    source: bt(`직접 적은 ${words.name.ko} (출처: ${from.ko}${note})`, `the ${words.entered} you entered (source: ${from.en}${note})`),
    confirmed: true,
  };
}

const won = formatWon;
