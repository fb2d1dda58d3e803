/**
 * `outage-desk estimate <claim.json | folder>... [--json | --jsonl] [--level 0.8|0.95]`: the loss model over
 * claim files. Default output is a readable Korean breakdown; --json prints one JSON object (one file);
 * --jsonl prints one JSON object per line, one per claim in input order, and a bad claim as an error
 * object naming its file. With one file, bad input exits 2 with the file, the field path and the reason
 * (never a stack trace); with several, every good claim is still computed and the exit code is 2 at the
 * end when any was bad.
 * --pack <pack.json> gives the incident pack (its rules) when the claims' incident is not a bundled one.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { josa } from 'es-hangul';
import { CliInputError } from '../errors.js';
import { readPackFile } from './pack.js';
import { parseClaimFile } from '../../core/model/claim-file';
import { roundWon, formatWon } from '../../core/model/money';
import { joined } from '../../core/model/common';
import { estimateClaim, type ClaimEstimate } from '../../core/estimate/index';
import { earningsWords, type ClaimantEarningsWords } from '../../core/estimate/channel-fares';
import { WEEKDAY_KO, weekdayOf } from '../../core/time/kst';

export const summary = '청구 파일의 손실을 계산해요 / estimate the loss of a claim file';

const USAGE = '사용법 / usage: outage-desk estimate <claim.json | folder>... [--json | --jsonl] [--level 0.8|0.95] [--pack <pack.json>]';

interface Args {
  inputs: string[];
  json: boolean;
  jsonl: boolean;
  level: number | undefined;
  pack: string | undefined;
}

function parseArgs(args: string[]): Args {
  const inputs: string[] = [];
  let json = false;
  let jsonl = false;
  let level: number | undefined;
  let pack: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--jsonl') jsonl = true;
    else if (a === '--level' || a.startsWith('--level=')) {
      const raw = a.includes('=') ? a.slice('--level='.length) : args[++i];
      if (raw !== '0.8' && raw !== '0.95') throw new CliInputError(`--level은 0.8 또는 0.95예요 / --level must be 0.8 or 0.95 (got ${raw ?? 'nothing'})\n${USAGE}`);
      level = Number(raw);
    } else if (a === '--pack' || a.startsWith('--pack=')) {
      pack = a.includes('=') ? a.slice('--pack='.length) : args[++i];
      if (!pack) throw new CliInputError(`--pack에 팩 파일을 적어 주세요 / --pack needs a pack file\n${USAGE}`);
    } else if (a.startsWith('-')) throw new CliInputError(`알 수 없는 옵션이에요 / unknown option: ${a}\n${USAGE}`);
    else inputs.push(a);
  }
  if (!inputs.length) throw new CliInputError(`청구 파일을 적어 주세요 / missing claim file\n${USAGE}`);
  if (json && jsonl) throw new CliInputError(`--json과 --jsonl 중 하나만 써 주세요 / use --json or --jsonl, not both\n${USAGE}`);
  return { inputs, json, jsonl, level, pack };
}

/**
 * The --json object: every figure rounded for display exactly as the packet prints it. Texts keep their
 * written shape, "한국어 / English" (joined at this boundary), so the output reads as it always has. When revenue is
 * not computable (counts only, no ticket: section 1) every revenue figure is null, never 0, and
 * `revenueNotComputable` carries the words; the counts stay.
 */
export function estimateToJson(file: string, e: ClaimEstimate) {
  const ok = e.revenue.computable;
  const display = (x: number) => roundWon(x);
  const money = <T>(x: T): T | null => (ok ? x : null);
  return {
    file,
    method: e.method,
    granularity: e.granularity,
    baseline: e.baseline,
    estimator: e.estimator,
    claimWindow: { start: e.claimWindow.start, end: e.claimWindow.end, intervals: e.claimWindow.intervals.map(({ start, end }) => ({ start, end })), bucketCount: e.claimWindow.bucketCount },
    referenceDates: e.referenceDates.byWindowDate,
    referenceWeeks: e.referenceDates.weeks.map((w) => ({ ...w, revenue: money(display(w.revenue)) })),
    k: e.referenceDates.k,
    revenueComputable: ok,
    revenueNotComputable: e.revenue.message && joined(e.revenue.message),
    expectedRevenue: money(display(e.expectedRevenue)),
    actualRevenue: money(display(e.actualRevenue)),
    expectedCount: Math.round(e.expectedCount * 10) / 10,
    actualCount: Math.round(e.actualCount * 10) / 10,
    lostCount: Math.round(e.lostCount * 10) / 10,
    lostRevenue: money(display(e.lostRevenue)),
    margin: e.margin.m,
    marginParts: { v: e.margin.v, c: e.margin.c, vConfirmed: e.margin.vConfirmed, cConfirmed: e.margin.cConfirmed },
    lostProfit: money(e.lostProfit),
    lostProfitRange: ok ? {
      low: e.lostProfitRange.low,
      high: e.lostProfitRange.high,
      level: e.lostProfitRange.level,
      driver: e.lostProfitRange.driver,
      s: e.lostProfitRange.s === null ? null : Math.round(e.lostProfitRange.s * 100) / 100,
      q: e.lostProfitRange.q === null ? null : Math.round(e.lostProfitRange.q * 1e6) / 1e6,
      h: Math.round(e.lostProfitRange.h * 100) / 100,
    } : null,
    trend: e.trend.enabled ? { factor: e.trend.factor, rawFactor: e.trend.rawFactor, hours: e.trend.hours } : null,
    directItems: e.directItems,
    directTotal: e.directTotal,
    indirectItems: e.indirectItems.map((i) => ({ ...i, label: joined(i.label), note: i.note && joined(i.note) })),
    indirectTotal: e.indirectTotal,
    claimTotal: e.claimTotal,
    rules: Object.fromEntries(Object.entries(e.rules).map(([id, r]) => [id, {
      loss: r.loss, band: r.band && { ...r.band, label: joined(r.band.label) }, computable: r.computable, kind: r.kind, eligible: r.eligible, details: r.details,
      notes: r.notes.map(joined), lines: r.lines.map(joined), inputs: r.inputs, gap: r.gap ? { ...r.gap, words: joined(r.gap.words) } : null,
    }])),
    assumptions: e.assumptions.map((a) => ({ ...a, value: typeof a.value === 'object' ? joined(a.value) : a.value, source: joined(a.source) })),
    warnings: e.warnings.map((w) => ({ ...w, message: joined(w.message) })),
  };
}

/** The console table in the claimant's words: a driver reads 수입 and 평균 요금, a shop 매출 and 평균 객단가. */
function text(e: ClaimEstimate, file: string, words: ClaimantEarningsWords): string {
  const w = words.earnings.ko;
  const won = (x: number) => formatWon(roundWon(x));
  const lines: string[] = [];
  const r = e.lostProfitRange;
  lines.push(`장애 손실 계산 (손실 모델 v1) — ${file}`);
  // Spans apart (two outage days a week apart) are each named, not the week between them.
  const spans = e.claimWindow.intervals.length > 1 ? e.claimWindow.intervals.map((i) => `${i.start} ~ ${i.end}`).join(', ') : `${e.claimWindow.start} ~ ${e.claimWindow.end}`;
  lines.push(`청구 기간: ${spans} (${e.granularity === 'hourly' ? '시간' : '일'} 단위 ${e.claimWindow.bucketCount}칸)`);
  if (e.baseline === 'same-slot') {
    lines.push(`기준일 (K = ${e.referenceDates.k}, ${{ mean: '평균', median: '중앙값', trimmed: '절사 평균' }[e.estimator]}):`);
    for (const [date, refs] of Object.entries(e.referenceDates.byWindowDate)) {
      lines.push(`  ${date}(${WEEKDAY_KO[weekdayOf(date)]}) ← ${refs.join(', ') || '없음'}${e.referenceDates.source[date] === 'suggested' ? ' (앱 제안)' : ''}`);
    }
  } else if (e.baseline === 'declared') lines.push(`기준: 직접 적은 평소 ${w} (신고 기준선)`);
  else lines.push('기준: 없음');
  lines.push('');
  const count = (x: number) => `${(Math.round(x * 10) / 10).toFixed(1)}건`;
  if (e.revenue.computable) {
    lines.push(`예상 ${w} E        ${won(e.expectedRevenue)}`);
    lines.push(`실제 ${w} A        ${won(e.actualRevenue)} (${words.driver ? '다른 호출 경로' : '다른 채널'} ${w} 포함)`);
    lines.push(`놓친 건수          ${count(e.lostCount)}`);
    lines.push(`잃은 ${w} LR       ${won(e.lostRevenue)}`);
  } else {
    // Section 1: counts only and no ticket. The words and the counts, never 0원 as a revenue.
    lines.push(`${josa(w, '을/를')} 계산할 수 없어요 / ${words.earnings.en} not computable`);
    for (const part of [e.revenue.message!.ko, e.revenue.message!.en]) lines.push(`  ${part}`);
    lines.push(`예상 건수          ${count(e.expectedCount)}`);
    lines.push(`실제 건수          ${count(e.actualCount)}`);
    lines.push(`놓친 건수          ${count(e.lostCount)}`);
  }
  lines.push(`이익률 m           ${(e.margin.m * 100).toFixed(1)}% (변동비 ${(e.margin.v * 100).toFixed(1)}%, 수수료 ${(e.margin.c * 100).toFixed(1)}%)`);
  if (e.revenue.computable) {
    lines.push(`잃은 이익 LP       ${formatWon(e.lostProfit)}  (${Math.round(r.level * 100)}% 범위 ${formatWon(r.low)} ~ ${formatWon(r.high)})`);
    lines.push(`범위의 근거        ${r.driverLabel.ko}`);
  } else lines.push(`잃은 이익 LP       계산할 수 없어요 (${josa(words.ticket.ko, '이/가')} 필요해요)`);
  if (e.trend.enabled) lines.push(`추세 보정          ×${e.trend.factor.toFixed(3)}${e.trend.applied ? '' : ' (적용 안 함)'}`);
  lines.push('');
  lines.push('통상손해 (직접 손해)');
  lines.push(`  잃은 이익                    ${e.revenue.computable ? formatWon(e.lostProfit) : '계산할 수 없어요 (합계에서 빠졌어요)'}`);
  for (const i of e.directItems) lines.push(`  ${i.description || i.category}  ${formatWon(i.amount)}`);
  lines.push(`  합계 D                       ${formatWon(e.directTotal)}`);
  lines.push('특별손해 (간접 손해)');
  for (const i of e.indirectItems) lines.push(`  ${i.label.ko}${i.speculative ? ' [추정]' : ''}  ${formatWon(i.amount)}`);
  lines.push(`  합계 I                       ${formatWon(e.indirectTotal)}`);
  lines.push(`청구 합계 D + I                ${formatWon(e.claimTotal)}`);
  const rules = Object.values(e.rules);
  if (rules.length) {
    lines.push('');
    lines.push('청구 창구 기준 (참고)');
    for (const rule of rules) {
      lines.push(`  ${rule.title.ko}: ${rule.loss === null ? '계산할 수 없어요' : formatWon(rule.loss)}${rule.band ? ` → ${rule.band.label.ko}` : ''}`);
      for (const l of rule.lines) lines.push(`    ${l.ko}`);
      for (const i of rule.inputs) lines.push(`    입력: ${i.name.ko} ${i.value === null ? '(아직 안 적었어요)' : Array.isArray(i.value) ? i.value.join(', ') : String(i.value)} (증빙: ${i.evidence.ko})`);
      for (const n of rule.notes) lines.push(`    - ${n.ko}`);
      if (rule.gap) lines.push(`    ${rule.gap.words.ko}`);
    }
  }
  const unconfirmed = e.assumptions.filter((a) => a.confirmed === false);
  if (unconfirmed.length) {
    lines.push('');
    lines.push('확인이 필요한 가정');
    for (const a of unconfirmed) lines.push(`  - ${a.label.ko}: ${typeof a.value === 'object' ? joined(a.value) : a.value}`);
  }
  if (e.warnings.some((x) => x.code !== 'revenue-not-computable')) {
    lines.push('');
    lines.push('알림');
    for (const w of e.warnings.filter((x) => x.code !== 'revenue-not-computable')) lines.push(`  - ${w.message.ko}`);
  }
  return lines.join('\n');
}

/** The .json files under a folder (recursively), sorted by name, so the order is the same on every machine. */
async function claimFilesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await claimFilesIn(path)));
    else if (e.isFile() && e.name.toLowerCase().endsWith('.json')) out.push(path);
  }
  return out;
}

/** Files named directly stay in the order given; a folder adds its .json files in name order. */
async function expandInputs(inputs: string[]): Promise<{ files: string[]; folders: number }> {
  const files: string[] = [];
  let folders = 0;
  for (const input of inputs) {
    let isFolder = false;
    try {
      isFolder = (await stat(input)).isDirectory();
    } catch {
      // not there: reading it below reports it as this file's error
    }
    if (isFolder) {
      folders++;
      const found = await claimFilesIn(input);
      if (!found.length) throw new CliInputError(`${input}: 폴더에 청구 파일(.json)이 없어요 / no claim files (.json) in the folder`);
      files.push(...found);
    } else files.push(input);
  }
  return { files, folders };
}

type Outcome = { ok: true; estimate: ClaimEstimate; words: ClaimantEarningsWords } | { ok: false; message: string; messages: string[]; issues: { path: string; message: string }[] };

/** One claim file to its estimate, or the reasons it cannot be estimated (each line names the file). */
type Pack = Awaited<ReturnType<typeof readPackFile>>;

async function estimateFile(file: string, level: number | undefined, pack: Pack | undefined): Promise<Outcome> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = `파일을 읽을 수 없어요 / cannot read the file (${code ?? 'error'})`;
    return { ok: false, message, messages: [`${file}: ${message}`], issues: [{ path: '', message }] };
  }
  const parsed = parseClaimFile(content);
  if (!parsed.ok) {
    const shown = parsed.issues.slice(0, 20).map((i) => `${file}: ${i.path || '(파일 / file)'}: ${joined(i.message)}`);
    if (parsed.issues.length > 20) shown.push(`${file}: … 외 ${parsed.issues.length - 20}개 / and ${parsed.issues.length - 20} more`);
    const first = parsed.issues[0];
    const message = first ? `${first.path || '(파일 / file)'}: ${joined(first.message)}` : '청구 파일이 올바르지 않아요 / not a valid claim file';
    return { ok: false, message, messages: shown, issues: parsed.issues.map((i) => ({ path: i.path, message: joined(i.message) })) };
  }
  if (pack && parsed.claim.incident.presetId !== pack.id && parsed.claim.incident.id !== pack.id) {
    const message = `청구의 장애(${parsed.claim.incident.presetId ?? parsed.claim.incident.id})와 팩(${pack.id})이 달라요 / the claim's incident is not this pack's`;
    return { ok: false, message, messages: [`${file}: ${message}`], issues: [{ path: 'incident', message }] };
  }
  const estimate = estimateClaim(parsed.claim, { ...(level === undefined ? {} : { alpha: Number((1 - level).toFixed(10)) }), ...(pack ? { pack } : {}) });
  return { ok: true, estimate, words: earningsWords(parsed.claim.claimant.kind) };
}

/** Writes to stdout, waiting when the pipe is full, so 10,000 lines never pile up in memory. */
function write(text: string): Promise<void> | void {
  if (process.stdout.write(text)) return;
  return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

export async function run(args: string[]): Promise<number> {
  const { inputs, json, jsonl, level, pack: packFile } = parseArgs(args);
  const pack = packFile === undefined ? undefined : await readPackFile(packFile);
  const { files, folders } = await expandInputs(inputs);
  const single = files.length === 1 && folders === 0;
  if (json && !single) throw new CliInputError(`파일이 여러 개면 --jsonl을 써 주세요 (한 줄에 청구 하나) / several files: use --jsonl (one claim per line)\n${USAGE}`);
  let bad = 0;
  // One claim at a time, in input order: each is read, estimated and printed before the next is read.
  for (const [n, file] of files.entries()) {
    const outcome = await estimateFile(file, level, pack);
    if (!outcome.ok) {
      // One file alone keeps the old behaviour: its reasons on stderr and exit 2.
      if (single && !jsonl) throw new CliInputError(outcome.messages.join('\n'));
      bad++;
      if (jsonl) await write(`${JSON.stringify({ file, error: { message: outcome.message, issues: outcome.issues } })}\n`);
      else process.stderr.write(`${outcome.messages.join('\n')}\n`);
      continue;
    }
    if (jsonl) await write(`${JSON.stringify(estimateToJson(file, outcome.estimate))}\n`);
    else if (json) await write(`${JSON.stringify(estimateToJson(file, outcome.estimate), null, 2)}\n`);
    else await write(`${n > 0 ? '\n' : ''}${text(outcome.estimate, file, outcome.words)}\n`);
  }
  if (bad && !single) process.stderr.write(`청구 ${files.length}개 중 ${bad}개를 계산하지 못했어요 / ${bad} of ${files.length} claims could not be estimated\n`);
  return bad ? 2 : 0;
}
