/**
 * The loss engine: ONE pure function from a claim to every figure the UI and the packet show
 * (shared/loss-model.md, "the contract"). Section numbers below refer to that page.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Claim, DeclaredBaseline } from '../model/claim';
import { bi } from '../model/common';
import type { IncidentPack } from '../model/incident-pack';
import { roundWon, sumWon, type Won } from '../model/money';
import {
  dateOfEpochDay,
  epochDayOf,
  epochDayOfEpochHour,
  firstEpochHourOfDay,
  hourOfEpochHour,
  kstHourOfDay,
  weekdayOfEpochDay,
  type KstBucket,
} from '../time/kst';
import { estimate, sampleStandardDeviation } from './estimators';
import { explicitK, MAX_REFERENCE_DATES, ReferenceDatesInputError, referenceDateProblems } from './explicit-references';
import { resolveChannelTickets } from './channel-fares';
import { resolveMargin } from './margin';
import { MINIMUM_WAGE_SOURCE, minimumWageAssumedNote, minimumWageFor, wageYearOf } from './minimum-wage';
import { RecordIndex } from './record-index';
import { suggestReferenceDates } from './reference-dates';
import { rulesFor, type RuleResult } from './rules/index';
import type {
  Assumption,
  BucketFigures,
  ChannelFigures,
  ClaimEstimate,
  EstimateWarning,
  IndirectItemFigure,
  LostProfitRange,
} from './types';
import { resolveClaimWindow, windowBucketKeys } from './window';

export interface EstimateOptions {
  /** Overrides `parameters.alpha` (0.05 for a 95% range). */
  alpha?: number;
  /** Explicit reference dates per window date, overriding the claim's lists. */
  referenceDates?: Record<string, string[]>;
  /** The incident pack the claim's incident comes from, when it is not bundled (an imported pack file). */
  pack?: IncidentPack;
}

/** Trend factor bounds (section 3.1). */
const TREND_MIN = 0.5;
const TREND_MAX = 2;

interface SpanFigures {
  buckets: BucketFigures[];
  E: number;
  A: number;
  Ecount: number;
  Acount: number;
  /** T_k per reference week (section 6). */
  T: number[];
  channelExpRevenue: number[];
  channelExpCount: number[];
  channelActRevenue: number[];
  channelActCount: number[];
}

/** The gap between a rule's figure and the app's lost-profit estimate, in words (Korean / English). */
export function ruleGap(ruleFigure: Won | null, lostProfit: Won): RuleResult['gap'] {
  if (ruleFigure === null) return null;
  const difference = (lostProfit - ruleFigure) as Won;
  const fmt = (n: number) => `${Math.abs(Math.round(n)).toLocaleString('en-US')}원`;
  const words =
    difference > 0
      ? bi(`회사 기준 금액 ${fmt(ruleFigure)}은 앱이 계산한 잃은 이익 ${fmt(lostProfit)}보다 ${fmt(difference)} 적어요. 이 차이를 온라인피해365센터나 분쟁조정에 청구할 수 있어요`, `the company's figure ${fmt(ruleFigure)} is ${fmt(difference)} below the app's lost-profit estimate ${fmt(lostProfit)}; the difference can be taken to the 365 Center or mediation`)
      : difference < 0
        ? bi(`회사 기준 금액 ${fmt(ruleFigure)}이 앱이 계산한 잃은 이익 ${fmt(lostProfit)}보다 ${fmt(difference)} 많아요`, `the company's figure ${fmt(ruleFigure)} is ${fmt(difference)} above the app's lost-profit estimate ${fmt(lostProfit)}`)
        : bi(`회사 기준 금액과 앱이 계산한 잃은 이익이 ${fmt(lostProfit)}으로 같아요`, `the company's figure equals the app's lost-profit estimate, ${fmt(lostProfit)}`);
  return { ruleFigure, appEstimate: lostProfit, difference, words };
}

export function estimateClaim(claim: Claim, opts: EstimateOptions = {}): ClaimEstimate {
  const p = claim.parameters;
  const alpha = opts.alpha ?? p.alpha;
  const granularity = claim.granularity;
  const hourly = granularity === 'hourly';
  const warnings: EstimateWarning[] = [];
  const warn = (code: string, ko: string, en: string) => warnings.push({ code, message: bi(ko, en) });
  const assumptions: Assumption[] = [];

  // Section 2: window and buckets.
  const window = resolveClaimWindow(claim);
  if (window.allServicesAssumed) {
    warn('services-unspecified', '의존하는 서비스를 고르지 않아 장애 서비스 전체의 기간을 썼어요', 'no services chosen: the union of every service window is used');
  }
  const keys = windowBucketKeys(window, granularity);
  const dayOfKey = hourly ? epochDayOfEpochHour : (k: number) => k;
  const bucketName = (k: number): KstBucket => (hourly ? hourOfEpochHour(k) : dateOfEpochDay(k));

  // Section 1: records, one pass.
  const index = new RecordIndex(claim.records, claim.claimant.salesChannels.map((c) => c.id), granularity);
  const nCh = index.channelIds.length;

  // Section 5: the after-effect's tail window follows the last window bucket.
  const afterEffect = claim.indirectItems.find((x) => x.kind === 'after-effect');
  const tailKeys: number[] = [];
  if (afterEffect && keys.length > 0) {
    const last = keys[keys.length - 1]!;
    const n = hourly ? afterEffect.tailHours : Math.ceil(afterEffect.tailHours / 24);
    for (let i = 1; i <= n; i++) tailKeys.push(last + i);
  }

  const uniqueDays = (ks: number[]) => [...new Set(ks.map(dayOfKey))].sort((a, b) => a - b);
  const windowDays = uniqueDays(keys);
  const tailDays = uniqueDays(tailKeys).filter((d) => !windowDays.includes(d));

  // Section 3.1: reference dates, explicit where given, suggested otherwise (and reported as such).
  const explicit = opts.referenceDates ?? claim.referenceDates.byWindowDate;
  const windowDateNames = windowDays.map(dateOfEpochDay);
  const refProblems = referenceDateProblems(explicit, windowDateNames);
  if (refProblems.length > 0) throw new ReferenceDatesInputError(refProblems);
  // Explicit lists define K (section 3.1); window dates without a list get that many suggested dates.
  const requestedK = explicitK(explicit, windowDateNames) ?? p.k;
  const excluded = new Set([...windowDays, ...tailDays].map(dateOfEpochDay));
  const datesWithRecords = new Set<string>();
  for (const d of index.days.keys()) datesWithRecords.add(dateOfEpochDay(d));
  const allDates = [...windowDays, ...tailDays].map(dateOfEpochDay);
  const suggestion = suggestReferenceDates({
    windowDates: allDates.filter((d) => explicit[d] === undefined),
    datesWithRecords,
    abnormalDates: claim.referenceDates.abnormalDates,
    excludedDates: excluded,
    k: requestedK,
  });
  if (suggestion.holidayYearsUnknown.length > 0) {
    warn('holidays-unknown', `공휴일 목록이 없는 해가 있어요: ${suggestion.holidayYearsUnknown.join(', ')}`, `no public-holiday list for: ${suggestion.holidayYearsUnknown.join(', ')}`);
  }
  const refsByDate: Record<string, string[]> = {};
  const refSource: Record<string, 'claim' | 'suggested'> = {};
  for (const date of allDates) {
    const list = explicit[date];
    refsByDate[date] = list ? [...list] : (suggestion.byWindowDate[date] ?? []);
    refSource[date] = list ? 'claim' : 'suggested';
    if (list) {
      for (const ref of list) {
        if (!datesWithRecords.has(ref)) warn('reference-without-records', `기준일 ${ref}에 기록이 없어 0으로 계산했어요`, `reference date ${ref} has no records and counts as zero`);
      }
    }
  }
  const windowDates = windowDays.map(dateOfEpochDay);
  const kFound = windowDates.length ? Math.min(...windowDates.map((d) => refsByDate[d]!.length)) : 0;
  const K = Math.min(kFound, MAX_REFERENCE_DATES);
  if (windowDates.length && K < requestedK) {
    warn('fewer-reference-dates', `기준일을 ${requestedK}개 찾지 못해 ${K}개로 계산했어요 (최대 12주 전까지 찾아봤어요)`, `found only ${K} of ${requestedK} reference dates (looked back 12 weeks); K = ${K}`);
  }
  if (p.estimator === 'trimmed' && K < 4 && K > 0) {
    warn('trimmed-needs-4', '절사 평균은 기준일이 4개 이상일 때만 써요: 평균으로 계산했어요', 'trimmed mean needs K >= 4: the mean was used');
  }
  // Week k pairs the k-th reference date of every window date (section 3.1).
  for (const d of windowDates) refsByDate[d] = refsByDate[d]!.slice(0, K);

  // Which baseline (sections 3.1, 3.2).
  let baseline: ClaimEstimate['baseline'];
  if (p.baseline === 'declared' || (p.baseline === 'auto' && K === 0)) baseline = claim.declaredBaseline ? 'declared' : 'none';
  else baseline = K >= 1 ? 'same-slot' : 'none';
  if (baseline === 'none') {
    warn('no-baseline', '기준이 될 기록도, 직접 적은 평소 매출도 없어 예상 매출을 0으로 봤어요', 'no reference records and no declared baseline: expected revenue is zero');
  }

  // Reference slot of bucket key `key` on reference date `ref` (same hour of day, section 3.1).
  // Reference dates as epoch days, memoized per list (the hot loop below runs per bucket and week).
  const refDayCache = new Map<string, number>();
  const refDay = (ref: string): number => {
    let d = refDayCache.get(ref);
    if (d === undefined) refDayCache.set(ref, (d = epochDayOf(ref)));
    return d;
  };
  const refSlotKey = (key: number, ref: string): number =>
    hourly ? firstEpochHourOfDay(refDay(ref)) + kstHourOfDay(key) : refDay(ref);
  // The after-effect reads its own lists so the window's reference weeks are never altered by it.
  const tailRefsByDate: Record<string, string[]> = {};
  let refsInUse = refsByDate;
  const dateNameCache = new Map<number, string>();
  const refsOfKey = (key: number): string[] => {
    const day = dayOfKey(key);
    let name = dateNameCache.get(day);
    if (name === undefined) dateNameCache.set(day, (name = dateOfEpochDay(day)));
    return refsInUse[name] ?? [];
  };

  // Section 1: average ticket over the reference buckets that carry both count and revenue.
  let ticketRevenue = 0;
  let ticketCount = 0;
  const referenceSlots: (number[] | undefined)[] = [];
  if (baseline === 'same-slot') {
    for (const key of keys) {
      for (const ref of refsOfKey(key)) {
        const arr = index.slots.get(refSlotKey(key, ref));
        const [r, c] = RecordIndex.ticketParts(arr);
        ticketRevenue += r;
        ticketCount += c;
        referenceSlots.push(arr);
      }
    }
  }
  let averageTicket: ClaimEstimate['averageTicket'];
  if (ticketCount > 0) averageTicket = { value: ticketRevenue / ticketCount, source: 'reference' };
  else if (p.averageTicket !== undefined) averageTicket = { value: p.averageTicket, source: 'declared' };
  else averageTicket = { value: null, source: 'none' };
  // Per channel: a channel's declared average fare where its own reference records carry no revenue.
  const channelTickets = resolveChannelTickets(claim, index, referenceSlots, averageTicket);
  const ticket = channelTickets.tickets;
  assumptions.push(...channelTickets.assumptions);

  // Declared baseline lookup (section 3.2): a day-part's usual count spread evenly over its hours.
  const declaredFor = makeDeclared(claim.declaredBaseline);

  const computeSpan = (spanKeys: number[], kWeeks: number, factor: number): SpanFigures => {
    const span: SpanFigures = {
      buckets: [], E: 0, A: 0, Ecount: 0, Acount: 0, T: new Array<number>(kWeeks).fill(0),
      channelExpRevenue: new Array<number>(nCh).fill(0), channelExpCount: new Array<number>(nCh).fill(0),
      channelActRevenue: new Array<number>(nCh).fill(0), channelActCount: new Array<number>(nCh).fill(0),
    };
    const vals = new Array<number>(kWeeks);
    const cnts = new Array<number>(kWeeks);
    const chVals = new Array<number>(kWeeks);
    const slots = new Array<number[] | undefined>(kWeeks);
    for (const key of spanKeys) {
      let expRev = 0;
      let expCnt = 0;
      let referenceRevenue: number[] = [];
      if (baseline === 'same-slot') {
        const refs = refsOfKey(key);
        for (let k = 0; k < kWeeks; k++) {
          const arr = refs[k] === undefined ? undefined : index.slots.get(refSlotKey(key, refs[k]!));
          slots[k] = arr;
          vals[k] = RecordIndex.revenue(arr, ticket) * factor;
          cnts[k] = RecordIndex.count(arr) * factor;
          span.T[k]! += vals[k]!;
        }
        expRev = estimate(vals, p.estimator);
        expCnt = estimate(cnts, p.estimator);
        referenceRevenue = vals.slice();
        for (let ch = 0; ch < nCh; ch++) {
          for (let k = 0; k < kWeeks; k++) chVals[k] = RecordIndex.revenue(slots[k], ticket, ch) * factor;
          span.channelExpRevenue[ch]! += estimate(chVals, p.estimator);
          for (let k = 0; k < kWeeks; k++) chVals[k] = RecordIndex.count(slots[k], ch) * factor;
          span.channelExpCount[ch]! += estimate(chVals, p.estimator);
        }
      } else if (baseline === 'declared') {
        const d = declaredFor(key, hourly);
        expRev = d.revenue;
        expCnt = d.count;
      }
      const actual = index.slots.get(key);
      const actRev = RecordIndex.revenue(actual, ticket);
      const actCnt = RecordIndex.count(actual);
      const byChannel = new Array<number>(nCh);
      for (let ch = 0; ch < nCh; ch++) {
        byChannel[ch] = RecordIndex.revenue(actual, ticket, ch);
        span.channelActRevenue[ch]! += byChannel[ch]!;
        span.channelActCount[ch]! += RecordIndex.count(actual, ch);
      }
      span.E += expRev;
      span.Ecount += expCnt;
      span.A += actRev;
      span.Acount += actCnt;
      span.buckets.push({
        bucket: bucketName(key),
        expectedRevenue: expRev,
        expectedCount: expCnt,
        actualRevenue: actRev,
        actualCount: actCnt,
        actualRevenueByChannel: byChannel,
        referenceRevenue,
      });
    }
    return span;
  };

  // Section 3.1: optional same-day trend factor from the hours of the first window day before the window.
  const trend: ClaimEstimate['trend'] = { enabled: p.trendFactor, applied: false, factor: 1, rawFactor: null, hours: [], actualBefore: 0, expectedBefore: 0 };
  if (p.trendFactor) {
    if (!hourly) warn('trend-needs-hourly', '추세 보정은 시간 단위 기록에서만 써요', 'the trend factor needs hourly records');
    else if (baseline !== 'same-slot') warn('trend-needs-references', '추세 보정은 기준일 기록이 있어야 해요', 'the trend factor needs reference records');
    else if (keys.length > 0) {
      const first = keys[0]!;
      const before: number[] = [];
      for (let h = firstEpochHourOfDay(dayOfKey(first)); h < first; h++) before.push(h);
      if (before.length === 0) warn('trend-no-hours', '장애가 자정에 시작해 추세를 잴 시간이 없어요', 'the window starts at midnight: no hours to measure a trend');
      else {
        const pre = computeSpan(before, K, 1);
        trend.hours = before.map(hourOfEpochHour);
        trend.actualBefore = pre.A;
        trend.expectedBefore = pre.E;
        if (pre.E > 0) {
          trend.rawFactor = pre.A / pre.E;
          trend.factor = Math.min(TREND_MAX, Math.max(TREND_MIN, trend.rawFactor));
          trend.applied = true;
        } else warn('trend-no-expected', '장애 전 시간의 예상 매출이 0이라 추세 보정을 하지 않았어요', 'expected revenue before the window is zero: no trend factor');
      }
    }
    assumptions.push({
      id: 'trend-factor',
      label: bi('당일 추세 보정', 'same-day trend factor'),
      value: trend.factor,
      source: bi(`장애 전 ${trend.hours.length}시간의 실제÷예상, 0.5~2배로 제한`, `actual / expected over the ${trend.hours.length} hours before the window, kept between 0.5 and 2`),
      confirmed: null,
    });
  }

  const span = computeSpan(keys, baseline === 'same-slot' ? K : 0, trend.factor);
  const E = span.E;
  const A = span.A;

  // Section 1: counts without revenue and no ticket anywhere: revenue figures are not computable. The
  // estimate says so in words and gives the counts; it never values the calls at 0 KRW as a "ticket".
  const revenue = revenueComputability(
    !spanNeedsTicket(keys, (key) => index.slots.get(key), baseline === 'same-slot' ? (key) => refsOfKey(key).map((ref) => index.slots.get(refSlotKey(key, ref))) : () => [], (ch) => !channelTickets.known[ch]),
    span.Ecount,
    span.Acount,
  );
  if (!revenue.computable) {
    warnings.push({ code: 'revenue-not-computable', message: revenue.message! });
    assumptions.push({
      id: 'average-ticket-missing',
      label: bi('평균 객단가 (한 건 평균 요금)', 'average ticket (average fare)'),
      value: bi('없음', 'none'),
      source: bi('매출 없이 건수만 있어요: 평균 객단가를 적으면 매출과 손실 이익을 계산해요', 'counts only: enter an average ticket and revenue and lost profit are computed'),
      confirmed: false,
    });
  }

  // Section 4: direct loss.
  const margin = resolveMargin(claim.claimant, p);
  const m = margin.m;
  const LR = Math.max(0, E - A);
  const lostCount = Math.max(0, span.Ecount - span.Acount);
  const lostProfit = roundWon(LR * m);

  // Section 6: range.
  let range: LostProfitRange;
  const level = Number((1 - alpha).toFixed(10));
  if (baseline === 'same-slot' && K >= 2) {
    const s = sampleStandardDeviation(span.T);
    const q = tQuantile(1 - alpha / 2, K - 1);
    const h = q * s * Math.sqrt(1 + 1 / K);
    range = {
      low: roundWon(Math.max(0, E - h - A) * m),
      high: roundWon(Math.max(0, E + h - A) * m),
      level, alpha, driver: 'reference-weeks',
      driverLabel: bi(`기준 주 사이의 변동 (s = ${s.toFixed(2)})`, `week-to-week variation of your reference weeks (s = ${s.toFixed(2)})`),
      s, q, h, k: K, bandPct: null,
    };
  } else {
    const pct = p.assumedBandPct;
    const h = pct * E;
    range = {
      low: roundWon(Math.max(0, E - h - A) * m),
      high: roundWon(Math.max(0, E + h - A) * m),
      level, alpha, driver: 'assumed',
      driverLabel: bi(`가정한 범위 ±${Math.round(pct * 100)}%`, `assumed band of +-${Math.round(pct * 100)}%`),
      s: null, q: null, h, k: K, bandPct: pct,
    };
    assumptions.push({
      id: 'assumed-band',
      label: bi('가정한 범위', 'assumed band'),
      value: pct,
      source: bi(baseline === 'declared' ? '직접 적은 평소 매출에는 통계 구간이 없어요' : '기준일이 1개뿐이에요', baseline === 'declared' ? 'a declared baseline carries no statistical interval' : 'only one reference date'),
      confirmed: null,
    });
  }

  const directItems = claim.directItems.map((item) => ({
    id: item.id,
    category: item.category,
    description: item.description,
    amount: roundWon(item.amount),
    evidenceIds: item.evidenceIds,
  }));
  const directTotal = sumWon([lostProfit, ...directItems.map((i) => i.amount)]);

  // Section 5: indirect loss (특별손해), each item rounded once.
  const wage = minimumWageFor(wageYearOf(claim.incident));
  const indirectItems: IndirectItemFigure[] = claim.indirectItems.map((item): IndirectItemFigure => {
    const common = { id: item.id, kind: item.kind, justification: item.justification, evidenceIds: item.evidenceIds };
    switch (item.kind) {
      case 'after-effect': {
        const hasRecords = tailKeys.some((k) => index.slots.has(k)) || tailDays.some((d) => index.days.has(d));
        // Dates of the tail with no reference found (e.g. a weekly closing day) expect nothing; the
        // others are cut to a common K so the estimator sees the same number of values everywhere.
        const tailDates = uniqueDays(tailKeys).map(dateOfEpochDay);
        const found = tailDates.map((d) => refsByDate[d]?.length ?? 0).filter((n) => n > 0);
        const kTail = found.length ? Math.min(...found) : 0;
        for (const d of tailDates) tailRefsByDate[d] = (refsByDate[d] ?? []).slice(0, kTail);
        const label = bi(`복구 후 ${item.tailHours}시간의 후속 영향`, `after-effect over ${item.tailHours} h after restoration`);
        const inputs = { tailHours: item.tailHours, tailStart: tailKeys.length ? bucketName(tailKeys[0]!) : null, margin: m };
        if (!revenue.computable) {
          return { ...common, label, amount: roundWon(0), speculative: false, inputs, note: bi('평균 객단가가 없어 계산할 수 없어요', 'not computable without an average ticket') };
        }
        if (!hasRecords) {
          return { ...common, label, amount: roundWon(0), speculative: false, inputs, note: bi('복구 후 기간의 기록이 없어 0원이에요', 'no records after restoration: 0 KRW') };
        }
        refsInUse = tailRefsByDate;
        const tail = computeSpan(tailKeys, baseline === 'same-slot' ? kTail : 0, 1);
        refsInUse = refsByDate;
        return {
          ...common, label, speculative: false,
          amount: roundWon(Math.max(0, tail.E - tail.A) * m),
          inputs: { ...inputs, expectedRevenue: tail.E, actualRevenue: tail.A, referenceDates: Object.entries(tailRefsByDate).map(([d, r]) => `${d}: ${r.join(' ')}`).join('; ') },
          note: baseline === 'same-slot' && kTail < requestedK ? bi(`기준일 ${kTail}개로 계산했어요`, `computed with ${kTail} reference dates`) : null,
        };
      }
      case 'extra-labour':
        return {
          ...common, speculative: false, note: null,
          label: bi('추가 인건비', 'extra labour'),
          amount: roundWon(item.hours * item.hourlyWage),
          inputs: { hours: item.hours, hourlyWage: item.hourlyWage },
        };
      case 'claim-prep':
        return {
          ...common, speculative: false,
          label: bi('청구 준비에 쓴 시간', 'time spent on the claim'),
          amount: roundWon(item.hours * wage.wage),
          inputs: { hours: item.hours, minimumWage: wage.wage, wageYear: wage.tableYear },
          note: wage.assumed ? minimumWageAssumedNote(wage) : null,
        };
      case 'lost-regulars':
        return {
          ...common, speculative: true,
          label: bi('잃은 단골손님 (추정)', 'lost regular customers (speculative)'),
          amount: roundWon(item.customers * item.monthlySpend * m * Math.min(3, item.months)),
          inputs: { customers: item.customers, monthlySpend: item.monthlySpend, margin: m, months: Math.min(3, item.months) },
          note: bi('추정이에요: 조정 기관이 인정하지 않을 수 있어요', 'speculative: a mediator may not accept it'),
        };
    }
  });
  const indirectTotal = sumWon(indirectItems.map((i) => i.amount));
  const claimTotal = sumWon([directTotal, indirectTotal]);
  if (claim.indirectItems.some((i) => i.kind === 'claim-prep')) {
    assumptions.push({
      id: 'minimum-wage',
      label: bi('청구 준비 시간의 시급 (최저임금)', 'hourly value of claim time (minimum wage)'),
      value: wage.wage,
      source: wage.assumed
        ? minimumWageAssumedNote(wage)
        : bi(`${wage.year}년 법정 최저임금 (${MINIMUM_WAGE_SOURCE.ko})`, `statutory minimum wage ${wage.year} (${MINIMUM_WAGE_SOURCE.en})`),
      // An assumed figure is shown as an assumption to confirm, like a default margin (section 5).
      confirmed: wage.assumed ? false : null,
    });
  }

  // Section 3.3: channel rules, beside the estimate.
  const rules: Record<string, RuleResult> = {};
  for (const rule of rulesFor(claim, opts.pack)) {
    const r = rule.compute({ claim, window, index, averageTicket: ticket });
    // A rule's figure is shown beside the app's own estimate, never instead of it; the gap is what the
    // claimant takes to the 365 Center or mediation (incident-packs.md).
    rules[rule.id] = { ...r, gap: ruleGap(r.loss, lostProfit) };
  }

  // Assumptions shown in every packet until confirmed (section 4).
  assumptions.unshift(
    {
      id: 'margin-v',
      label: bi('변동비 비율 v', 'variable-cost share v'),
      value: margin.v,
      source: margin.vIsDefault ? margin.source : bi('직접 입력', 'entered by you'),
      confirmed: margin.vConfirmed,
    },
    {
      id: 'margin-c',
      label: bi('플랫폼 수수료 비율 c', 'platform-commission share c'),
      value: margin.c,
      source: margin.cIsDefault ? margin.source : bi('직접 입력', 'entered by you'),
      confirmed: margin.cConfirmed,
    },
    { id: 'estimator', label: bi('기준값 계산 방법', 'estimator'), value: p.estimator, source: bi('계산 방법 설정에서 고른 값', 'chosen in the method settings'), confirmed: null },
    { id: 'k', label: bi('기준일 수 K', 'reference dates K'), value: K, source: bi(`요청 ${requestedK}개, 찾은 ${K}개`, `asked ${requestedK}, found ${K}`), confirmed: null },
    { id: 'alpha', label: bi('범위 수준', 'range level'), value: level, source: bi('계산 방법 설정에서 고른 값', 'chosen in the method settings'), confirmed: null },
  );
  for (const s of window.services.filter((x) => x.used)) {
    assumptions.push({
      id: `window:${s.id}`,
      label: bi(`${s.name.ko} 장애 기간`, `${s.name.en || s.name.ko} outage window`),
      value: `${s.window.start} – ${s.window.end}`,
      source: s.userWindow ? bi(`직접 고친 기간 (공개 기간 ${wallTime(s.presetWindow.start)} – ${wallTime(s.presetWindow.end)}) ${s.userWindow.note}`, `edited by you (public window ${wallTime(s.presetWindow.start)} – ${wallTime(s.presetWindow.end)})`) : s.source,
      confirmed: s.userWindow ? true : null,
    });
  }
  if (windowDates.some((d) => refSource[d] === 'suggested') && baseline === 'same-slot') {
    assumptions.push({
      id: 'reference-dates',
      label: bi('기준일', 'reference dates'),
      value: windowDates.map((d) => `${d}: ${refsByDate[d]!.join(', ')}`).join('; '),
      source: bi('앱이 제안한 날짜예요 (같은 요일, 공휴일·이상일 제외, 12주 이내)', 'suggested by the app (same weekday, no holidays or abnormal dates, within 12 weeks)'),
      confirmed: false,
    });
  }

  const channels: ChannelFigures[] = index.channelIds.map((id, ch) => {
    const c = claim.claimant.salesChannels.find((x) => x.id === id);
    return {
      id,
      label: c?.label ?? id,
      isPlatform: c?.isPlatform ?? false,
      expectedRevenue: span.channelExpRevenue[ch]!,
      expectedCount: span.channelExpCount[ch]!,
      actualRevenue: span.channelActRevenue[ch]!,
      actualCount: span.channelActCount[ch]!,
    };
  });

  const weeks = baseline === 'same-slot'
    ? span.T.map((revenue, k) => ({ week: k + 1, dates: windowDates.map((d) => refsByDate[d]![k]!), revenue }))
    : [];
  const byWindowDate: Record<string, string[]> = {};
  for (const d of windowDates) byWindowDate[d] = refsByDate[d]!;

  return {
    method: 'loss-model-v1',
    granularity,
    baseline,
    estimator: p.estimator,
    claimWindow: { ...window, bucketCount: keys.length },
    buckets: span.buckets,
    channels,
    referenceDates: {
      byWindowDate,
      tail: tailRefsByDate,
      source: refSource,
      requestedK,
      k: K,
      weeks,
      skipped: suggestion.skipped,
    },
    averageTicket,
    channelTickets: channelTickets.channels,
    revenue,
    trend,
    expectedRevenue: E,
    actualRevenue: A,
    expectedCount: span.Ecount,
    actualCount: span.Acount,
    lostCount,
    lostRevenue: LR,
    margin: { v: margin.v, c: margin.c, m, vConfirmed: margin.vConfirmed, cConfirmed: margin.cConfirmed, source: margin.source },
    lostProfit,
    lostProfitRange: range,
    directItems,
    directTotal,
    indirectItems,
    indirectTotal,
    claimTotal,
    rules,
    assumptions,
    warnings,
  };
}

/** True when a window bucket or one of its reference slots holds a count without revenue on a channel without a ticket (section 1). */
function spanNeedsTicket(keys: readonly number[], actual: (key: number) => number[] | undefined, references: (key: number) => (number[] | undefined)[], unpriced: (channel: number) => boolean): boolean {
  return keys.some((key) => RecordIndex.missingRevenueCount(actual(key), unpriced) > 0 || references(key).some((arr) => RecordIndex.missingRevenueCount(arr, unpriced) > 0));
}

/** Section 1: whether revenue figures can be given, and the words when they cannot (counts to one decimal). */
export function revenueComputability(computable: boolean, expectedCount: number, actualCount: number): ClaimEstimate['revenue'] {
  if (computable) return { computable: true, message: null };
  const one = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
  const lost = one(Math.max(0, expectedCount - actualCount));
  return {
    computable: false,
    message: bi(
      `기록에 매출 없이 건수만 있고 평균 객단가(한 건 평균 요금)도 없어 매출과 손실 이익을 계산할 수 없어요. 예상 ${one(expectedCount)}건, 실제 ${one(actualCount)}건, 놓친 건수 ${lost}건이에요. 평균 객단가를 적어 주세요`,
      `revenue and lost profit are not computable: the records carry counts only and no average ticket (average fare) is known. Expected ${one(expectedCount)}, actual ${one(actualCount)}, lost ${lost}. Please enter an average ticket`,
    ),
  };
}

/** Section 3.2: expected count and revenue of a bucket from the declared weekday x day-part table. */
function makeDeclared(declared: DeclaredBaseline | undefined): (key: number, hourly: boolean) => { count: number; revenue: number } {
  if (!declared) return () => ({ count: 0, revenue: 0 });
  // hourly[weekday][hour] -> per-hour count and revenue; a day-part's count is spread evenly over its hours.
  const table = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => ({ count: 0, revenue: 0 })));
  const parts = new Map(declared.dayParts.map((p) => [p.id, p]));
  for (const e of declared.entries) {
    const part = parts.get(e.dayPart);
    if (!part) continue;
    const hours = part.endHour - part.startHour;
    for (let h = part.startHour; h < part.endHour; h++) {
      table[e.weekday]![h]!.count += e.count / hours;
      table[e.weekday]![h]!.revenue += (e.count * e.averageTicket) / hours;
    }
  }
  return (key, hourly) => {
    if (hourly) return table[weekdayOfEpochDay(epochDayOfEpochHour(key))]![kstHourOfDay(key)]!;
    const day = table[weekdayOfEpochDay(key)]!;
    let count = 0;
    let revenue = 0;
    for (const slot of day) {
      count += slot.count;
      revenue += slot.revenue;
    }
    return { count, revenue };
  };
}

export type { Won };

/** `2022-10-15 15:30` from `2022-10-15T15:30+09:00`: a KST instant as people read it in a source line. */
function wallTime(instant: string): string {
  return instant.replace(/(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?\+09:00/, '$1 $2');
}
