import { josa } from 'es-hangul';
import type { Claim } from '../model/claim';
import type { ClaimantKind } from '../model/claimant';
import type { IncidentPack } from '../model/incident-pack';
import { joined, readJoined, type BilingualText } from '../model/common';
import { roundWon } from '../model/money';
import { estimateClaim } from '../estimate/estimate-claim';
import { rangeWidthWords, weeksIdentical } from '../estimate/stages/range';
import { earningsWords, fareWords } from '../estimate/channel-fares';
import type { Assumption, ChannelTicket, ClaimEstimate } from '../estimate/types';
import type { RuleInputShown, RuleResult } from '../estimate/rules/types';
import { compareRule } from '../estimate/rules/gap-words';
import { packForClaim, undeclaredPlanRule } from '../estimate/rules/index';
import { packRefDates, packRefs, withoutRefs } from '../incidents/pack';
import { documentLabelKo } from './documents';
import type { ChoiceContext, PacketFacts } from './form';
import { estimatorKo, formatDateKo, formatKst, formatNumber, formatWon } from './format';
import type { PacketFigures } from './manifest';
import type { ChannelProfile } from './profile';
import { earlierSubmissionsKo, escalationReasonKo } from './submissions';
import type { ReportData, ReportRule, ReportWeek } from './report-data';

/**
 * The one place that reads the estimate (estimateClaim) for the packet. Every amount here is a figure the
 * engine returned, rounded for display only (loss model section 1: E, A and LR are shown rounded); nothing
 * is recomputed. Text is Korean: of the engine's bilingual strings ("한국어 / English") the Korean part is kept.
 */

export type ClaimDescription = {
  /** The quick log's chain in words, when the claim has a log (packet/quick-log.ts). */
  quickLogLine?: string;
  estimate: ClaimEstimate;
  report: ReportData;
  facts: PacketFacts;
  figures: PacketFigures;
  choiceContext: ChoiceContext;
  /** Records whose bucket lies in the claim window (readiness: "no outage records"). */
  windowRecordCount: number;
  declaredBaseline: boolean;
  /** Evidence items listed in the claim whose files are not in the packet. */
  missingEvidence: { id: string; fileName: string }[];
};

/** The Korean of a `{ ko, en }` text, or the Korean half of a "한국어 / English" string. */
export function ko(text: string | BilingualText): string {
  return (typeof text === 'string' ? readJoined(text) : text).ko;
}

const INDUSTRY_KO: Record<string, string> = { restaurant: '음식점', cafe: '카페', retail: '소매', 'personal-services': '개인 서비스', other: '기타 업종' };
const TAXI_KO: Record<string, string> = { corporate: '법인', private: '개인', franchise: '가맹' };
const DIRECT_CATEGORY_KO: Record<string, string> = {
  refund: '환불',
  'spoiled-stock': '폐기 재고',
  'reissued-voucher': '상품권 재발행',
  'undelivered-ads': '전달 안 된 메시지·광고',
  'substitute-fees': '대체 서비스 수수료',
  'unused-prepaid-fee': '못 쓴 선불 이용료',
  other: '기타',
};
const INDIRECT_KIND_KO: Record<string, string> = { 'after-effect': '후속 영향', 'extra-labour': '추가 노동', 'claim-prep': '청구 준비 시간', 'lost-regulars': '단골 손실' };

/** `소상공인, 음식점`: no brackets of its own, since forms print it in brackets after the name. */
function kindKo(claim: Claim): string {
  const c = claim.claimant;
  if (c.kind === 'merchant') return `소상공인, ${INDUSTRY_KO[c.industry] ?? c.industry}`;
  if (c.kind === 'taxi') return `택시 기사, ${TAXI_KO[c.taxiType] ?? c.taxiType}`;
  return '대리운전 기사';
}

const pct = (share: number) => `${formatNumber(share * 100, Number.isInteger(share * 100) ? 0 : 1)}%`;

/** `2025-05-30T18:00+09:00` reads `2025-05-30 18:00` (KST wall time) in the packet. */
const kstWallTimes = (text: string) => text.replace(/(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?\+09:00/g, '$1 $2');

function assumptionValue(a: Assumption): string {
  if (typeof a.value === 'boolean') return a.value ? '예' : '아니오';
  // Words in both languages ("없음 / none") keep the packet's bytes: joined, as the packet has always written them.
  if (typeof a.value === 'object') return joined(a.value);
  if (typeof a.value === 'string') {
    if (a.id === 'estimator') return estimatorKo(a.value);
    if (a.id === 'reference-dates') return '아래 기준일 표';
    // Instants such as `2022-10-15T20:00+09:00 – 2022-10-16T02:00+09:00` read better as KST wall times.
    return kstWallTimes(a.value);
  }
  if (['margin-v', 'margin-c', 'assumed-band', 'alpha'].includes(a.id)) return pct(a.value);
  if (['average-ticket', 'minimum-wage'].includes(a.id) || a.id.startsWith('average-fare:')) return formatWon(a.value);
  if (a.id === 'trend-factor') return `× ${formatNumber(a.value, 3)}`;
  return formatNumber(a.value, Number.isInteger(a.value) ? 0 : 2);
}

function weekLabel(start: string, end: string): string {
  return `${start.slice(5)}~${end.slice(5)}`;
}

type Week = { start: string; end: string; sales: number };

function ruleReport(result: RuleResult): ReportRule | null {
  if (!result.computable || result.loss === null) return null;
  const d = result.details;
  const bandLabel = result.band ? ko(result.band.label) : '';
  const detail: string[] = [];
  let weeks: ReportWeek[] | undefined;
  let windows: ReportRule['windows'];
  if (Array.isArray(d.weeksUsed)) {
    const outage = d.outageWeek as Week & { missingDays: string[] };
    const best = d.bestWeek as Week;
    const used = d.weeksUsed as Week[];
    const skipped = (d.weeksSkipped ?? []) as { start: string; end: string; missingDays: string[] }[];
    const period = d.period as { from: string; to: string } | undefined;
    weeks = [
      ...used.map((w): ReportWeek => ({ label: weekLabel(w.start, w.end), total: w.sales, role: w.start === best.start ? 'best' : 'used' })),
      ...skipped.map((w): ReportWeek => ({ label: weekLabel(w.start, w.end), total: null, role: 'skipped', note: `기록 없는 날 ${w.missingDays.length}일` })),
      { label: weekLabel(outage.start, outage.end), total: outage.sales, role: 'outage' },
    ];
    weeks.sort((a, b) => (a.label < b.label ? -1 : 1));
    detail.push(
      `장애 주간 ${formatDateKo(outage.start)} ~ ${formatDateKo(outage.end)} 매출 ${formatWon(outage.sales)}`,
      `${period ? `${formatDateKo(period.from)} ~ ${formatDateKo(period.to)} 중` : '비교 기간 중'} 가장 높은 주간 ${formatDateKo(best.start)} ~ ${formatDateKo(best.end)} 매출 ${formatWon(best.sales)}`,
      `비교한 주 ${used.length}개, 기록이 빠진 날이 있어 제외한 주 ${skipped.length}개`,
    );
  } else if (d.window && d.comparisonWindow) {
    const w = d.window as { start: string; end: string; hours: number };
    const c = d.comparisonWindow as { start: string; end: string };
    windows = [
      { label: `장애 ${w.hours}시간`, start: formatKst(w.start), end: formatKst(w.end), total: Number(d.earningsDuring) },
      { label: '한 주 전 같은 시간', start: formatKst(c.start), end: formatKst(c.end), total: Number(d.earningsWeekBefore) },
    ];
    detail.push(
      `장애 구간 ${formatKst(w.start)} ~ ${formatKst(w.end)} (${w.hours}시간) 수입 ${formatWon(Number(d.earningsDuring))}`,
      `한 주 전 ${formatKst(c.start)} ~ ${formatKst(c.end)} 수입 ${formatWon(Number(d.earningsWeekBefore))}`,
      '차액을 이익률 없이 전액으로 봐요',
    );
  } else {
    // Any other kind explains itself in words (Korean part only in the packet).
    detail.push(...result.lines.map(ko));
  }
  detail.push(...result.notes.map(ko), `출처: ${result.source}`);
  const payout = result.band ? result.band.payout : result.loss;
  return { id: result.id, name: result.title.ko, loss: result.loss, bandLabel, payout, detail, ...(weeks ? { weeks } : {}), ...(windows ? { windows } : {}) };
}

/** A declared input of a company rule as the packet shows it: the value as the claimant declared it, and its evidence by kind (never a file name). */
function declaredInputKo(claim: Claim, input: RuleInputShown): string {
  const v = input.value;
  const value =
    v === null
      ? '아직 적지 않았어요'
      : Array.isArray(v)
        ? v.map((d) => formatDateKo(d)).join(', ')
        : input.unit === 'rate'
          ? `${formatNumber(Number(v) * 100, 2)}%`
          : input.unit === 'won'
            ? formatWon(Number(v))
            : input.unit === 'hours'
              ? `${formatNumber(Number(v), 1)}시간`
              : input.unit === 'days'
                ? `${formatNumber(Number(v), 0)}일`
                : formatNumber(Number(v), 0);
  const linked = input.evidenceIds
    .map((id) => claim.evidence.find((e) => e.id === id))
    .filter((e): e is NonNullable<typeof e> => !!e)
    .map((e) => documentLabelKo(e.label));
  const evidence = linked.length > 0 ? `증빙: ${[...new Set(linked)].join(', ')} (요청 서류: ${input.evidence.ko})` : `증빙은 아직 없어요 (요청 서류: ${input.evidence.ko})`;
  return v === null ? `${input.name.ko}: ${value} (${evidence})` : `${input.name.ko} (신청인이 적은 값): ${value}. ${evidence}`;
}

/** Every applicable company rule beside the app's estimate, for form texts: one sentence each (undefined when none applies). */
function companyRulesComparisonKo(rules: NonNullable<ReportData['companyRules']>): string | undefined {
  if (rules.length === 0) return undefined;
  return rules
    .map((r) => {
      const declared = r.inputs.filter((line) => line.includes('(신청인이 적은 값)')).map((line) => line.split('. 증빙')[0]);
      return `${r.name}: ${r.gap ?? ''}${declared.length ? ` ${declared.join('; ')}.` : ''}`;
    })
    .join(' ');
}

/** Where a window's times come from, in plain words: published (with a source), partly unconfirmed, or typed by the claimant. */
function windowOrigin(claim: Claim, source: string): string {
  if (!claim.incident.presetId || !source.trim()) return '직접 적은 시각, 출처 없음';
  if (/미확인|미정/.test(source)) return '공개 시각, 일부 확인되지 않음; 출처는 가정 표에';
  return '공개 시각, 출처는 가정 표에';
}

function durationKo(startIso: string, endIso: string): string {
  return minutesKo(Math.round((Date.parse(endIso.replace(/T(\d{2}:\d{2})\+/, 'T$1:00+')) - Date.parse(startIso.replace(/T(\d{2}:\d{2})\+/, 'T$1:00+'))) / 60_000));
}

function minutesKo(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}분`;
  return m ? `${h}시간 ${m}분` : `${h}시간`;
}

/**
 * The claim window as a reviewer reads it. One span: its ends and length. Spans apart (LG U+ 2023's two
 * days a week apart): each span and their total, never the week between them as if it were the outage.
 */
function claimWindowKo(w: ClaimEstimate['claimWindow']): { hours: string; span: string } {
  if (w.intervals.length <= 1) {
    const hours = durationKo(w.start, w.end);
    return { hours, span: `${formatKst(w.start)} ~ ${formatKst(w.end)} (${hours})` };
  }
  const hours = minutesKo(w.intervals.reduce((sum, i) => sum + Math.round((i.endMs - i.startMs) / 60_000), 0));
  const spans = w.intervals.map((i) => `${formatKst(i.start)} ~ ${formatKst(i.end)}`).join(', ');
  return { hours, span: `${spans} (${spansApartKo(w.intervals.length, hours)})` };
}

/** Spans apart, counted and added up: 떨어진 구간 2개, 합계 48시간 (the PDF and the forms say it alike). */
function spansApartKo(count: number, hours: string): string {
  return `떨어진 구간 ${count}개, 합계 ${hours}`;
}

/**
 * The claim window's facts for a form. `spans`: every span's ends, by commas. `length`: one span's length, or
 * spans apart counted and added up. `spansAndTotal`: the spans, with that count and total only when apart.
 */
function claimWindowFactsKo(w: ClaimEstimate['claimWindow']): { spans: string; length: string; spansAndTotal: string } {
  const { hours } = claimWindowKo(w);
  if (w.intervals.length <= 1) {
    const spans = `${formatKst(w.start)} ~ ${formatKst(w.end)}`;
    return { spans, length: hours, spansAndTotal: spans };
  }
  const spans = w.intervals.map((i) => `${formatKst(i.start)} ~ ${formatKst(i.end)}`).join(', ');
  const length = spansApartKo(w.intervals.length, hours);
  return { spans, length, spansAndTotal: `${spans} (${length})` };
}

/**
 * `missingEvidenceIds`: evidence items whose files are not in the packet (listed as such). `incidentPack`:
 * the claim's pack when it is not bundled (stored on this computer, or embedded in a packet).
 */
export function describeClaim(claim: Claim, profile: ChannelProfile, missingEvidenceIds: ReadonlySet<string> = new Set(), incidentPack?: IncidentPack): ClaimDescription {
  const e = estimateClaim(claim, incidentPack ? { pack: incidentPack } : {});
  const c = claim.claimant;
  const pack = packForClaim(claim, incidentPack);
  const refs = pack ? packRefs(pack) : [];
  const refDates = pack ? packRefDates(pack) : new Map<string, string>();
  const services = e.claimWindow.services.filter((s) => s.used);
  const servicesKo = services.map((s) => s.name.ko).join(', ');
  const ruleResult = profile.rule ? e.rules[profile.rule] : undefined;
  const rule = ruleResult ? ruleReport(ruleResult) : null;
  const range = e.lostProfitRange;
  const levelLabel = `${pct(range.level)} 범위`;
  const declared = e.baseline === 'declared';
  // A driver's packet speaks of 수입 and 평균 요금, a shop's of 매출 and 평균 객단가.
  const words = earningsWords(c.kind);
  const W = words.earnings.ko;
  const ticketKo = words.ticket.ko;

  const windowNotes = services.map((s) =>
    s.userWindow
      ? `${s.name.ko}: ${formatKst(s.window.start)} ~ ${formatKst(s.window.end)} (신청인이 고친 시각; 공개 시각 ${formatKst(s.presetWindow.start)} ~ ${formatKst(s.presetWindow.end)})`
      : `${s.name.ko}: ${formatKst(s.window.start)} ~ ${formatKst(s.window.end)} (${windowOrigin(claim, s.source)})`,
  );

  const trendKo = e.trend.applied ? `당일 추세 보정 × ${formatNumber(e.trend.factor, 3)}` : '';
  // What the expected figure is, in the chart's legend: the estimator of the reference dates (and the trend), or declared.
  const expectedBasis = declared ? '신고 기준' : `기준일 ${estimatorKo(e.estimator)}${trendKo ? `, ${trendKo}` : ''}`;
  const methodLines: string[] = [
    e.granularity === 'hourly'
      ? `자료 단위: 시간별, 청구 구간에 걸친 ${e.claimWindow.bucketCount}개 시간 (구간 양 끝의 시간도 한 시간 전체를 비교해요)`
      : `자료 단위: 일별, 청구 구간에 걸친 ${e.claimWindow.bucketCount}일 (하루 중 일부만 장애였던 날도 하루 전체를 비교해요)`,
    otherRoutesKo(c.salesChannels, W),
    `이익률: ${W}에서 변동비(${pct(e.margin.v)})와 수수료(${pct(e.margin.c)})를 뺀 ${pct(e.margin.m)}. 잃은 이익은 줄어든 ${W}에 이 이익률을 곱했어요`,
  ];
  // The range in words (loss model 6): the weeks' swing as money and the multiplier explained, no s, t or q.
  methodLines.push(`범위: ${ko(rangeWidthWords(range, words.earnings) ?? range.driverLabel)}`);
  if (e.trend.applied) methodLines.push(`${trendKo}: 장애 당일 장애 전 ${e.trend.hours.length}시간의 실제 ${josa(W, '을/를')} 같은 시간의 ${josa(`예상 ${W}`, '으로/로')} 나눈 값이에요. 모든 예상 ${W}에 이 값을 곱했어요`);
  // Section 1: which ticket values records without revenue; a channel's declared fare is named with its source.
  const ownFares = e.channelTickets.filter((t) => t.fareSource !== null && e.assumptions.some((a) => a.id === `average-fare:${t.channel}`));
  // Only when some records without revenue use the claim-level ticket (the engine states it as an assumption then).
  if (e.averageTicket.value !== null && e.averageTicket.source !== 'none' && e.assumptions.some((a) => a.id === 'average-ticket')) {
    methodLines.push(`${josa(W, '이/가')} 빈 기록은 건수에 ${ticketKo} ${josa(formatWon(e.averageTicket.value), '을/를')} 곱했어요`);
  }
  for (const t of ownFares) methodLines.push(fareLineKo(t, claim.claimant.kind));
  const summary = declared
    ? `기록이 없어 신청인이 적은 평소 건수와 평균 단가로 예상 ${josa(W, '을/를')} 만들었어요 (신고 기준). 통계적 범위 대신 가정한 범위를 써요.`
    : `같은 요일${e.granularity === 'hourly' ? '·같은 시간대' : ''}의 기준일 ${e.referenceDates.k}개 값의 ${e.trend.applied ? `${estimatorKo(e.estimator)}에 당일 추세 보정(× ${formatNumber(e.trend.factor, 3)})을 곱해` : josa(estimatorKo(e.estimator), '으로/로')} 평소라면 있었을 ${josa(W, '을/를')} 추정하고, 실제 ${josa(W, '와/과')} 비교했어요.`;

  const windowBuckets = new Set(e.buckets.map((b) => b.bucket as string));
  const windowRecordCount = claim.records.filter((r) => windowBuckets.has(r.bucket)).length;

  const evidence = claim.evidence.map((item) => ({
    fileName: item.fileName,
    label: item.label,
    labelKo: documentLabelKo(item.label),
    kept: item.provenance,
    sha256: item.sha256,
    size: item.size,
    included: !missingEvidenceIds.has(item.id),
  }));

  // Section 1: with counts only and no ticket, revenue figures read "not computable", never 0원.
  const NOT_COMPUTABLE = `계산할 수 없음 (${ticketKo} 필요)`;
  const revenueWon = (x: number) => (e.revenue.computable ? formatWon(x) : NOT_COMPUTABLE);
  const headlineAmount = profile.headlineFigure === 'rule' && rule ? (rule.payout ?? rule.loss) : profile.headlineFigure === 'lostProfit' ? e.lostProfit : e.claimTotal;
  const resolutionSought =
    profile.headlineFigure === 'rule' && rule
      ? rule.payout === null
        ? `${rule.name}에 따른 산정액 ${formatWon(rule.loss)}(${rule.bandLabel})에 대한 심사와 지급을 요청해요.`
        : rule.payout !== rule.loss
          ? `${rule.name}에 따른 ${formatWon(rule.payout)}의 지급을 요청해요 (산정액 ${formatWon(rule.loss)}, ${rule.bandLabel}).`
          : `${rule.name}에 따른 ${formatWon(rule.loss)}의 지급을 요청해요.`
      : profile.headlineFigure === 'lostProfit' && !e.revenue.computable
        ? `놓친 건수 ${formatNumber(e.lostCount, 1)}건에 대한 보상을 요청해요. ${W} 기록이 없어 금액은 ${josa(ticketKo, '을/를')} 정한 뒤 계산해요.`
        : profile.headlineFigure === 'lostProfit'
        ? `손실 이익 ${formatWon(headlineAmount)}의 보상을 요청해요. 계산 근거는 첨부한 보고서에 있어요.`
        : `청구 합계 ${formatWon(e.claimTotal)}(직접 손해 ${formatWon(e.directTotal)}, 간접 손해 ${formatWon(e.indirectTotal)})의 보상을 요청해요.`;

  const windowKo = claimWindowKo(e.claimWindow);
  const windowFacts = claimWindowFactsKo(e.claimWindow);
  const report: ReportData = {
    claimId: claim.id,
    // The Korean half of a "한국어 / English" title (the examples keep both): the packet speaks Korean. The
    // claim id is the app's own (a UUID), never printed: a claim without a title reads as its claimant and incident.
    title: (claim.title ? readJoined(claim.title).ko.trim() : '') || `${(c.kind === 'merchant' && c.businessName) || c.name} · ${claim.incident.name.ko}`,
    claimant: {
      name: c.name,
      kind: c.kind,
      kindKo: kindKo(claim),
      ...(c.kind === 'merchant' && c.businessName ? { businessName: c.businessName } : {}),
      ...(c.businessNumber ? { businessNumber: c.businessNumber } : {}),
      phone: c.mobile,
      ...(c.email ? { email: c.email } : {}),
      ...(c.region ? { region: [c.region.sido, c.region.sigungu].filter(Boolean).join(' ') } : {}),
    },
    incident: {
      name: claim.incident.name.ko,
      services: services.map((s) => s.id),
      servicesKo,
      windowStart: formatKst(e.claimWindow.start),
      windowEnd: formatKst(e.claimWindow.end),
      windowHours: windowKo.hours,
      windowSpan: windowKo.span,
      windowNotes,
    },
    granularity: e.granularity,
    words: { earnings: W, ticket: ticketKo, expectedBasis },
    figures: {
      expected: e.expectedRevenue,
      actual: e.actualRevenue,
      expectedCount: e.expectedCount,
      actualCount: e.actualCount,
      lostCount: e.lostCount,
      lostRevenue: e.lostRevenue,
      margin: e.margin.m,
      lostProfit: e.lostProfit,
      range: { low: range.low, high: range.high, levelLabel, driver: range.driver === 'assumed' ? ko(range.driverLabel) : weeksIdentical(range) ? `기준 주 ${josa(W, '이/가')} 모두 같아 좁은 범위` : `기준 주 사이의 ${W} 흔들림` },
      directItems: e.directItems.map((i) => ({ label: (i.description && ko(i.description)) || DIRECT_CATEGORY_KO[i.category] || i.category, category: DIRECT_CATEGORY_KO[i.category] ?? i.category, amount: i.amount })),
      directTotal: e.directTotal,
      indirectItems: e.indirectItems.map((i) => ({
        label: ko(i.label),
        category: `${INDIRECT_KIND_KO[i.kind] ?? i.kind}${i.speculative ? ' (추정적)' : ''}`,
        amount: i.amount,
        // The reviewer can redo the amount from its inputs; a speculative item says what the claimant supplied.
        note: [`계산: ${indirectInputsKo(i)}`, `예견 가능성: ${ko(i.justification)}`, i.speculative ? SPECULATIVE_KO : i.note ? ko(i.note) : ''].filter(Boolean).join(' · '),
      })),
      indirectTotal: e.indirectTotal,
      claimTotal: e.claimTotal,
      revenueNotComputable: e.revenue.computable ? null : ko(e.revenue.message ?? ''),
    },
    method: { summary, lines: methodLines },
    referenceDates: Object.entries(e.referenceDates.byWindowDate)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([windowDate, references]) => ({ windowDate, references })),
    buckets: e.buckets.map((b) => ({
      bucket: b.bucket,
      expected: b.expectedRevenue,
      actual: b.actualRevenue,
      expectedCount: b.expectedCount,
      actualCount: b.actualCount,
      ...(b.referenceRevenue.length > 1 ? { low: Math.min(...b.referenceRevenue), high: Math.max(...b.referenceRevenue) } : {}),
    })),
    assumptions: e.assumptions.map((a) => ({
      label: a.label.ko,
      value: assumptionValue(a),
      // A claim made before the notes were cleaned still carries article ids: never printed (plain words only).
      source: statementsOnly(withoutRefs(ko(a.source), refs, refDates)),
      status: a.confirmed === null ? a.basis ?? 'method' : a.confirmed ? 'confirmed' : 'unconfirmed',
    })),
    // A paid plan's rule reaches the packet only when the claimant declared its fee (they are a subscriber).
    companyRules: Object.values(e.rules).filter((r) => !undeclaredPlanRule(r)).map((r) => ({
      name: r.title.ko,
      loss: r.loss,
      bandLabel: r.band ? ko(r.band.label) : '',
      // The channel's own rule is worked through in its own section (rule.detail): here only its figure and the gap.
      lines: r.id === ruleResult?.id && rule ? [] : r.lines.map((l) => kstWallTimes(ko(l))),
      inputs: r.inputs.map((i) => declaredInputKo(claim, i)),
      notes: r.id === ruleResult?.id && rule ? [] : r.notes.map(ko),
      gap: compareRule(r, e.revenue.computable ? e.lostProfit : null, { ticket: fareWords(claim.claimant.kind).name, audience: 'reviewer' }).words.ko,
      source: r.source,
    })),
    warnings: [...e.warnings.map((w) => ko(w.message)), ...(ruleResult && !rule ? ruleResult.notes.map(ko) : [])],
    rule,
    evidence,
    resolutionSought,
  };

  const refText = report.referenceDates.map((r) => `${formatDateKo(r.windowDate)}: ${r.references.map((d) => d.slice(5)).join(', ')}`).join('; ');
  const facts: PacketFacts = {
    'claimant.name': c.name,
    'claimant.displayName': report.claimant.businessName ? `${report.claimant.businessName} ${c.name}` : c.name,
    'claimant.kindKo': report.claimant.kindKo,
    'claimant.earningsWord': W,
    'claimant.businessName': report.claimant.businessName,
    'claimant.businessNumber': report.claimant.businessNumber,
    'claimant.email': report.claimant.email,
    'claimant.phone': c.mobile,
    'claimant.region': report.claimant.region,
    'incident.name': report.incident.name,
    'incident.servicesKo': servicesKo,
    'window.start': report.incident.windowStart,
    'window.end': report.incident.windowEnd,
    'window.hours': report.incident.windowHours,
    'window.spans': windowFacts.spans,
    'window.length': windowFacts.length,
    'window.spansAndTotal': windowFacts.spansAndTotal,
    'figures.expected': revenueWon(e.expectedRevenue),
    'figures.actual': revenueWon(e.actualRevenue),
    'figures.lostCount': formatNumber(e.lostCount, 1),
    'figures.lostRevenue': revenueWon(e.lostRevenue),
    'figures.margin': pct(e.margin.m),
    'figures.lostProfit': revenueWon(e.lostProfit),
    'figures.rangeLow': revenueWon(range.low),
    'figures.rangeHigh': revenueWon(range.high),
    'figures.rangeLevel': levelLabel,
    'figures.directTotal': formatWon(e.directTotal),
    'figures.indirectTotal': formatWon(e.indirectTotal),
    'figures.claimTotal': formatWon(e.claimTotal),
    'method.summary': summary,
    'method.granularityKo': e.granularity === 'hourly' ? '시간별' : '일별',
    'method.referenceDates': refText,
    'rule.name': rule?.name,
    'rule.loss': rule ? formatWon(rule.loss) : undefined,
    'rule.band': rule?.bandLabel,
    'rule.detail': rule ? rule.detail.filter((l) => !l.startsWith('출처')).join(' ') : undefined,
    'rules.comparison': companyRulesComparisonKo(report.companyRules ?? []),
    'evidence.list': evidence.map((i) => `${i.labelKo}(${i.fileName})`).join(', '),
    'evidence.count': String(evidence.length),
    'channel.name': profile.name.ko,
    'resolution.sought': resolutionSought,
    'submissions.earlier': earlierSubmissionsKo(claim.submissions, profile.id),
    'submissions.reason': escalationReasonKo(claim.submissions, profile.id),
  };

  const figures = packetFigures(e, profile);

  return {
    estimate: e,
    report,
    facts,
    figures,
    choiceContext: { claimantKind: c.kind, services: services.map((s) => s.id) },
    windowRecordCount,
    declaredBaseline: declared,
    missingEvidence: claim.evidence.filter((i) => missingEvidenceIds.has(i.id)).map((i) => ({ id: i.id, fileName: i.fileName })),
  };
}

/**
 * The figures a packet's manifest carries, from the estimate alone: what describeClaim puts in
 * `figures`, without the report's and the form's words (batch re-checks every member's figures with this,
 * issue 18: the words are a third of describeClaim's time and a batch never shows them).
 */
export function packetFigures(e: ClaimEstimate, profile: Pick<ChannelProfile, 'rule'>): PacketFigures {
  const range = e.lostProfitRange;
  const ruleResult = profile.rule ? e.rules[profile.rule] : undefined;
  return {
    expected: roundWon(e.expectedRevenue),
    actual: roundWon(e.actualRevenue),
    lostCount: Math.round(e.lostCount * 10) / 10,
    lostRevenue: roundWon(e.lostRevenue),
    margin: e.margin.m,
    lostProfit: e.lostProfit,
    lostProfitLow: range.low,
    lostProfitHigh: range.high,
    directTotal: e.directTotal,
    indirectTotal: e.indirectTotal,
    claimTotal: e.claimTotal,
    rule: ruleResult && ruleResult.computable && ruleResult.loss !== null ? { id: ruleResult.id, loss: ruleResult.loss, band: ruleResult.band?.id ?? 'none' } : null,
  };
}

/** One sentence on the fare a channel's calls without revenue were valued at, and where it comes from. */
/**
 * A source as a reviewer reads it: its statements, without the requests the same note makes of the app's
 * user ("더 일찍 복구됐다면 고쳐 주세요." under a pack's outage window is for the claimant, not the reviewer).
 */
export function statementsOnly(text: string): string {
  return text.split(/(?<=[.!?])\s+/).filter((sentence) => !/주세요[.!]?$/.test(sentence.trim())).join(' ').trim();
}

const SPECULATIVE_KO = '추정: 단골손님 수와 한 명의 한 달 지출은 신청인이 적은 값이에요 (최대 3개월)';

/** An indirect item's amount as its inputs (loss model 5), so a reviewer can redo it. */
function indirectInputsKo(i: ClaimEstimate['indirectItems'][number]): string {
  const n = (key: string) => Number(i.inputs[key] ?? 0);
  switch (i.kind) {
    case 'claim-prep':
      return `${formatNumber(n('hours'), Number.isInteger(n('hours')) ? 0 : 1)}시간 × ${n('wageYear')}년 최저임금 ${formatWon(n('minimumWage'))} = ${formatWon(i.amount)}`;
    case 'extra-labour':
      return `${formatNumber(n('hours'), Number.isInteger(n('hours')) ? 0 : 1)}시간 × 시급 ${formatWon(n('hourlyWage'))} = ${formatWon(i.amount)}`;
    case 'lost-regulars':
      return `${formatNumber(n('customers'), 0)}명 × 한 달 ${formatWon(n('monthlySpend'))} × 이익률 ${pct(n('margin'))} × ${formatNumber(n('months'), Number.isInteger(n('months')) ? 0 : 1)}개월 = ${formatWon(i.amount)}`;
    case 'after-effect':
      return i.inputs.expectedRevenue === undefined
        ? `복구 후 ${n('tailHours')}시간`
        : `복구 후 ${n('tailHours')}시간의 (예상 ${formatWon(n('expectedRevenue'))} − 실제 ${formatWon(n('actualRevenue'))}) × 이익률 ${pct(n('margin'))} = ${formatWon(i.amount)}`;
  }
}

/**
 * What the actual figure A holds (loss model 4: other channels are mitigation and count in A), named by
 * the claimant's own channels: the ones that were not the outage platform, beside it; or, when the
 * channels are all of one sort (a PC cafe's POS behind a failed line), all of them.
 */
function otherRoutesKo(channels: ReadonlyArray<{ label: string; isPlatform: boolean }>, W: string): string {
  const others = channels.filter((ch) => !ch.isPlatform).map((ch) => ch.label);
  if (others.length > 0 && others.length < channels.length) return `실제 ${W}에는 다른 경로(${others.join(', ')})의 ${W}도 넣었어요 (손해 경감)`;
  return `실제 ${josa(W, '은/는')} 기록한 채널(${channels.map((ch) => ch.label).join(', ')})의 ${josa(W, '을/를')} 모두 더했어요`;
}

export function fareLineKo(t: ChannelTicket, kind?: ClaimantKind): string {
  const words = fareWords(kind);
  const W = earningsWords(kind).earnings.ko;
  if (t.source === 'channel-reference') {
    return `${t.label}의 ${josa(W, '이/가')} 빈 기록은 기준일 기록의 ${words.name.ko} ${josa(formatWon(t.value ?? 0), '으로/로')} 봤어요 (기록이 있어 신청인이 적은 ${formatWon(t.declaredFare ?? 0)}보다 먼저 썼어요)`;
  }
  const from = t.fareSource ? words.source[t.fareSource].ko : '';
  return `${t.label}의 ${josa(W, '이/가')} 빈 기록은 건수에 신청인이 적은 ${words.name.ko} ${josa(formatWon(t.value ?? 0), '을/를')} 곱했어요 (출처: ${from}${t.fareNote ? `, ${t.fareNote}` : ''})`;
}
