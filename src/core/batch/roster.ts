import Papa from 'papaparse';
import type { CellValue } from 'exceljs';
import { checkWorkbookZip, ZipError } from '../zip/index';
import { bt, joined, type BilingualText } from '../model/common';
import type { ClaimantKind } from '../model/claimant';
import { isValidBusinessNumber, isValidMobile } from '../model/validators';
import { smbBestWeekBand } from '../estimate/rules/index';
import { decodeText, type Cp949Decoder } from '../io/encoding';
import { cellText, isBlank, parseAmount, type Cell } from '../io/values';
import { businessNumberKey, canonicalSido, formatBusinessNumber, formatMobile, mobileKey, UNKNOWN_SIDO } from './normalise';
import { itemReason, reasonOfMessage, type BandId, type BatchMember, type InvalidItem, type ItemReason, type MemberFigures } from './types';
import type { ItemResult } from './items';

/**
 * Member rosters (회원 명단) as associations keep them, one row per member, with the fields of the SEMAS
 * intake (domain.md section 2): business information, the Kakao services used (several, separated by , or ;),
 * the change in sales (before/after, or the loss itself), customer complaints, and a bank account.
 * Headers are recognised in Korean and English; a title block above the header row is skipped.
 */

export const ROSTER_FIELDS = [
  'name', 'businessName', 'businessNumber', 'mobile', 'sido', 'sigungu', 'address', 'industry', 'kind', 'services',
  'salesBefore', 'salesAfter', 'salesLoss', 'direct', 'indirect', 'complaints', 'bank', 'account', 'holder',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Known header spellings, folded by `rosterHeaderKey`. */
const HEADERS: Record<RosterField, readonly string[]> = {
  name: ['대표자', '대표자명', '대표자성명', '성명', '이름', '신청인', '회원명', '기사명', 'name', 'owner', 'ownername'],
  businessName: ['상호', '상호명', '업체명', '가게이름', '매장명', '사업장명', 'businessname', 'shop', 'shopname', 'company'],
  businessNumber: ['사업자등록번호', '사업자번호', '사업자등록', 'businessnumber', 'brn', 'businessregistrationnumber'],
  mobile: ['휴대전화', '휴대전화번호', '휴대폰', '휴대폰번호', '핸드폰', '연락처', '전화번호', 'mobile', 'phone', 'mobilenumber'],
  sido: ['시도', '광역시도', '지역', '시도명', 'sido', 'region', 'province'],
  sigungu: ['시군구', '시군구명', 'sigungu', 'district', 'city'],
  address: ['주소', '사업장주소', '소재지', 'address'],
  industry: ['업종', '업태', '업종명', 'industry', 'sector'],
  kind: ['구분', '신청인구분', '회원구분', '유형', '신청유형', 'kind', 'claimantkind', 'type'],
  services: ['이용서비스', '피해서비스', '사용서비스', '장애서비스', '카카오서비스', '서비스', 'services', 'servicesaffected', 'service'],
  salesBefore: ['평소매출', '장애전매출', '이전매출', '매출전', '평소주간매출', '최고주간매출', 'salesbefore', 'usualsales', 'before'],
  salesAfter: ['장애주매출', '장애기간매출', '장애후매출', '매출후', '장애주간매출', 'salesafter', 'outagesales', 'after'],
  salesLoss: ['피해금액', '피해액', '손실금액', '매출손실', '매출감소', '매출감소액', '손해액', 'loss', 'salesloss', 'lossamount'],
  direct: ['직접손해', '직접피해', 'directloss', 'direct'],
  indirect: ['간접손해', '간접피해', 'indirectloss', 'indirect'],
  complaints: ['고객불만', '고객민원', '민원', '불편사항', '피해내용', '피해사항', '내용', 'complaints', 'complaint'],
  bank: ['은행', '은행명', '입금은행', 'bank', 'bankname'],
  account: ['계좌번호', '계좌', '입금계좌', 'account', 'accountnumber'],
  holder: ['예금주', '예금주명', 'holder', 'accountholder'],
};

/** Trim, drop BOM/zero-width characters, a unit such as (원), spaces, brackets and dots; lowercase. */
export function rosterHeaderKey(header: string): string {
  return header
    .replace(/[\uFEFF\u200B]/gu, '')
    .replace(/[([（［]\s*(원|₩|krw|만원)\s*[)\]）］]/giu, '')
    .replace(/[\s()[\]（）［］·.,_\-/]+/gu, '')
    .toLowerCase();
}

const LOOKUP: Map<string, RosterField> = new Map(ROSTER_FIELDS.flatMap((f) => HEADERS[f].map((h) => [h, f] as const)));

export type RosterMapping = Partial<Record<RosterField, number>>;

/** Column index per field; the first column wins when a field's header appears twice. */
export function rosterMapping(headers: readonly string[]): RosterMapping {
  const mapping: RosterMapping = {};
  headers.forEach((h, i) => {
    const field = LOOKUP.get(rosterHeaderKey(h));
    if (field && mapping[field] === undefined) mapping[field] = i;
  });
  return mapping;
}

const HEADER_SEARCH_ROWS = 20;

function isHeaderRow(cells: readonly Cell[]): boolean {
  const m = rosterMapping(cells.map(cellText));
  return (m.name !== undefined || m.businessName !== undefined) && Object.keys(m).length >= 2;
}

/** Service answers as the incident's service ids; an answer the app does not know stays as `other:<text>`. */
export function serviceIdOf(answer: string, kind: ClaimantKind): string {
  const t = answer.normalize('NFC').replace(/\s+/g, '').toLowerCase();
  if (!t) return '';
  if (/^(kakaotalk|kakao-t-taxi|kakao-t-daeri|kakao-pay|kakao-navi-map|kakaotalk-gift-order|talk-channel|kakao-all)$/.test(t)) return t;
  if (t.includes('채널') || t.includes('channel')) return 'talk-channel';
  if (t.includes('페이') || t.includes('pay')) return 'kakao-pay';
  if (t.includes('선물') || t.includes('주문') || t.includes('gift')) return 'kakaotalk-gift-order';
  if (t.includes('대리') || t.includes('daeri')) return 'kakao-t-daeri';
  if (t.includes('택시') || t.includes('taxi')) return 'kakao-t-taxi';
  if (/카카오t$|kakaot$/.test(t)) return kind === 'designated-driver' ? 'kakao-t-daeri' : 'kakao-t-taxi';
  if (t.includes('맵') || t.includes('지도') || t.includes('내비') || t.includes('navi') || t.includes('map')) return 'kakao-navi-map';
  if (t.includes('카카오톡') || t.includes('카톡') || t.includes('메시지') || t.includes('kakaotalk')) return 'kakaotalk';
  if (t.includes('전체') || t.includes('로그인') || t.includes('계정')) return 'kakao-all';
  return `other:${answer.trim()}`;
}

export function splitServices(text: string): string[] {
  return text.split(/[,;，；\n]+/).map((s) => s.trim()).filter(Boolean);
}

export function kindOf(kindText: string, industryText: string): ClaimantKind | null {
  const t = `${kindText} ${industryText}`.replace(/\s+/g, '').toLowerCase();
  if (t.includes('대리') || t.includes('designated')) return 'designated-driver';
  if (t.includes('택시') || t.includes('taxi')) return 'taxi';
  if (!kindText.trim()) return 'merchant';
  if (/소상공인|가맹점|자영업|사업자|상인|가게|merchant|shop|business/.test(t)) return 'merchant';
  return null;
}

export function industryOf(text: string): string {
  const t = text.replace(/\s+/g, '').toLowerCase();
  if (!t) return 'other';
  if (/카페|커피|베이커리|제과|디저트|cafe|coffee/.test(t)) return 'cafe';
  if (/음식|식당|한식|중식|일식|양식|분식|치킨|피자|주점|요식|외식|restaurant|food/.test(t)) return 'restaurant';
  if (/소매|도소매|편의점|마트|판매|쇼핑|의류|retail|shop/.test(t)) return 'retail';
  if (/서비스|미용|헤어|네일|세탁|학원|숙박|수리|service/.test(t)) return 'personal-services';
  return 'other';
}

type Row = { row: number; cells: Cell[] };

function readCsvRows(bytes: Uint8Array, decodeCp949?: Cp949Decoder): Row[] {
  const { text } = decodeText(bytes, decodeCp949);
  if (text.includes('\u0000')) throw new RosterError(bt('NUL 문자(0x00)가 있어요: 텍스트 CSV가 아니에요', 'contains NUL bytes: not a text CSV'));
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  return parsed.data.map((cells, i) => ({ row: i + 1, cells }));
}

function xlsxCell(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return value.result === undefined ? null : xlsxCell(value.result as CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return null;
}

async function readXlsxRows(bytes: Uint8Array): Promise<Row[]> {
  // The zip reader's limits first (core/zip/workbook.ts): exceljs inflates every part in memory, trusting the sizes.
  try {
    checkWorkbookZip(bytes);
  } catch (err) {
    if (err instanceof ZipError) throw new RosterError(bt('Excel(.xlsx) 파일을 열지 않았어요 (압축을 풀면 너무 크거나 손상됐어요)', `the .xlsx file was not opened (it would inflate too far, or it is damaged): ${err.message}`));
    throw err;
  }
  // exceljs is about a megabyte: loaded only when a workbook arrives.
  const mod = await import('exceljs');
  const ExcelJS = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (err) {
    throw new RosterError(bt('Excel(.xlsx) 파일을 열지 못했어요', `could not open the .xlsx file (${err instanceof Error ? err.message : String(err)})`));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new RosterError(bt('시트가 없어요', 'the workbook has no sheets'));
  const rows: Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(xlsxCell(row.getCell(c).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** A roster that cannot be read at all: its reason as a `{ ko, en }` text (the message is the joined shape). */
class RosterError extends Error {
  constructor(readonly text: BilingualText) {
    super(joined(text));
    this.name = 'RosterError';
  }
}

function amountOf(cells: Cell[], index: number | undefined, label: BilingualText): { value: number | null; error?: ItemReason } {
  if (index === undefined || isBlank(cells[index] ?? null)) return { value: null };
  const parsed = parseAmount(cells[index] ?? null);
  // The cell parser's reason in both languages, said about the column.
  if (!parsed.ok) return { value: null, error: { ...parsed.reason, about: label } };
  return { value: parsed.value };
}

function bandOf(kind: ClaimantKind, salesLoss: number | null): BandId {
  if (kind !== 'merchant') return 'not-applicable';
  if (salesLoss === null) return 'no-data';
  return smbBestWeekBand(salesLoss).id as BandId;
}

/** One roster row to a member, or the reasons it cannot be one (every problem of the row at once). */
export function memberFromRow(file: string, fileSha256: string, row: number, cells: Cell[], m: RosterMapping): BatchMember | InvalidItem {
  const text = (field: RosterField) => {
    const i = m[field];
    return i === undefined ? '' : cellText(cells[i] ?? null).normalize('NFC');
  };
  const problems: ItemReason[] = [];
  const name = text('name');
  const businessName = text('businessName');
  if (!name && !businessName) problems.push(itemReason('이름과 상호가 모두 비어 있어요', 'both name and business name are empty'));
  const kind = kindOf(text('kind'), text('industry'));
  if (!kind) problems.push(itemReason(`구분을 알 수 없어요: "${text('kind')}" (소상공인, 택시, 대리운전)`, `unknown claimant kind: "${text('kind')}" (merchant, taxi, designated driver)`));
  const rawBusinessNumber = text('businessNumber');
  let businessNumber: string | undefined;
  if (rawBusinessNumber) {
    const formatted = formatBusinessNumber(rawBusinessNumber);
    if (!businessNumberKey(rawBusinessNumber) || !isValidBusinessNumber(formatted)) {
      problems.push(itemReason(`사업자등록번호가 올바르지 않아요: ${rawBusinessNumber}`, `invalid business registration number: ${rawBusinessNumber}`));
    } else businessNumber = formatted;
  } else if (kind === 'merchant') {
    problems.push(itemReason('소상공인은 사업자등록번호가 필요해요', 'a merchant needs a business registration number'));
  }
  const rawMobile = text('mobile');
  let mobile: string | undefined;
  if (rawMobile) {
    const formatted = formatMobile(rawMobile);
    if (!mobileKey(rawMobile) || !isValidMobile(formatted)) problems.push(itemReason(`휴대전화 번호가 올바르지 않아요: ${rawMobile}`, `invalid mobile number: ${rawMobile}`));
    else mobile = formatted;
  }
  const before = amountOf(cells, m.salesBefore, bt('평소 매출', 'usual sales'));
  const after = amountOf(cells, m.salesAfter, bt('장애 주 매출', 'outage sales'));
  const loss = amountOf(cells, m.salesLoss, bt('피해 금액', 'loss'));
  const direct = amountOf(cells, m.direct, bt('직접 손해', 'direct loss'));
  const indirect = amountOf(cells, m.indirect, bt('간접 손해', 'indirect loss'));
  for (const a of [before, after, loss, direct, indirect]) if (a.error) problems.push(a.error);
  if ((before.value === null) !== (after.value === null) && loss.value === null) {
    problems.push(itemReason('평소 매출과 장애 주 매출은 함께 적어야 해요', 'usual sales and outage sales go together'));
  }

  let sido = canonicalSido(text('sido'));
  let sigungu = text('sigungu');
  const regionText = text('sido');
  if (!sigungu && regionText.includes(' ')) sigungu = regionText.split(/\s+/)[1] ?? '';
  if (sido === UNKNOWN_SIDO && text('address')) {
    const parts = text('address').split(/\s+/);
    sido = canonicalSido(parts[0]);
    if (!sigungu) sigungu = parts[1] ?? '';
  }

  let bank = text('bank');
  let account = text('account');
  if (account && !bank) {
    // "국민 123456-01-234567" in one cell.
    const match = /^([^\d]+?)\s*([\d-]{6,})$/.exec(account);
    if (match) {
      bank = match[1]!.trim();
      account = match[2]!;
    }
  }
  if (account && !/^[0-9][0-9-]{5,30}$/.test(account)) problems.push(itemReason(`계좌번호는 숫자와 -만 써요: ${account}`, `account number: digits and - only: ${account}`));
  if (account && !bank) problems.push(itemReason('계좌번호가 있는데 은행이 비어 있어요', 'an account number without its bank'));

  if (problems.length || !kind) return { file, row, code: 'row-invalid', reasons: problems };

  const salesLoss = loss.value ?? (before.value !== null && after.value !== null ? Math.max(0, before.value - after.value) : null);
  const directLoss = direct.value ?? salesLoss;
  const indirectLoss = indirect.value ?? (directLoss !== null ? 0 : null);
  const figures: MemberFigures = {
    direct: directLoss,
    indirect: indirectLoss,
    total: directLoss === null && indirectLoss === null ? null : (directLoss ?? 0) + (indirectLoss ?? 0),
    salesLoss,
    band: bandOf(kind, salesLoss),
    basis: directLoss === null && indirectLoss === null ? 'none' : 'declared',
  };
  const services = [...new Set(splitServices(text('services')).map((s) => serviceIdOf(s, kind)).filter(Boolean))];
  const member: BatchMember = {
    id: `${file}#${row}`,
    source: { kind: 'roster', file, row, fileSha256 },
    kind,
    industry: kind === 'merchant' ? industryOf(text('industry')) : kind,
    name: name || businessName,
    region: { sido, sigungu },
    services,
    figures,
  };
  if (businessName) member.businessName = businessName;
  if (businessNumber) member.businessNumber = businessNumber;
  if (mobile) member.mobile = mobile;
  if (account) member.bankAccount = { bank, number: account, ...(text('holder') ? { holder: text('holder') } : {}) };
  const complaints = text('complaints');
  if (complaints) member.complaints = complaints;
  return member;
}

export type RosterOptions = { decodeCp949?: Cp949Decoder };

/** A roster file to members and invalid rows. A file without a recognisable header row is one invalid item. */
export async function readRosterItem(file: string, bytes: Uint8Array, fileSha256: string, format: 'csv' | 'xlsx', options: RosterOptions = {}): Promise<ItemResult> {
  let rows: Row[];
  try {
    if (bytes.length === 0) throw new RosterError(bt('빈 파일이에요', 'the file is empty'));
    rows = format === 'xlsx' ? await readXlsxRows(bytes) : readCsvRows(bytes, options.decodeCp949);
  } catch (err) {
    if (err instanceof RosterError) return { members: [], invalid: [{ file, code: 'roster-unreadable', reasons: [err.text] }] };
    if (err instanceof Error && err.name === 'ImportFileError') return { members: [], invalid: [{ file, code: 'roster-unreadable', reasons: [reasonOfMessage(err.message)] }] };
    throw err;
  }
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  let headerIndex = -1;
  for (let i = 0; i < limit; i++) if (isHeaderRow(rows[i]!.cells)) { headerIndex = i; break; }
  if (headerIndex < 0) {
    return {
      members: [],
      invalid: [{
        file,
        code: 'roster-no-header',
        reasons: [itemReason(
          `회원 명단의 머리글(이름 또는 상호, 사업자등록번호, 휴대전화 ...)을 처음 ${HEADER_SEARCH_ROWS}행에서 찾지 못했어요`,
          `no roster header row (name or business name, business number, mobile ...) in the first ${HEADER_SEARCH_ROWS} rows`,
        )],
      }],
    };
  }
  const mapping = rosterMapping(rows[headerIndex]!.cells.map(cellText));
  const members: BatchMember[] = [];
  const invalid: InvalidItem[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const { row, cells } = rows[i]!;
    if (cells.every(isBlank)) continue;
    const result = memberFromRow(file, fileSha256, row, cells, mapping);
    if ('reasons' in result) invalid.push(result);
    else members.push(result);
  }
  return { members, invalid };
}
