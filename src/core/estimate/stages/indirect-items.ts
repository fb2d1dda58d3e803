/**
 * Stage "5. Indirect loss (특별손해)": after-effect, extra labour, time spent on the claim, lost regular
 * customers; each item rounded once, I = their sum.
 */
import type { Claim, IndirectItem } from '../../model/claim';
import { josa } from 'es-hangul';
import { bt } from '../../model/common';
import { roundWon, sumWon, type Won } from '../../model/money';
import { dateOfEpochDay } from '../../time/kst';
import { MINIMUM_WAGE_SOURCE, minimumWageAssumedNote, minimumWageFor, wageYearOf, type MinimumWage } from '../minimum-wage';
import type { RecordIndex } from '../record-index';
import type { Assumption, IndirectItemFigure } from '../types';
import type { Baseline } from './baseline';
import { uniqueDays, type ClaimBuckets } from './claim-window';
import type { SpanFigures } from './expected-actual';

export interface IndirectItemsInput {
  buckets: Pick<ClaimBuckets, 'tailKeys' | 'tailDays' | 'dayOfKey' | 'bucketName'>;
  index: Pick<RecordIndex, 'slots' | 'days'>;
  /** Reference dates of window and tail dates (the reference-weeks stage). */
  referenceDates: Readonly<Record<string, string[]>>;
  baseline: Baseline;
  requestedK: number;
  m: number;
  revenueComputable: boolean;
  /** The claimant's word for the average per order or call (평균 객단가, a driver's 평균 요금). */
  ticket: { ko: string; en: string };
  /** The span of the tail buckets against the given reference dates and number of weeks, unscaled. */
  tailSpan: (keys: readonly number[], referenceDates: Record<string, string[]>, kWeeks: number) => SpanFigures;
}

export interface IndirectItemsStage {
  indirectItems: IndirectItemFigure[];
  indirectTotal: Won;
  /** Reference dates of the after-effect's tail dates. */
  tailReferenceDates: Record<string, string[]>;
  /** The minimum wage used for claim time, when there is such an item. */
  assumptions: Assumption[];
}

export function indirectItemsStage(claim: Pick<Claim, 'incident' | 'indirectItems'>, input: IndirectItemsInput): IndirectItemsStage {
  const tail = tailReferenceWeeks(input.buckets, input.referenceDates);
  const wage = minimumWageFor(wageYearOf(claim.incident));
  const indirectItems = claim.indirectItems.map((item): IndirectItemFigure => {
    const common = { id: item.id, kind: item.kind, justification: item.justification, evidenceIds: item.evidenceIds };
    switch (item.kind) {
      case 'after-effect':
        return { ...common, ...afterEffect(item, input, tail) };
      case 'extra-labour':
        return {
          ...common, speculative: false, note: null,
          label: bt('추가 인건비', 'extra labour'),
          amount: roundWon(item.hours * item.hourlyWage),
          inputs: { hours: item.hours, hourlyWage: item.hourlyWage },
        };
      case 'claim-prep':
        return {
          ...common, speculative: false,
          label: bt('청구 준비에 쓴 시간', 'time spent on the claim'),
          amount: roundWon(item.hours * wage.wage),
          inputs: { hours: item.hours, minimumWage: wage.wage, wageYear: wage.tableYear },
          note: wage.assumed ? minimumWageAssumedNote(wage) : null,
        };
      case 'lost-regulars':
        return {
          ...common, speculative: true,
          label: bt('잃은 단골손님 (추정)', 'lost regular customers (speculative)'),
          amount: roundWon(item.customers * item.monthlySpend * input.m * Math.min(3, item.months)),
          inputs: { customers: item.customers, monthlySpend: item.monthlySpend, margin: input.m, months: Math.min(3, item.months) },
          note: bt('추정이에요: 조정 기관이 인정하지 않을 수 있어요', 'speculative: a mediator may not accept it'),
        };
    }
  });
  const hasClaimPrep = claim.indirectItems.some((i) => i.kind === 'claim-prep');
  return {
    indirectItems,
    indirectTotal: sumWon(indirectItems.map((i) => i.amount)),
    tailReferenceDates: tail.byDate,
    assumptions: hasClaimPrep ? [minimumWageAssumption(wage)] : [],
  };
}

/**
 * The tail's reference dates. Dates of the tail with no reference found (e.g. a weekly closing day)
 * expect nothing; the others are cut to a common K so the estimator sees the same number of values.
 */
export function tailReferenceWeeks(buckets: Pick<ClaimBuckets, 'tailKeys' | 'dayOfKey'>, referenceDates: Readonly<Record<string, string[]>>): { byDate: Record<string, string[]>; k: number } {
  const tailDates = uniqueDays(buckets.tailKeys, buckets.dayOfKey).map(dateOfEpochDay);
  const found = tailDates.map((d) => referenceDates[d]?.length ?? 0).filter((n) => n > 0);
  const k = found.length ? Math.min(...found) : 0;
  const byDate: Record<string, string[]> = {};
  for (const d of tailDates) byDate[d] = (referenceDates[d] ?? []).slice(0, k);
  return { byDate, k };
}

/** Section 5: the computation of section 4 over the tail after restoration, if there are records for it. */
function afterEffect(item: Extract<IndirectItem, { kind: 'after-effect' }>, input: IndirectItemsInput, tail: { byDate: Record<string, string[]>; k: number }) {
  const { buckets, index, m } = input;
  const hasRecords = buckets.tailKeys.some((k) => index.slots.has(k)) || buckets.tailDays.some((d) => index.days.has(d));
  const label = bt(`복구 후 ${item.tailHours}시간의 후속 영향`, `after-effect over ${item.tailHours} h after restoration`);
  const inputs = { tailHours: item.tailHours, tailStart: buckets.tailKeys.length ? buckets.bucketName(buckets.tailKeys[0]!) : null, margin: m };
  if (!input.revenueComputable) {
    return { label, amount: roundWon(0), speculative: false, inputs, note: bt(`${josa(input.ticket.ko, '이/가')} 없어 계산할 수 없어요`, `not computable without an ${input.ticket.en}`) };
  }
  if (!hasRecords) {
    return { label, amount: roundWon(0), speculative: false, inputs, note: bt('복구 후 기간의 기록이 없어 0원이에요', 'no records after restoration: 0 KRW') };
  }
  const sameSlot = input.baseline === 'same-slot';
  const span = input.tailSpan(buckets.tailKeys, tail.byDate, sameSlot ? tail.k : 0);
  return {
    label, speculative: false,
    amount: roundWon(Math.max(0, span.E - span.A) * m),
    inputs: { ...inputs, expectedRevenue: span.E, actualRevenue: span.A, referenceDates: Object.entries(tail.byDate).map(([d, r]) => `${d}: ${r.join(' ')}`).join('; ') },
    note: sameSlot && tail.k < input.requestedK ? bt(`기준일 ${tail.k}개로 계산했어요`, `computed with ${tail.k} reference dates`) : null,
  };
}

function minimumWageAssumption(wage: MinimumWage): Assumption {
  return {
    id: 'minimum-wage',
    label: { ko: '청구 준비 시간의 시급 (최저임금)', en: 'hourly value of claim time (minimum wage)' },
    value: wage.wage,
    source: wage.assumed
      ? minimumWageAssumedNote(wage)
      : bt(`${wage.year}년 법정 최저임금 (${MINIMUM_WAGE_SOURCE.ko})`, `statutory minimum wage ${wage.year} (${MINIMUM_WAGE_SOURCE.en})`),
    // An assumed figure is shown as an assumption to confirm, like a default margin (section 5).
    confirmed: wage.assumed ? false : null,
    ...(wage.assumed ? {} : { basis: 'public' as const }),
  };
}
