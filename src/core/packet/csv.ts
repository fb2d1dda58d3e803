import type { ClaimantKind } from '../model/claimant';
import type { ActivityRecord } from '../model/record';
import { formatKst } from './format';

/**
 * records.csv for Korean Excel: UTF-8 with a BOM (domain brief section 4), CRLF line ends, RFC 4180 quoting.
 * A cell that starts with = + - @ (or their full-width forms ＝ ＋ － ＠), possibly after leading blanks
 * (spaces, U+3000, tabs, line breaks: Excel and LibreOffice skip them before reading a formula), or that
 * starts with a tab, CR or LF at all, is prefixed with a single quote so that a spreadsheet never runs it
 * as a formula (OWASP "CSV injection").
 */

/** `\s` in a Unicode regex covers space, U+3000, NBSP, tab, CR, LF and the BOM. */
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function quoteCell(value: string): string {
  const safe = neutraliseCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => row.map(quoteCell).join(',')).join('\r\n') + '\r\n';
}

export const RECORDS_CSV_HEADER = ['시간 구간 (한국 시간)', '판매 채널', '건수', '매출(원)', '기록 방식', '출처 파일', '출처 SHA-256', '행', '메모'] as const;
/** A driver's records: calls come through call channels and earn 수입, not a shop's sales channels and 매출. */
export const DRIVER_RECORDS_CSV_HEADER = ['시간 구간 (한국 시간)', '콜 채널', '건수', '수입(원)', '기록 방식', '출처 파일', '출처 SHA-256', '행', '메모'] as const;

/** How each record was made, in the words the records screen promises ("신고서에 「그때 기록」으로 표시돼요"). */
const PROVENANCE_KO: Record<ActivityRecord['provenance']['kind'], string> = {
  imported: '파일에서 가져옴',
  logged: '그때 기록',
  reconstructed: '나중에 재구성한 기록',
};

/** `2022-10-15 20:00` for an hourly bucket or a KST instant; a daily bucket stays `2022-10-15`. */
function wallTime(at: string): string {
  return at.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?\+09:00$/, '$1 $2');
}

/** A channel as the claimant named it ("카드 매출"), never its id. */
export type ChannelNames = ReadonlyMap<string, string>;

function reconstructedNote(p: Extract<ActivityRecord['provenance'], { kind: 'reconstructed' }>): string {
  const confidence = p.ocrConfidence !== undefined ? `글자 인식으로 읽고 사람이 확인함 (인식 신뢰도 ${Math.round(p.ocrConfidence)}/100)` : '';
  return [p.note ?? '', confidence].filter(Boolean).join(' · ');
}

function recordRow(record: ActivityRecord, names: ChannelNames): string[] {
  const p = record.provenance;
  return [
    wallTime(record.bucket),
    names.get(record.channel) ?? record.channel,
    String(record.count),
    record.revenue == null ? '' : String(record.revenue),
    PROVENANCE_KO[p.kind],
    p.kind === 'imported' ? (p.fileName ?? '') : '',
    // A record read from a screenshot names it by its SHA-256, the key of that screenshot among the evidence.
    p.kind === 'imported' ? p.fileSha256 : p.kind === 'reconstructed' ? (p.screenshotSha256 ?? '') : '',
    p.kind === 'imported' && p.row != null ? String(p.row) : '',
    p.kind === 'reconstructed' ? reconstructedNote(p) : p.kind === 'logged' && p.loggedAt ? `기록한 때 ${formatKst(p.loggedAt)}` : '',
  ];
}

const BOM = '\uFEFF';

/**
 * Records in bucket, then channel order, so the file is the same whatever order they were entered in.
 * `channels`: the claimant's sales channels, whose names stand in for the ids a reviewer cannot read.
 */
export function recordsCsv(records: ReadonlyArray<ActivityRecord>, channels: ReadonlyArray<{ id: string; label: string }> = [], kind: ClaimantKind = 'merchant'): Uint8Array {
  const names: ChannelNames = new Map(channels.map((c) => [c.id, c.label]));
  const sorted = [...records].sort((a, b) => (a.bucket === b.bucket ? (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0) : a.bucket < b.bucket ? -1 : 1));
  return new TextEncoder().encode(BOM + toCsv([[...(kind === 'merchant' ? RECORDS_CSV_HEADER : DRIVER_RECORDS_CSV_HEADER)], ...sorted.map((r) => recordRow(r, names))]));
}
