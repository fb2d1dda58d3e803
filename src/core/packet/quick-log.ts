/**
 * The quick log's chain in the packet (issue 19): "n entries, chain intact", or exactly where it breaks,
 * in plain Korean for the reviewer, as one line of the method (PDF and README.txt).
 */
import type { ChainCheck } from '../quicklog/chain';
import type { ClaimDescription } from './facts';

export function quickLogSentence(check: ChainCheck): string {
  if (check.intact) {
    return `운행 중 빠른 기록: ${check.ko}. 누를 때마다 그 시각과 앞 기록의 지문을 이어 붙여 두어서, 나중에 고치거나 지운 기록이 있으면 드러나요`;
  }
  return `운행 중 빠른 기록: 기록 ${check.entries}개 중 ${check.ko}`;
}

/** The description with the quick log's line added to its method (nothing changes without a log). */
export function withQuickLog(description: ClaimDescription, check: ChainCheck | undefined): ClaimDescription {
  if (!check || check.entries === 0) return description;
  const report = description.report;
  const line = quickLogSentence(check);
  return { ...description, quickLogLine: line, report: { ...report, method: { ...report.method, lines: [...report.method.lines, line] } } };
}
