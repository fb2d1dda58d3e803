import { readFile } from 'node:fs/promises';
import { estimateClaim } from '../../core/estimate/estimate-claim';
import { parseClaimFile } from '../../core/model/claim-file';
import type { Claim } from '../../core/model/claim';
import { joined, readJoined } from '../../core/model/common';
import { formatKst, formatWon } from '../../core/packet/format';
import { CHANNEL_PROFILES } from '../../core/packet/profiles';
import { SUBMISSION_STATUS_KO } from '../../core/packet/submissions';
import { isKstDate, type KstDate } from '../../core/time/kst';
import { claimDeadlines, claimGap, kstToday, nextSteps, type Deadline, type NextStepId } from '../../core/tracker';
import { CliInputError } from '../errors.js';

export const summary = '보낸 신청, 마감, 받은 금액과 차이를 보여줘요 / show submissions, deadlines and the claimed-vs-paid gap';

const USAGE = '사용법 / usage: outage-desk status <claim.json> [--today 2022-11-01] [--json]';

/** What each next step means, in one plain sentence (the UI says the same from its i18n files). */
const NEXT_STEP_KO: Record<NextStepId, string> = {
  'send-documents': '요청받은 서류를 마감 전에 보내요.',
  'ask-own-rule': '회사가 스스로 정한 보상 기준보다 적게 제안했어요. 그 기준(구간)을 들어 다시 요청해요.',
  'accept-offer': '제안을 받아들이면 보통 이 건은 끝나요. 더 청구하지 않겠다는 문구가 있는지 먼저 확인해요.',
  damage365: '온라인피해365센터에 앞선 신청을 인용한 신청서를 내요 (helpos.kr, 전화 142-235).',
  'dispute-mediation': '통신분쟁조정위원회에 조정을 신청해요. 보통 60일 안에 조정안이 나와요.',
  'group-mediation': '같은 피해를 입은 50명 이상이 모이면 협회가 한국소비자원에 집단분쟁조정을 신청할 수 있어요.',
  'small-claims': '3천만 원 이하 청구는 법원의 소액사건 절차로 낼 수 있어요.',
};

function parseArgs(args: string[]): { file: string; today: KstDate; json: boolean } {
  let file: string | undefined;
  let today: KstDate | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--today') {
      const v = args[++i];
      if (v === undefined || !isKstDate(v)) throw new CliInputError(`--today는 2022-11-01 형식의 날짜예요 / --today must be a date like 2022-11-01: ${v ?? '(없음 / missing)'}`);
      today = v;
    } else if (arg.startsWith('--')) throw new CliInputError(`알 수 없는 옵션이에요 / unknown option: ${arg}\n${USAGE}`);
    else if (!file) file = arg;
    else throw new CliInputError(`인자가 너무 많아요 / unexpected argument: ${arg}\n${USAGE}`);
  }
  if (!file) throw new CliInputError(USAGE);
  return { file, today: today ?? kstToday(new Date()), json };
}

const channelName = (id: string) => CHANNEL_PROFILES.find((p) => p.id === id)?.name.ko ?? id;
const won = (n: number | null) => (n === null ? '-' : formatWon(n));

function deadlineLine(d: Deadline): string {
  const window = `${d.opens} ~ ${d.closes ?? '마감 공지 없음'}`;
  const when =
    d.state === 'not-open' ? '아직 열리지 않았어요'
      : d.state === 'no-deadline' ? '마감이 공개되지 않았어요'
        : d.state === 'closed' ? `마감됐어요 (${-d.daysLeft!}일 지남)`
          : d.daysLeft === 0 ? '오늘 마감이에요' : `${d.daysLeft}일 남았어요`;
  const owed = d.due ? (d.submissionIds.length ? '서류 요청에 답할 차례예요' : '아직 내지 않았어요') : '냈어요';
  return `${d.warn ? '! ' : '- '}${d.name.ko}: ${window}, ${when}, ${owed}${d.note ? ` (${d.note.ko})` : ''}`;
}

function report(file: string, claim: Claim, today: KstDate) {
  const estimate = estimateClaim(claim);
  const gap = claimGap(claim, estimate, CHANNEL_PROFILES);
  const deadlines = claimDeadlines(claim, CHANNEL_PROFILES, today);
  const steps = Object.fromEntries(claim.submissions.map((s) => [s.id, nextSteps(claim, gap, s.id)]));
  return { file, claimId: claim.id, today, gap, deadlines, nextSteps: steps, submissions: claim.submissions };
}

/** The --json object: the report with its texts in their written shape, "한국어 / English", as it always read. */
function toJson(r: ReturnType<typeof report>) {
  return {
    ...r,
    gap: {
      ...r.gap,
      submissions: r.gap.submissions.map((sg) => ({ ...sg, rule: sg.rule && { ...sg.rule, band: sg.rule.band && { ...sg.rule.band, label: joined(sg.rule.band.label) } } })),
    },
    deadlines: r.deadlines.map((d) => (d.note ? { ...d, note: joined(d.note) } : d)),
  };
}

function text(r: ReturnType<typeof report>, claim: Claim): string {
  const g = r.gap;
  const lines = [
    `${claim.title !== undefined ? readJoined(claim.title).ko : claim.id} (${r.file})`,
    `청구 합계 / claim total ${formatWon(g.claimTotal)} (손실 이익 ${formatWon(g.lostProfit)}, 범위 ${formatWon(g.lostProfitRange.low)} ~ ${formatWon(g.lostProfitRange.high)})`,
    `받은 금액 / paid ${formatWon(g.paidTotal)} · 아직 못 받은 차이 / gap ${formatWon(g.gap)}${g.offeredOpen ? ` · 답하지 않은 제안 ${formatWon(g.offeredOpen)}` : ''}`,
    '',
    `신청 / submissions (${claim.submissions.length})`,
  ];
  if (!claim.submissions.length) lines.push('  아직 기록한 신청이 없어요 / none recorded yet');
  for (const s of claim.submissions) {
    const sg = g.submissions.find((x) => x.submissionId === s.id)!;
    lines.push(`- ${s.id} ${channelName(s.channel)}: ${SUBMISSION_STATUS_KO[s.status]}${s.sentAt ? `, 보냄 ${formatKst(s.sentAt)}` : ''}${s.reference ? `, 접수번호 ${s.reference}` : ''}`);
    lines.push(`    요청 ${formatWon(sg.asked)} · 제안 ${won(sg.offered)} · 지급 ${won(sg.paid)}${sg.shortBy !== null ? ` · 모자람 ${formatWon(sg.shortBy)}` : ''}`);
    if (sg.rule) {
      const pays = sg.rule.band ? (sg.rule.band.payout === null ? '심사' : formatWon(sg.rule.band.payout)) : '-';
      lines.push(`    채널 기준 / channel rule: ${sg.rule.title.ko}, ${formatWon(sg.rule.loss)} → ${sg.rule.band?.label.ko ?? '-'} (지급 ${pays})`);
    }
    if (s.packetSha256) lines.push(`    보낸 묶음 SHA-256 ${s.packetSha256}`);
    if (s.notes) lines.push(`    메모: ${s.notes.replace(/\s*\n\s*/g, ' ')}`);
    for (const step of r.nextSteps[s.id] ?? []) lines.push(`    ${step.recommended ? '→' : '·'} ${NEXT_STEP_KO[step.id]}${step.alreadyStarted ? ' (이미 준비했어요)' : ''}`);
  }
  lines.push('', `마감 / deadlines (오늘 ${r.today}, 한국 시간)`);
  if (!r.deadlines.length) lines.push('  해당하는 접수 기간이 없어요 / none');
  for (const d of r.deadlines) lines.push(`  ${deadlineLine(d)}`);
  return lines.join('\n');
}

export async function run(args: string[]): Promise<number> {
  const { file, today, json } = parseArgs(args);
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (err) {
    throw new CliInputError(`${file}: 파일을 읽을 수 없어요 / cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const parsed = parseClaimFile(content);
  if (!parsed.ok) {
    throw new CliInputError(parsed.issues.slice(0, 20).map((i) => `${file}: ${i.path || '(파일 / file)'}: ${joined(i.message)}`).join('\n'));
  }
  const r = report(file, parsed.claim, today);
  console.log(json ? JSON.stringify(toJson(r), null, 2) : text(r, parsed.claim));
  // Exit 0 either way: a warning is information, not a failure.
  return 0;
}
