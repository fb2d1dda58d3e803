import type { ClaimDescription } from './facts';
import { formatWon } from './format';
import type { ChannelProfile } from './profile';
import type { ReadinessIssue } from './readiness';

const FILE_NOTES: Record<string, string> = {
  'claim.json': '청구 파일 원본 (앱에서 다시 열 수 있어요)',
  'report.pdf': '손실 계산서 (요약, 계산 방법, 가정, 기준일, 구간별 표, 그래프, 증빙 목록, 서명란)',
  'records.csv': '기록 전체 (엑셀에서 열리는 UTF-8 CSV)',
  'form.txt': '신청 양식 항목별로 붙여 넣을 글',
  'incident-pack.json': '이 청구의 금액을 계산할 때 쓴 장애 정보와 회사 보상 기준 (앱에 들어 있지 않은 장애라 함께 넣었어요)',
  'manifest.json': '모든 파일의 크기와 SHA-256, 만든 때, 주요 금액',
};

/** README.txt: a short Korean note on what is inside and how to check nothing was changed. */
export function readmeTxt(profile: ChannelProfile, description: ClaimDescription, paths: readonly string[], readiness: readonly ReadinessIssue[]): string {
  const r = description.report;
  const lines = [
    `장애 손실 청구 묶음 — ${profile.name.ko}`,
    `청구: ${r.title}, 신청인 ${r.claimant.name}`,
    `청구 합계 ${formatWon(r.figures.claimTotal)} (직접 ${formatWon(r.figures.directTotal)} + 간접 ${formatWon(r.figures.indirectTotal)})`,
    ...(r.rule ? [`${r.rule.name}: ${formatWon(r.rule.loss)} (${r.rule.bandLabel})`] : []),
    ...(description.quickLogLine ? [description.quickLogLine] : []),
    '',
    '[들어 있는 파일]',
    ...['manifest.json', ...paths.filter((p) => p !== 'README.txt')].map((p) => `- ${p}${FILE_NOTES[p] ? `: ${FILE_NOTES[p]}` : p.startsWith('evidence/') ? ': 증빙 파일' : ''}`),
    '',
    '[내는 방법]',
    profile.howToSubmit,
    '',
    '[바뀌지 않았는지 확인하는 방법]',
    '- 장애 손실 계산기에서: outage-desk verify <이 zip 파일>',
    '- 직접: 각 파일의 SHA-256을 구해 manifest.json의 값과 비교하세요.',
    '  Windows: certutil -hashfile report.pdf SHA256',
    '  macOS/Linux: shasum -a 256 report.pdf',
    '',
  ];
  if (readiness.length) {
    lines.push('[아직 빠진 것]', ...readiness.map((i) => `- ${i.message.ko}`), '');
  }
  return lines.join('\r\n');
}
