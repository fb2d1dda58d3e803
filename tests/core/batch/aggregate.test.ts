import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { analyseBatch, readBatchItem } from '../../../src/core/batch/batch';
import { applyDecisions, BatchDecisionError, findDuplicates, type DuplicateDecision } from '../../../src/core/batch/dedupe';
import { rosterCsv, rosterTable, rosterXlsx } from '../../../src/core/batch/roster-export';
import { iconvCp949Decoder } from '../../../src/core/io/cp949-iconv';
import { reasonLine } from '../../../src/core/batch/types';

/**
 * A roster of seven rows, as an association keeps it (title block, Korean headers, mixed spellings), with
 * every aggregate worked out by hand in the comments.
 */

const NOW = new Date('2022-11-01T09:00:00+09:00');

const HEADER = ['상호', '대표자', '구분', '사업자등록번호', '휴대전화', '지역', '업종', '이용 서비스', '평소 매출(원)', '장애 주 매출(원)', '피해 금액(원)', '간접 손해(원)', '고객 불만', '은행', '계좌번호'];
const ROWS = [
  // 1: loss 1,000,000 - 800,000 = 200,000 -> up to 300,000; indirect not given -> 0.
  ['행복치킨', '김민준', '소상공인', '101-81-00001', '010-1111-2222', '서울 마포구', '치킨', '톡채널, 카카오페이', '1,000,000', '800,000', '', '', '예약 문의를 못 받았어요. 연락처 010-1111-2222', '', ''],
  // 2: loss 450,000 -> up to 500,000; total 480,000. A formula in the complaints must not run.
  ['골목국밥', '이서윤', '소상공인', '220-81-00001', '010-2222-3333', '서울특별시 종로구', '한식', '카카오톡 채널; 선물하기', '', '', '450,000', '30,000', '=HYPERLINK("http://evil.example","보기")', 'KB국민은행', '123456-01-234567'],
  // 3: loss 2,000,000 - 1,200,000 = 800,000 -> review.
  ['햇살커피', '박도현', '소상공인', '305-12-00005', '01033334444', '부산 해운대구', '카페', '카카오페이', '2,000,000원', '1,200,000원', '', '', '', '', '신한 110-123-456789'],
  // 4: a taxi driver: outside the small-business rule; loss 150,000.
  ['', '최지우', '택시', '', '010-4444-5555', '제주', '택시', '카카오T 택시', '', '', '150000', '', '', '', ''],
  // 5: row 1 again under another number, same mobile spelled differently: an exact duplicate.
  ['행복 치킨', '김민준', '소상공인', '412-34-00004', '010 1111 2222', '서울', '치킨', '톡채널', '', '', '100,000', '', '', '', ''],
  // 6: a check digit that does not add up: invalid, with its row number.
  ['달빛분식', '정하은', '소상공인', '123-45-67890', '010-6666-7777', '대구', '분식', '톡채널', '', '', '10,000', '', '', '', ''],
  // 7: no sales figures at all: counted, band "no data".
  ['미소헤어', '한예린', '소상공인', '517-78-00002', '010-5555-6666', '대전', '미용', '톡채널', '', '', '', '', '', '', ''],
];

function csvText(): string {
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return ['2022 카카오 장애 피해 접수 명단', '', HEADER.join(','), ...ROWS.map((r) => r.map(quote).join(','))].join('\r\n') + '\r\n';
}

async function xlsxBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('명단');
  ws.addRow(['2022 카카오 장애 피해 접수 명단']);
  ws.addRow([]);
  ws.addRow(HEADER);
  for (const r of ROWS) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
}

describe('roster aggregates, by hand', () => {
  it('CP949 CSV and XLSX rosters give the same members; the bad row is named with its Excel row', async () => {
    const cp949 = await readBatchItem('명단.csv', new Uint8Array(iconv.encode(csvText(), 'cp949')), { decodeCp949: iconvCp949Decoder });
    const xlsx = await readBatchItem('명단.xlsx', await xlsxBytes());
    const strip = (m: (typeof cp949.members)[number]) => ({ ...m, id: '', source: { ...m.source, file: '', fileSha256: '' } });
    expect(xlsx.members.map(strip)).toEqual(cp949.members.map(strip));
    expect(cp949.members).toHaveLength(6);
    expect(cp949.invalid).toEqual([{ file: '명단.csv', row: 9, code: 'row-invalid', reasons: [{ ko: '사업자등록번호가 올바르지 않아요: 123-45-67890', en: 'invalid business registration number: 123-45-67890' }] }]);
    expect(reasonLine(cp949.invalid[0]!)).toBe('사업자등록번호가 올바르지 않아요: 123-45-67890 / invalid business registration number: 123-45-67890');
    expect(xlsx.invalid[0]!.row).toBe(9);
    const third = cp949.members[2]!;
    expect(third.bankAccount).toEqual({ bank: '신한', number: '110-123-456789' });
    expect(third.mobile).toBe('010-3333-4444');
    expect(third.region).toEqual({ sido: '부산광역시', sigungu: '해운대구' });
  });

  it('counts, shares, sums, medians and bands equal the hand-computed values', async () => {
    const item = await readBatchItem('명단.csv', new TextEncoder().encode(`\uFEFF${csvText()}`));
    const result = analyseBatch(item.members, item.invalid, { now: NOW, automatic: true });
    expect(result.pairs).toEqual([{ a: '명단.csv#4', b: '명단.csv#8', rules: ['mobile', 'similar-name'], exact: true, similarity: 1 }]);
    expect(result.applied.status.get('명단.csv#8')).toEqual({ status: 'duplicate', duplicateOf: '명단.csv#4' });
    const a = result.aggregates;
    expect(a.members).toBe(5);
    const rows = (r: { key: string; count: number; share: number }[]) => r.map(({ key, count, share }) => [key, count, share]);
    expect(rows(a.byKind)).toEqual([['merchant', 4, 0.8], ['taxi', 1, 0.2]]);
    expect(rows(a.bySector)).toEqual([['food', 3, 0.6], ['services', 1, 0.2], ['transport', 1, 0.2]]);
    expect(rows(a.byIndustry)).toEqual([['restaurant', 2, 0.4], ['cafe', 1, 0.2], ['personal-services', 1, 0.2], ['taxi', 1, 0.2]]);
    // Several answers per member: 3 + 2 + 1 + 1 answers over 5 members, 140% in all.
    expect(rows(a.byService)).toEqual([['talk-channel', 3, 0.6], ['kakao-pay', 2, 0.4], ['kakao-t-taxi', 1, 0.2], ['kakaotalk-gift-order', 1, 0.2]]);
    expect(a.byService.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1.4, 12);
    expect(rows(a.byRegion)).toEqual([['서울특별시', 2, 0.4], ['부산광역시', 1, 0.2], ['대전광역시', 1, 0.2], ['제주특별자치도', 1, 0.2]]);
    expect(a.basis).toEqual({ engine: 0, declared: 4, none: 1 });
    // Direct 200,000 450,000 800,000 150,000: median of the middle two (200,000 + 450,000) / 2.
    expect(a.loss.direct).toEqual({ n: 4, sum: 1_600_000, median: 325_000 });
    expect(a.loss.indirect).toEqual({ n: 4, sum: 30_000, median: 0 });
    expect(a.loss.total).toEqual({ n: 4, sum: 1_630_000, median: 340_000 });
    expect(a.loss.salesLoss).toEqual({ n: 4, sum: 1_600_000, median: 325_000 });
    expect(a.bands.map((b) => [b.key, b.count])).toEqual([['up-to-300000', 1], ['up-to-500000', 1], ['review', 1], ['none', 0], ['no-data', 1], ['not-applicable', 1]]);
    expect(a.fixedBandPayout).toBe(80_000);
  });

  it('the roster export has a BOM, neutralised formulas, and masks every identifier when redacted', async () => {
    const item = await readBatchItem('명단.csv', new TextEncoder().encode(csvText()));
    const result = analyseBatch(item.members, item.invalid, { now: NOW, automatic: true });
    const plain = rosterTable(result.members, result.applied.status, result.invalid, { redact: false });
    const csv = rosterCsv(plain);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(csv);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""보기"")"`);
    expect(text).toContain('010-1111-2222');
    const redacted = new TextDecoder().decode(rosterCsv(rosterTable(result.members, result.applied.status, result.invalid, { redact: true })));
    expect(redacted).not.toMatch(/010-\d{4}-\d{4}|\d{3}-\d{2}-\d{5}|123456-01-234567/);
    expect(redacted).toContain('010-****-2222');
    expect(redacted).toContain('220-81-*****');
    expect(redacted).toContain('******-**-**4567');
    expect(redacted).toContain('연락처 010-****-2222');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rosterXlsx(plain, NOW)) as never);
    const sheet = wb.worksheets[0]!;
    const complaints = sheet.getRow(3).getCell(23).value;
    expect(complaints).toBe(`'=HYPERLINK("http://evil.example","보기")`);
    expect(sheet.getRow(2).getCell(17).value).toBe(200_000);
  });
});

describe('decisions are data, applied by one pure function', () => {
  it('keep-both, merge and a chain of keep-one decisions', async () => {
    const item = await readBatchItem('명단.csv', new TextEncoder().encode(csvText()));
    const members = item.members;
    const pairs = findDuplicates(members);
    const at = '2022-11-02T10:00:00+09:00';
    const base = { a: '명단.csv#4', b: '명단.csv#8', reason: '같은 사람이 두 번 냈어요', decidedAt: at, decidedBy: 'user' as const };
    expect(applyDecisions(members, pairs, [{ ...base, action: 'keep-both' }]).kept).toHaveLength(6);
    const merged = applyDecisions(members, pairs, [{ ...base, action: 'merge', keep: '명단.csv#8' }]);
    expect(merged.kept).toHaveLength(5);
    const kept = merged.kept.find((m) => m.id === '명단.csv#8')!;
    // The kept row had no complaints: the other row's fill in; its own figures stay.
    expect(kept.complaints).toContain('예약 문의');
    expect(kept.figures.salesLoss).toBe(100_000);
    expect(merged.status.get('명단.csv#8')!.mergedFrom).toEqual(['명단.csv#4']);
    // No decision: both are suspected duplicates and both stay.
    const none = applyDecisions(members, pairs, []);
    expect(none.status.get('명단.csv#4')).toEqual({ status: 'suspected-duplicate', suspectedWith: ['명단.csv#8'] });
    const bad: DuplicateDecision = { ...base, b: '명단.csv#5', action: 'keep-one', keep: '명단.csv#4' };
    expect(() => applyDecisions(members, pairs, [bad])).toThrow(BatchDecisionError);
    expect(() => applyDecisions(members, pairs, [{ ...base, action: 'keep-one', keep: '명단.csv#5' }])).toThrow(/남길 회원/);
  });

  it('a decision about a member already removed applies to the member that absorbed it', () => {
    const m = (id: string, mobile: string, bn: string) => ({
      id, source: { kind: 'roster' as const, file: 'x.csv', fileSha256: '' }, kind: 'merchant' as const, industry: 'other', name: id,
      mobile, businessNumber: bn, region: { sido: '미상', sigungu: '' }, services: [],
      figures: { direct: null, indirect: null, total: null, salesLoss: null, band: 'no-data' as const, basis: 'none' as const },
    });
    const members = [m('A', '010-1000-0001', '101-81-00001'), m('B', '010-1000-0001', '220-81-00001'), m('C', '010-1000-0002', '220-81-00001')];
    const pairs = findDuplicates(members);
    expect(pairs.map((p) => [p.a, p.b, p.rules])).toEqual([['A', 'B', ['mobile']], ['B', 'C', ['business-number']]]);
    const at = '2022-11-02T10:00:00+09:00';
    const applied = applyDecisions(members, pairs, [
      { a: 'A', b: 'B', action: 'keep-one', keep: 'A', reason: 'r', decidedAt: at, decidedBy: 'user' },
      { a: 'B', b: 'C', action: 'keep-one', keep: 'B', reason: 'r', decidedAt: at, decidedBy: 'user' },
    ]);
    expect(applied.kept.map((x) => x.id)).toEqual(['A']);
    expect(applied.status.get('C')).toEqual({ status: 'duplicate', duplicateOf: 'A' });
  });
});
