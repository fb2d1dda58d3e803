import type { ActivityRecord } from '../model/record';

/**
 * records.csv for Korean Excel: UTF-8 with a BOM (domain brief section 4), CRLF line ends, RFC 4180 quoting.
 * A cell that starts with = + - @, a tab or a CR is prefixed with a single quote so that a spreadsheet never
 * runs it as a formula (OWASP "CSV injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;

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

export const RECORDS_CSV_HEADER = ['시간 구간', '판매 채널', '건수', '매출(원)', '기록 방식', '출처 파일', '출처 SHA-256', '행', '메모'] as const;

const PROVENANCE_KO: Record<ActivityRecord['provenance']['kind'], string> = {
  imported: '가져옴(imported)',
  logged: '당시 기록(logged)',
  reconstructed: '나중에 재구성(reconstructed)',
};

function reconstructedNote(p: Extract<ActivityRecord['provenance'], { kind: 'reconstructed' }>): string {
  const confidence = p.ocrConfidence !== undefined ? `글자 인식으로 읽고 사람이 확인함 (인식 신뢰도 ${Math.round(p.ocrConfidence)}/100)` : '';
  return [p.note ?? '', confidence].filter(Boolean).join(' · ');
}

function recordRow(record: ActivityRecord): string[] {
  const p = record.provenance;
  return [
    record.bucket,
    record.channel,
    String(record.count),
    record.revenue == null ? '' : String(record.revenue),
    PROVENANCE_KO[p.kind],
    p.kind === 'imported' ? (p.fileName ?? '') : '',
    // A record read from a screenshot names it by its SHA-256, the key of that screenshot among the evidence.
    p.kind === 'imported' ? p.fileSha256 : p.kind === 'reconstructed' ? (p.screenshotSha256 ?? '') : '',
    p.kind === 'imported' && p.row != null ? String(p.row) : '',
    p.kind === 'reconstructed' ? reconstructedNote(p) : p.kind === 'logged' ? (p.loggedAt ?? '') : '',
  ];
}

const BOM = '\uFEFF';

/** Records in bucket, then channel order, so the file is the same whatever order they were entered in. */
export function recordsCsv(records: ReadonlyArray<ActivityRecord>): Uint8Array {
  const sorted = [...records].sort((a, b) => (a.bucket === b.bucket ? (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0) : a.bucket < b.bucket ? -1 : 1));
  return new TextEncoder().encode(BOM + toCsv([[...RECORDS_CSV_HEADER], ...sorted.map(recordRow)]));
}
