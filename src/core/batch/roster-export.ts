import { neutraliseCell, toCsv } from '../packet/csv';
import { BAND_LABELS, INDUSTRY_LABELS, KIND_LABELS, serviceLabel } from './aggregate';
import type { MemberStatus } from './dedupe';
import { maskFreeText, redactMember } from './redact';
import { reasonLine, type BatchMember, type InvalidItem } from './types';
import { stampZipTimes } from '../zip/index';

/**
 * The batch roster: every item of the batch in one table (members that stay, duplicates removed and
 * why, invalid items and why), as CSV for Korean Excel (UTF-8 BOM) and as XLSX. Cells that a spreadsheet
 * would run as a formula are neutralised in both (OWASP CSV injection).
 */

export const ROSTER_COLUMNS = [
  '상태', '사유', '출처 파일', '행', '청구 ID', '구분', '업종', '상호', '이름', '사업자등록번호', '휴대전화', '시도', '시군구',
  '은행', '계좌번호', '이용 서비스', '직접 손해(원)', '간접 손해(원)', '청구 합계(원)', '매출 손실(원)', '회사 보상 기준 (장애별)', '금액 근거', '고객 불만·불편',
] as const;

export type RosterCell = string | number | null;

const STATUS_LABELS = { ok: '정상', duplicate: '중복(제외)', 'suspected-duplicate': '중복 의심', invalid: '오류' } as const;
const BASIS_LABELS = { engine: '앱 계산', declared: '신고액', none: '없음' } as const;

export function rosterTable(
  members: readonly BatchMember[],
  status: ReadonlyMap<string, MemberStatus>,
  invalid: readonly InvalidItem[],
  options: { redact: boolean },
): RosterCell[][] {
  const rows: RosterCell[][] = [];
  for (const original of members) rows.push(rosterRow(original, status.get(original.id), options));
  for (const item of invalid) rows.push(invalidRosterRow(item, options));
  return rows;
}

/** One member's roster row (the member as read, before merges: the roster lists every item). */
export function rosterRow(original: BatchMember, memberStatus: MemberStatus | undefined, options: { redact: boolean }): RosterCell[] {
  const m = options.redact ? redactMember(original) : original;
  const s = memberStatus ?? { status: 'ok' as const };
  const note =
    s.status === 'duplicate' ? `${s.duplicateOf}와 중복` :
    s.status === 'suspected-duplicate' ? `확인 필요: ${(s.suspectedWith ?? []).join(', ')}` :
    s.mergedFrom?.length ? `합침: ${s.mergedFrom.join(', ')}` : '';
  return [
    STATUS_LABELS[s.status], note, m.source.file, m.source.row ?? null, m.claimId ?? '', KIND_LABELS[m.kind] ?? m.kind,
    INDUSTRY_LABELS[m.industry] ?? m.industry, m.businessName ?? '', m.name, m.businessNumber ?? '', m.mobile ?? '',
    m.region.sido, m.region.sigungu, m.bankAccount?.bank ?? '', m.bankAccount?.number ?? '', m.services.map(serviceLabel).join(', '),
    m.figures.direct, m.figures.indirect, m.figures.total, m.figures.salesLoss, m.figures.ruleLabel ?? BAND_LABELS[m.figures.band], BASIS_LABELS[m.figures.basis], m.complaints ?? '',
  ];
}

export function invalidRosterRow(item: InvalidItem, options: { redact: boolean }): RosterCell[] {
  const row: RosterCell[] = new Array<RosterCell>(ROSTER_COLUMNS.length).fill('');
  row[0] = STATUS_LABELS.invalid;
  row[1] = options.redact ? maskFreeText(reasonLine(item)) : reasonLine(item);
  row[2] = item.file;
  row[3] = item.row ?? null;
  return row;
}

const BOM = '\uFEFF';

export function rosterCsv(rows: readonly RosterCell[][]): Uint8Array {
  return new TextEncoder().encode(rosterCsvHead() + rows.map(rosterCsvLine).join(''));
}

/** The roster CSV's first bytes as text: the BOM and the header line. */
export function rosterCsvHead(): string {
  return BOM + toCsv([[...ROSTER_COLUMNS]]);
}

/** One roster row as a CSV line (CRLF ended): the head then every line is `rosterCsv`, byte for byte. */
export function rosterCsvLine(row: readonly RosterCell[]): string {
  return toCsv([row.map((c) => (c === null ? '' : String(c)))]);
}

/** A workbook cell as both workbooks write it: text neutralised (no formulas), numbers kept. */
export function rosterXlsxCell(c: RosterCell): RosterCell {
  return typeof c === 'string' ? neutraliseCell(c) : c;
}

/** The money columns' 1-based numbers (direct, indirect, total, sales loss), shown as #,##0. */
export const ROSTER_MONEY_COLUMNS = [17, 18, 19, 20] as const;

/** XLSX through exceljs (loaded only here): numbers stay numbers, text is neutralised like the CSV. */
export async function rosterXlsx(rows: readonly RosterCell[][], madeAt: Date): Promise<Uint8Array> {
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Outage Loss Desk';
  // Fixed from the injected clock so the same batch gives the same workbook metadata.
  workbook.created = madeAt;
  workbook.modified = madeAt;
  const sheet = workbook.addWorksheet('회원 명단');
  sheet.addRow([...ROSTER_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map(rosterXlsxCell));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const c of ROSTER_MONEY_COLUMNS) sheet.getColumn(c).numFmt = '#,##0';
  const buffer = await workbook.xlsx.writeBuffer();
  // exceljs stamps each zip entry with the wall clock: stamped again with the injected clock, the same batch
  // gives the same workbook, byte for byte, and its manifest line with it.
  const bytes = new Uint8Array(buffer as ArrayBuffer);
  stampZipTimes(bytes, madeAt);
  return bytes;
}
