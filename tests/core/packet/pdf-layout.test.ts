import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Content, Node, NodeQueries, TDocumentDefinitions } from 'pdfmake/interfaces';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import { buildPacket } from '../../../src/core/packet/build';
import { axisTickLabels, niceAxis } from '../../../src/core/packet/chart';
import { renderPdf } from '../../../src/core/packet/pdf';
import { collapseZeroRuns, keepFileName, keepHeadingsWithContent, keepWords, keptHeading, withChartsReset } from '../../../src/core/packet/pdf-layout';
import type { ReportBucket } from '../../../src/core/packet/report-data';
import { readZipSafely } from '../../../src/core/packet/zip';
import { packetFonts } from './fixtures';

/**
 * The layout of report.pdf as a reviewer reads it (pdftotext -layout on the bundled examples): round chart axes
 * with room above the tallest bar, all-zero hours folded into one row, Korean words and file names whole in
 * table cells, no internal claim id, no hashes' note without files, and headings kept with their content.
 */

const NOW = new Date('2022-11-01T09:00:00+09:00');
const fonts = packetFonts();

async function examplePdf(name: string, channel: string): Promise<{ text: string; pages: string[]; manifest: { figures: Record<string, unknown> } }> {
  const parsed = parseClaimFile(readFileSync(join('assets/examples', `${name}.claim.json`), 'utf8'));
  if (!parsed.ok) throw new Error(name);
  const evidenceFiles = new Map(parsed.claim.evidence.map((e) => [e.fileName, new Uint8Array(readFileSync(join('assets/examples/evidence', e.fileName)))]));
  const built = await buildPacket({ claim: parsed.claim, channel, evidenceFiles, fonts, appVersion: 't', now: NOW });
  const dir = mkdtempSync(join(tmpdir(), `pdf-layout-${name}-`));
  const path = join(dir, 'report.pdf');
  writeFileSync(path, readZipSafely(built.bytes).get('report.pdf')!);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return { text, pages: text.split('\f'), manifest: built.manifest as unknown as { figures: Record<string, unknown> } };
}

/** The y-axis tick labels of the chart under `title`: lines that hold only `0` or a figure in 만 (`600만`). */
function axisTicks(page: string, title: string): string[] {
  const after = page.slice(page.indexOf(title));
  return after.split('\n').slice(1, 30).map((l) => l.trim()).filter((l) => /^(0|[\d,]+만)$/.test(l));
}

const man = (label: string) => Number(label.replace(/[,만]/g, '')) * (label.endsWith('만') ? 10_000 : 1);

describe('niceAxis', () => {
  it('gives round ticks with room above the top, never 13만', () => {
    const weekly = niceAxis(4_936_000, { maxSteps: 4, headroom: 0.1 });
    expect(weekly.max).toBeGreaterThan(4_936_000 / 0.9);
    expect(axisTickLabels(weekly.ticks)).toEqual(['0', '200만', '400만', '600만']);
    const single = niceAxis(225_800, { maxSteps: 4, headroom: 0.1 });
    expect(axisTickLabels(single.ticks)).toEqual(['0', '10만', '20만', '30만']);
    expect(axisTickLabels(niceAxis(180_000, { maxSteps: 4 }).ticks)).toEqual(['0', '5만', '10만', '15만', '20만']);
    expect(axisTickLabels(niceAxis(23_000, { maxSteps: 4 }).ticks)).toEqual(['0', '1만', '2만', '3만']);
    // Not every tick a whole 만: all in plain numbers, never 0.5만 beside 1만.
    expect(axisTickLabels(niceAxis(12_000, { maxSteps: 4 }).ticks)).toEqual(['0', '5,000', '10,000', '15,000']);
    expect(niceAxis(0).ticks).toEqual([0, 1]);
  });
});

describe('collapseZeroRuns', () => {
  const b = (bucket: string, expected: number, actual = 0, count = expected ? 1 : 0): ReportBucket => ({ bucket, expected, actual, expectedCount: count, actualCount: actual ? 1 : 0 });
  it('folds a run of two or more all-zero buckets into one row and leaves a single one', () => {
    const rows = collapseZeroRuns([b('a', 5), b('b', 0), b('c', 0), b('d', 0), b('e', 3), b('f', 0), b('g', 0, 2)]);
    expect(rows.map((r) => (r.kind === 'zeros' ? `${r.first.bucket}-${r.last.bucket}:${r.count}` : r.bucket.bucket))).toEqual(['a', 'b-d:3', 'e', 'f', 'g']);
  });
  it('keeps a bucket whose expected count is not 0 even when its amounts are', () => {
    const rows = collapseZeroRuns([{ bucket: 'x', expected: 0, actual: 0, expectedCount: 0.5, actualCount: 0 }, b('y', 0), b('z', 0)]);
    expect(rows.map((r) => r.kind)).toEqual(['bucket', 'zeros']);
  });
});

describe('keepWords and keepFileName', () => {
  it('splits after spaces into noWrap pieces, and gives up on a piece wider than the cell', () => {
    expect(keepWords('전달 안 된 메시지·광고', 100, 8.5)).toEqual([{ text: '전달 ', noWrap: true }, { text: '안 ', noWrap: true }, { text: '된 ', noWrap: true }, { text: '메시지·광고', noWrap: true }]);
    expect(keepWords('https://example.com/a-very-long-address-that-cannot-fit-in-a-cell', 100, 8)).toBe('https://example.com/a-very-long-address-that-cannot-fit-in-a-cell');
  });
  it('breaks a file name only after / _ - or a dot before the extension', () => {
    const pieces = keepFileName('evidence/소상공인확인서_예시.pdf', 120, 8);
    expect(Array.isArray(pieces) && pieces.map((p) => p.text)).toEqual(['evidence/', '소상공인확인서_', '예시.pdf']);
  });
});

describe('withChartsReset', () => {
  it('puts the points of every polyline back when the callback asks for another layout', () => {
    const points = [{ x: 1, y: 2 }, { x: 3, y: 4 }];
    const content: Content[] = [{ stack: [{ canvas: [{ type: 'polyline', points }] }] }];
    let answer = false;
    const wrapped = withChartsReset(content, () => answer);
    points[0]!.x += 100;
    points[1]!.y += 100;
    expect(wrapped({} as Node, {} as NodeQueries)).toBe(false);
    expect(points[0]!.x).toBe(101);
    answer = true;
    expect(wrapped({} as Node, {} as NodeQueries)).toBe(true);
    expect(points).toEqual([{ x: 1, y: 2 }, { x: 3, y: 4 }]);
  });
});

describe('keepHeadingsWithContent', () => {
  it('moves a heading that would end a page, with the content after it, to the next page', async () => {
    // Filler lines bring the heading to the foot of page 1; its list cannot follow it there. (pdfmake marks
    // up the nodes it lays out, so every document is built afresh.)
    let lines = 62;
    const doc = (pageBreakBefore?: TDocumentDefinitions['pageBreakBefore']): TDocumentDefinitions => ({
      pageSize: 'A4',
      pageMargins: [40, 40, 40, 48],
      defaultStyle: { font: 'NotoSansKR', fontSize: 9.5, lineHeight: 1.25 },
      ...(pageBreakBefore ? { pageBreakBefore } : {}),
      content: [
        ...Array.from({ length: lines }, (_, i): Content => ({ text: `채우는 줄 ${i + 1}` })),
        keptHeading({ text: '회사 보상 기준 계산: 머리글', fontSize: 12 }),
        { ul: ['첫째 줄', '둘째 줄', '셋째 줄'] },
      ],
    });
    const pagesOf = async (d: TDocumentDefinitions) => {
      const dir = mkdtempSync(join(tmpdir(), 'pdf-heading-'));
      writeFileSync(join(dir, 'h.pdf'), await renderPdf(d, fonts));
      return execFileSync('pdftotext', ['-layout', join(dir, 'h.pdf'), '-'], { encoding: 'utf8' }).split('\f');
    };
    const endsPage1 = (pages: string[]) => pages[0]!.trimEnd().endsWith('회사 보상 기준 계산: 머리글');
    // Without the callback the heading is the last line of page 1: the case this test is about.
    while (lines > 40 && !endsPage1(await pagesOf(doc()))) lines--;
    expect(endsPage1(await pagesOf(doc()))).toBe(true);
    const pages = await pagesOf(doc(keepHeadingsWithContent));
    expect(pages[0]).not.toContain('머리글');
    expect(pages[1]).toMatch(/회사 보상 기준 계산: 머리글\s+첫째 줄/);
  });
});

describe('report.pdf of the examples', () => {
  let restaurant: Awaited<ReturnType<typeof examplePdf>>;
  let taxi: Awaited<ReturnType<typeof examplePdf>>;
  let merchant: Awaited<ReturnType<typeof examplePdf>>;
  let baemin: Awaited<ReturnType<typeof examplePdf>>;
  let cafe: Awaited<ReturnType<typeof examplePdf>>;
  let driver: Awaited<ReturnType<typeof examplePdf>>;

  beforeAll(async () => {
    [restaurant, taxi, merchant, baemin, cafe, driver] = await Promise.all([
      examplePdf('restaurant-hourly', 'kakao-2022-smb-documents'),
      examplePdf('taxi-franchise', 'kakao-mobility-2022-taxi'),
      examplePdf('merchant-best-week', 'kakao-2022-smb-documents'),
      examplePdf('baemin-ultracall-2025', 'damage365'),
      examplePdf('cafe-daily', 'generic'),
      examplePdf('driver-2022', 'damage365'),
    ]);
  }, 60_000);

  it('the weekly chart has a round axis above the best week, and every week\'s total is printed', () => {
    const page = restaurant.pages.find((p) => p.includes('토~금 주간 매출'))!;
    const ticks = axisTicks(page, '토~금 주간 매출');
    expect(ticks).toContain('0');
    // The best week's bar (4,936,000) reaches at most 90% of the axis: its label has room above it.
    expect(Math.max(...ticks.map(man))).toBeGreaterThanOrEqual(4_936_000 / 0.9);
    for (const label of ['494만', '471만', '464만', '480만', '441만', '448만', '440만', '468만']) expect(page).toContain(label);
  });

  it('one bucket is two bars with their values, on round ticks (no 13만)', () => {
    const page = baemin.pages.find((p) => p.includes('05-30 18시 예상 매출과 실제 매출'))!;
    expect(page).toBeDefined();
    const ticks = axisTicks(page, '05-30 18시 예상 매출과 실제 매출');
    expect(ticks).not.toContain('13만');
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.every((t) => man(t) % 50_000 === 0)).toBe(true);
    const chart = page.slice(page.indexOf('05-30 18시 예상 매출과 실제 매출'), page.indexOf('구간별 표'));
    expect(chart).toContain('225,800');
    expect(chart).toContain('153,200');
    expect(chart).toMatch(/예상 매출\s+실제 매출/);
  });

  it('folds the closed hours into one row that says only that both are 0; the totals do not change', () => {
    expect(restaurant.text).toContain('10-15 22시 ~ 10-16 10시 (13개 시간): 예상과 실제 모두 0건, 0원');
    expect(taxi.text).toContain('10-16 03시 ~ 10-16 06시 (4개 시간): 예상과 실제 모두 0건, 0원');
    expect(taxi.text).toContain('10-16 09시 ~ 10-16 14시 (6개 시간): 예상과 실제 모두 0건, 0원');
    for (const { text } of [restaurant, taxi]) expect(text).not.toMatch(/^\d\d-\d\d \d\d시\s+0\.0\s+0\.0\s+0\s+0\s+0\s*$/m);
    const f = restaurant.manifest.figures as { expected: number; actual: number };
    expect(restaurant.text).toMatch(new RegExp(`합계\\s+88\\.0\\s+62\\.0\\s+${f.expected.toLocaleString('en-US')}\\s+${f.actual.toLocaleString('en-US')}\\s+${(f.expected - f.actual).toLocaleString('en-US')}`));
    expect(restaurant.text).not.toContain('영업하지');
  });

  it('keeps Korean words and file names whole in table cells', () => {
    expect(merchant.text).toMatch(/전달 안 된 메시지·광고/);
    expect(merchant.text).toContain('(최저임금)');
    expect(merchant.text).not.toMatch(/\(최\s*\n/);
    expect(cafe.text).toContain('매출이 빈 기록의 평균 객단가');
    expect(merchant.text).toMatch(/evidence\/소상공인확인서_\s[^\n]*\n\s*예시\.pdf/);
    expect(merchant.text).not.toMatch(/소상공인확인서_예\s/);
    expect(restaurant.text).toContain('카카오톡 선물하기·주문하기');
  });

  it('prints no internal claim id, and the claim by its title', () => {
    for (const { text } of [restaurant, taxi, merchant, baemin, cafe, driver]) {
      expect(text).not.toContain('청구 번호');
      expect(text).not.toMatch(/example-[a-z]/);
    }
    expect(driver.pages[0]).toContain('예시: 대리기사, 카카오 T 대리');
  });

  it('says where the hashes also are only when files are listed', () => {
    for (const { text } of [baemin, cafe]) {
      expect(text).toContain('첨부한 증빙 파일이 없어요.');
      expect(text).not.toContain('SHA-256 값은 manifest.json에도');
    }
    expect(merchant.text).toContain('SHA-256 값은 manifest.json에도');
  });

  it('leaves no heading as the last line of a page, and no page blank', () => {
    const headings = /^(신청인|장애|금액 요약|계산 방법과 가정|가정 \(출처와 확인 여부\)|기준일|구간별 표|회사 보상 기준.*|직접 비용 항목.*|간접 손해 항목.*|증빙 목록|확인 및 서명|확인할 점)$/;
    for (const { pages } of [restaurant, taxi, merchant, baemin, cafe, driver]) {
      for (const page of pages.filter((p) => p.trim())) {
        const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
        // The last line is the footer; at least one line of content above it.
        expect(lines.length).toBeGreaterThan(2);
        expect(lines[lines.length - 2]).not.toMatch(headings);
      }
    }
  });
});
