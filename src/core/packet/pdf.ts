import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { bucketChart, weeklyBarChart } from './chart';
import { formatBucket, formatDateKo, formatKst, formatNumber, formatWon } from './format';
import type { ChannelProfile } from './profile';
import { headlineOf } from './headline';
import { collapseZeroRuns, keepFileName, keepHeadingsWithContent, keepWords, keptHeading, withChartsReset } from './pdf-layout';
import type { ReportAssumption, ReportData } from './report-data';

/**
 * report.pdf: a Korean A4 report built with pdfmake and Noto Sans KR (TrueType; pdfmake subsets it, so only the
 * glyphs used are embedded). The document definition is pure data; `renderPdf` loads pdfmake lazily.
 */

export type PacketFonts = { regular: Uint8Array; bold: Uint8Array };

const CONTENT_WIDTH = 595.28 - 2 * 40;
const MUTED = '#555555';
/** A rough width for a '*' column's text, only to tell a word too long for any cell (a URL) from the rest. */
const STAR_WIDTH = 200;

function money(n: number): string {
  return formatWon(n);
}

/** Thin rules and tight padding: the summary must fit on page 1 even with two services and several items. */
const COMPACT_LAYOUT = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => '#cccccc',
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

function keyValueTable(rows: ReadonlyArray<readonly [string, string | Content]>, widths: [number | string, number | string] = [130, '*']): Content {
  return {
    table: { widths, body: rows.map(([k, v]) => [{ text: k, color: MUTED }, typeof v === 'string' ? { text: v } : v]) },
    layout: COMPACT_LAYOUT,
    fontSize: 9,
    lineHeight: 1.1,
    margin: [0, 0, 0, 4],
  };
}

function heading(text: string): Content {
  return { text, style: 'h2' };
}

/**
 * A heading outside an unbreakable block: `keepHeadingsWithContent` (the document's pageBreakBefore) moves
 * it to the next page when nothing, or one line, would follow it on its own; `newPage` starts a page with it.
 */
function sectionHeading(text: string, style: 'h2' | 'h3' = 'h2', newPage = false): Content {
  return keptHeading({ text, style }, newPage);
}

/**
 * Keeps a heading with the short block after it, in one unbreakable block. Headings before longer content
 * are `sectionHeading`s instead. (The chart that once vanished with pageBreakBefore was pdfmake not resetting
 * a polyline's points between layouts: `withChartsReset` puts them back.)
 */
function keepTogether(...blocks: Content[]): Content {
  return { stack: blocks, unbreakable: true };
}

function headline(data: ReportData, profile: ChannelProfile): { label: string; amount: string; sub: string; explanation: string } {
  const h = headlineOf(data, profile);
  if (h.kind === 'lostProfit' && data.figures.revenueNotComputable) {
    // Counts without any ticket: no revenue figure is computed, so the headline says so in words.
    return { label: h.label.ko, amount: '계산할 수 없음', sub: data.figures.revenueNotComputable, explanation: data.figures.revenueNotComputable };
  }
  return { label: h.label.ko, amount: money(h.amount), sub: h.sub.ko, explanation: h.explanation.ko };
}

type Figures = ReportData['figures'];


function revenueRows(f: Figures, w: ReportData['words']): TableCell[][] {
  return [
    [`예상 ${w.earnings} (평소라면)`, { text: money(f.expected), alignment: 'right' }],
    [`실제 ${w.earnings} (다른 경로 포함)`, { text: money(f.actual), alignment: 'right' }],
    [`줄어든 ${w.earnings} (${formatNumber(f.lostCount, 1)}건)`, { text: money(f.lostRevenue), alignment: 'right' }],
    [`이익률 ${formatNumber(f.margin * 100, Number.isInteger(Math.round(f.margin * 1000) / 10) ? 0 : 1)}% 적용: 손실 이익`, { text: money(f.lostProfit), alignment: 'right', bold: true }],
    [{ text: `  범위 (${f.range.levelLabel}, ${f.range.driver})`, color: MUTED }, { text: `${money(f.range.low)} ~ ${money(f.range.high)}`, alignment: 'right', color: MUTED, fontSize: 8 }],
  ];
}

/** Loss model section 1: counts only and no ticket. The counts, and the words instead of 0원. */
function notComputableRows(f: Figures, w: ReportData['words']): TableCell[][] {
  return [
    ['예상 건수 (평소라면)', { text: `${formatNumber(f.expectedCount, 1)}건`, alignment: 'right' }],
    ['실제 건수 (다른 경로 포함)', { text: `${formatNumber(f.actualCount, 1)}건`, alignment: 'right' }],
    ['놓친 건수', { text: `${formatNumber(f.lostCount, 1)}건`, alignment: 'right' }],
    [{ text: `${w.earnings}과 손실 이익`, bold: true }, { text: '계산할 수 없음', alignment: 'right', bold: true }],
    [{ text: f.revenueNotComputable ?? '', colSpan: 2, fontSize: 8, color: MUTED }, ''],
  ];
}

function summaryPage(data: ReportData, profile: ChannelProfile, madeAt: Date): Content[] {
  const f = data.figures;
  const top = headline(data, profile);
  const claimant = data.claimant;
  const out: Content[] = [
    { text: '장애 손실 계산서', style: 'h1' },
    { text: `${profile.name.ko} · ${data.title}`, color: MUTED, margin: [0, 0, 0, 2] },
    { text: `작성 ${formatKst(madeAt)} (한국 시간)`, fontSize: 8, color: MUTED, margin: [0, 0, 0, 8] },
    {
      table: {
        widths: ['*'],
        body: [[{
          stack: [
            { text: top.label, color: MUTED },
            { text: top.amount, fontSize: 22, bold: true, lineHeight: 1.05 },
            { text: top.sub, fontSize: 9 },
            { text: top.explanation, fontSize: 8.5, color: MUTED, margin: [0, 3, 0, 0] },
          ],
          margin: [8, 3, 8, 3],
        }]],
      },
      layout: { hLineColor: () => '#1f4e9c', vLineColor: () => '#1f4e9c', fillColor: () => '#f2f6fc' },
      margin: [0, 0, 0, 10],
    },
    keepTogether(heading('신청인'), keyValueTable([
      ['이름', claimant.name],
      ['구분', claimant.kindKo],
      ...(claimant.businessName ? [['상호', claimant.businessName] as const] : []),
      ...(claimant.businessNumber ? [['사업자등록번호', claimant.businessNumber] as const] : []),
      ...(claimant.phone ? [['연락처', claimant.phone] as const] : []),
      ...(claimant.email ? [['이메일', claimant.email] as const] : []),
    ])),
    keepTogether(heading('장애'), keyValueTable([
      ['사고', data.incident.name],
      ['쓰지 못한 서비스', data.incident.servicesKo],
      ['청구 구간', data.incident.windowSpan],
      ...(data.incident.windowNotes.length ? [['', { stack: data.incident.windowNotes.map((note) => ({ text: note, fontSize: 7.5, color: MUTED })) }] as const] : []),
    ])),
    {
      table: {
        widths: ['*', 110],
        // The section title is a header row, so it stays with the first rows if the table moves on.
        headerRows: 2,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        body: [
          [{ text: '금액 요약', style: 'h2', colSpan: 2, border: [false, false, false, false] }, ''],
          [{ text: '항목', bold: true }, { text: '금액', bold: true, alignment: 'right' }],
          ...(f.revenueNotComputable ? notComputableRows(f, data.words) : revenueRows(f, data.words)),
          ...f.directItems.map((i) => [`직접 비용: ${i.label}`, { text: money(i.amount), alignment: 'right' }] as TableCell[]),
          [{ text: '직접 손해 (통상손해)', bold: true }, { text: money(f.directTotal), alignment: 'right', bold: true }],
          [{ text: '간접 손해 (특별손해)', bold: true }, { text: money(f.indirectTotal), alignment: 'right', bold: true }],
          [{ text: '청구 합계', bold: true }, { text: money(f.claimTotal), alignment: 'right', bold: true }],
        ],
      },
      layout: COMPACT_LAYOUT,
      fontSize: 9,
      lineHeight: 1.1,
      margin: [0, 0, 0, 8],
    },
  ];
  if (data.warnings.length) {
    out.push(sectionHeading('확인할 점', 'h3'));
    out.push({ ul: data.warnings.map((w) => ({ text: w, fontSize: 8 })), margin: [0, 0, 0, 6] });
  }
  return out;
}

function methodPage(data: ReportData): Content[] {
  const out: Content[] = [
    // A new page, and never a blank one when page 1 is full to its foot.
    sectionHeading('계산 방법과 가정', 'h2', true),
    { text: data.method.summary, margin: [0, 0, 0, 4] },
    { ul: data.method.lines.map((l) => ({ text: l, fontSize: 8.5 })), margin: [0, 0, 0, 8] },
    sectionHeading('가정 (출처와 확인 여부)', 'h3'),
    {
      table: {
        headerRows: 1,
        // Labels break only between words (keepWords): 105 pt holds the longest (선물하기·주문하기).
        widths: [105, 110, '*', 52],
        body: [
          ['항목', '값', '출처', '확인'].map((t) => ({ text: t, bold: true })),
          ...data.assumptions.map((a) => [
            { text: keepWords(a.label, 105, 8.5) },
            { text: keepWords(a.value, 110, 8.5) },
            { text: keepWords(a.source, STAR_WIDTH, 8), fontSize: 8 },
            assumptionStatus(a.status),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
      margin: [0, 0, 0, 8],
    },
    sectionHeading('기준일', 'h3'),
  ];
  if (data.referenceDates.length) {
    out.push({
      table: {
        headerRows: 1,
        widths: [90, '*'],
        body: [
          [{ text: '장애일', bold: true }, { text: '같은 요일 기준일 (공휴일·이상일 제외)', bold: true }],
          ...data.referenceDates.map((r) => [formatDateKo(r.windowDate), { text: keepWords(r.references.map(formatDateKo).join(', ') || '없음', STAR_WIDTH, 8.5) }]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
      margin: [0, 0, 0, 8],
    });
  } else {
    out.push({ text: '기준일 없음 (신고한 평소 값 사용)', fontSize: 9, margin: [0, 0, 0, 8] });
  }
  if (data.buckets.length) {
    const e = data.words.earnings;
    // One bucket is two bars: the title names the bucket instead of 시간별 or 일별.
    const chartTitle = data.buckets.length === 1
      ? `${formatBucket(data.buckets[0]!.bucket)} 예상 ${e}과 실제 ${e}`
      : `구간별 예상 ${e}과 실제 ${e} (${data.granularity === 'daily' ? '일별' : '시간별'})`;
    out.push(bucketChart(data.buckets, CONTENT_WIDTH, 170, { text: chartTitle, style: 'h3', margin: [0, 4, 0, 8] }, e, data.words.expectedBasis));
  }
  return out;
}

function bucketTable(data: ReportData): Content[] {
  if (!data.buckets.length) return [];
  const body: TableCell[][] = [
    [
      {
        colSpan: 6,
        stack: [
          { text: '구간별 표', style: 'h2' },
          { text: '예상 값은 원 단위로 반올림해 적었어요. 합계는 반올림 전 값으로 계산해, 적힌 값의 합과 몇 원 다를 수 있어요.', fontSize: 8, color: MUTED, bold: false },
        ],
        border: [false, false, false, false],
      },
      '', '', '', '', '',
    ],
    ['구간', '예상 건수(건)', '실제 건수(건)', `예상 ${data.words.earnings}(원)`, `실제 ${data.words.earnings}(원)`, '차이(원)'].map((t, i) => ({ text: t, bold: true, alignment: i ? 'right' : 'left' })),
    // A run of buckets at 0 in every column is one row: it says so, and nothing about why.
    ...collapseZeroRuns(data.buckets).map((row): TableCell[] => {
      if (row.kind === 'zeros') {
        const span = `${formatBucket(row.first.bucket)} ~ ${formatBucket(row.last.bucket)}`;
        const count = data.granularity === 'daily' ? `${row.count}일` : `${row.count}개 시간`;
        return [{ text: `${span} (${count}): 예상과 실제 모두 0건, 0원`, colSpan: 6, color: MUTED }, '', '', '', '', ''];
      }
      const b = row.bucket;
      return [
        formatBucket(b.bucket),
        { text: formatNumber(b.expectedCount, 1), alignment: 'right' },
        { text: formatNumber(b.actualCount, 1), alignment: 'right' },
        { text: formatNumber(b.expected), alignment: 'right' },
        { text: formatNumber(b.actual), alignment: 'right' },
        { text: formatNumber(b.expected - b.actual), alignment: 'right' },
      ];
    }),
    [
      { text: '합계', bold: true },
      { text: formatNumber(data.figures.expectedCount, 1), alignment: 'right', bold: true },
      { text: formatNumber(data.figures.actualCount, 1), alignment: 'right', bold: true },
      { text: formatNumber(data.figures.expected), alignment: 'right', bold: true },
      { text: formatNumber(data.figures.actual), alignment: 'right', bold: true },
      { text: formatNumber(data.figures.expected - data.figures.actual), alignment: 'right', bold: true },
    ],
  ];
  // The title is a header row so it is never left alone at the foot of a page (and repeats on the next).
  return [
    { table: { headerRows: 2, keepWithHeaderRows: 1, widths: [70, '*', '*', '*', '*', '*'], body, dontBreakRows: true }, layout: 'lightHorizontalLines', fontSize: 8.5, margin: [0, 6, 0, 8] },
  ];
}

/** Every applicable company rule's figure beside the app's estimate, with the gap in words. */
function companyRulesSection(data: ReportData): Content[] {
  const rules = data.companyRules ?? [];
  if (rules.length === 0) return [];
  return [
    sectionHeading('회사 보상 기준과 이 계산의 비교'),
    {
      ul: rules.map((r) => ({
        stack: [
          { text: `${r.name}: ${r.loss === null ? '계산할 수 없어요' : money(r.loss)}${r.bandLabel ? ` (${r.bandLabel})` : ''}`, bold: true, fontSize: 8.5 },
          ...[...r.lines, ...r.inputs, ...r.notes].map((t) => ({ text: t, fontSize: 8 })),
          ...(r.gap ? [{ text: r.gap, fontSize: 8.5 }] : []),
          { text: `출처: ${r.source}`, fontSize: 7.5, color: MUTED },
        ],
        margin: [0, 0, 0, 4] as [number, number, number, number],
      })),
      margin: [0, 0, 0, 6],
    },
  ];
}

function ruleSection(data: ReportData): Content[] {
  const rule = data.rule;
  if (!rule) return [];
  const out: Content[] = [sectionHeading(`회사 보상 기준 계산: ${rule.name}`), { ul: rule.detail.map((d) => ({ text: d, fontSize: 8.5 })), margin: [0, 0, 0, 6] }];
  if (rule.weeks?.length) {
    out.push({
      table: {
        headerRows: 1,
        widths: ['*', 100, 120],
        body: [
          ['주간 (토~금)', '매출(원)', '구분'].map((t) => ({ text: t, bold: true })),
          ...rule.weeks.map((w) => [
            w.label,
            { text: w.total === null ? '-' : formatNumber(w.total), alignment: 'right' as const },
            { text: keepWords(({ outage: '장애 주간', best: '가장 높은 주', used: '비교', skipped: '제외', after: '장애 후' } as const)[w.role] + (w.note ? ` (${w.note})` : ''), 120, 8.5) },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
      margin: [0, 0, 0, 6],
    });
    out.push(weeklyBarChart(rule.weeks, CONTENT_WIDTH, 150, { text: '토~금 주간 매출', style: 'h3', margin: [0, 4, 0, 8] }));
  }
  if (rule.windows?.length) {
    out.push({
      table: {
        headerRows: 1,
        widths: ['*', 170, 90],
        body: [
          ['구간', '시각 (한국 시간)', '수입(원)'].map((t) => ({ text: t, bold: true })),
          ...rule.windows.map((w) => [{ text: keepWords(w.label, STAR_WIDTH, 8.5) }, `${w.start} ~ ${w.end}`, { text: formatNumber(w.total), alignment: 'right' as const }]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8.5,
      margin: [0, 0, 0, 6],
    });
  }
  return out;
}

function itemsSection(data: ReportData): Content[] {
  const f = data.figures;
  const table = (items: ReportData['figures']['directItems']): Content => ({
    table: {
      headerRows: 1,
      // 분류 holds a category of a few words (전달 안 된 메시지·광고): wide enough to break only between them.
      widths: ['*', 100, 70],
      body: [
        [{ text: '항목', bold: true }, { text: '분류', bold: true }, { text: '금액(원)', bold: true, alignment: 'right' as const }],
        ...items.map((i) => [
          { stack: [{ text: keepWords(i.label, STAR_WIDTH, 8.5) }, ...(i.note ? [{ text: keepWords(i.note, STAR_WIDTH, 7.5), fontSize: 7.5, color: MUTED }] : [])] },
          { text: keepWords(i.category, 100, 8.5) },
          { text: formatNumber(i.amount), alignment: 'right' as const },
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8.5,
    margin: [0, 0, 0, 6],
  });
  const out: Content[] = [];
  if (f.directItems.length) out.push(sectionHeading('직접 비용 항목 (통상손해)', 'h3'), table(f.directItems));
  if (f.indirectItems.length) out.push(sectionHeading('간접 손해 항목 (특별손해, 예견 가능성 설명 포함)', 'h3'), table(f.indirectItems));
  return out;
}

function evidenceSection(data: ReportData): Content[] {
  const long = data.evidence.length > 12;
  const section: Content[] = [
    long ? sectionHeading('증빙 목록') : heading('증빙 목록'),
    data.evidence.length
      ? {
          table: {
            headerRows: 1,
            widths: [120, 110, 40, '*'],
            body: [
              ['파일', '내용', '크기', 'SHA-256'].map((t) => ({ text: t, bold: true })),
              ...data.evidence.map((e) => [
                // A file name breaks only at its separators (evidence/소상공인확인서_ / 예시.pdf).
                e.included
                  ? { text: keepFileName(`evidence/${e.fileName}`, 120, 8), fontSize: 8 }
                  : { stack: [{ text: keepFileName(e.fileName, 120, 8), fontSize: 8 }, { text: '파일은 묶음에 없어요', fontSize: 7, color: '#c0392b' }] },
                // The kind a reviewer files it under, then the claimant's own words for it and when it was made.
                {
                  stack: [
                    { text: keepWords(e.labelKo, 110, 8), fontSize: 8 },
                    ...(e.label && e.label !== e.labelKo ? [{ text: keepWords(e.label, 110, 7), fontSize: 7, color: MUTED }] : []),
                    ...(e.kept ? [{ text: e.kept === 'at-the-time' ? '그때 남긴 자료' : '나중에 다시 만든 자료', fontSize: 7, color: MUTED }] : []),
                  ],
                },
                { text: `${formatNumber(e.size)} B`, fontSize: 7.5 },
                { text: e.sha256, fontSize: 6.5 },
              ]),
            ],
          },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 8],
        }
      : { text: '첨부한 증빙 파일이 없어요.', margin: [0, 0, 0, 10] },
    // The hashes' note only when there are files to hash.
    ...(data.evidence.length ? [{ text: '각 파일의 SHA-256 값은 manifest.json에도 있어요. 값이 같으면 파일이 바뀌지 않았다는 뜻이에요.', fontSize: 8, color: MUTED, margin: [0, 0, 0, 10] } as Content] : []),
  ];
  return long ? section : [keepTogether(...section)];
}

function declaration(data: ReportData): Content[] {
  const line = (label: string): Content => ({
    columns: [
      { width: 50, text: label, margin: [0, 12, 0, 0] },
      { width: 220, canvas: [{ type: 'line', x1: 0, y1: 26, x2: 220, y2: 26, lineWidth: 0.7 }] },
    ],
  });
  return [keepTogether(
    heading('확인 및 서명'),
    {
      text: `위 내용은 제가 직접 기록하거나 가져온 자료를 바탕으로 계산한 것이며, 사실과 다르지 않음을 확인합니다. 예상 값과 범위는 추정치이며, 가정은 위 표에 적힌 대로입니다.`,
      margin: [0, 0, 0, 8],
    },
    { text: `신청인: ${data.claimant.name}`, margin: [0, 0, 0, 4] },
    line('이름'),
    line('날짜'),
    line('서명'),
  )];
}

export function reportDocument(data: ReportData, profile: ChannelProfile, madeAt: Date): TDocumentDefinitions {
  const content: Content[] = [
    ...summaryPage(data, profile, madeAt),
    ...methodPage(data),
    ...bucketTable(data),
    ...ruleSection(data),
    ...companyRulesSection(data),
    ...itemsSection(data),
    ...evidenceSection(data),
    ...declaration(data),
  ];
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    info: {
      title: `장애 손실 계산서 - ${data.title}`,
      subject: profile.name.ko,
      creator: 'Outage Loss Desk (장애 손실 계산기)',
      producer: 'Outage Loss Desk',
      // Fixed from the injected clock so the same inputs give the same bytes (the PDF's /ID hashes this).
      creationDate: madeAt,
      modDate: madeAt,
    },
    defaultStyle: { font: 'NotoSansKR', fontSize: 9.5, lineHeight: 1.25 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 12, bold: true, margin: [0, 4, 0, 2], color: '#1f4e9c' },
      h3: { fontSize: 10, bold: true, margin: [0, 4, 0, 3] },
    },
    footer: (currentPage: number, pageCount: number): Content => ({
      text: `${data.title} · ${profile.name.ko} · ${currentPage} / ${pageCount}`,
      alignment: 'center',
      fontSize: 7.5,
      color: MUTED,
      margin: [40, 16, 40, 0],
    }),
    // A heading left alone at a page's foot moves to the next page (sectionHeading marks them).
    pageBreakBefore: withChartsReset(content, keepHeadingsWithContent),
    content,
  };
}

type PdfMakeLike = {
  virtualfs: { writeFileSync: (name: string, content: Uint8Array) => void };
  setFonts: (fonts: Record<string, Record<string, string>>) => void;
  setUrlAccessPolicy?: (cb: (url: string) => boolean) => void;
  setLocalAccessPolicy?: (cb: (path: string) => boolean) => void;
  createPdf: (doc: TDocumentDefinitions) => { getBuffer: () => Promise<Uint8Array> };
};

let pdfMakePromise: Promise<PdfMakeLike> | null = null;

/** pdfmake is megabytes: load it only when a packet is made. Node gets js/index.js, Vite the browser build. */
function loadPdfMake(): Promise<PdfMakeLike> {
  pdfMakePromise ??= import('pdfmake').then((mod: unknown) => {
    const m = mod as { default?: PdfMakeLike } & PdfMakeLike;
    const pdfMake = m.default ?? m;
    // The packet uses no remote or local resources: deny both (this also silences pdfmake's Node warnings).
    pdfMake.setUrlAccessPolicy?.(() => false);
    pdfMake.setLocalAccessPolicy?.(() => false);
    return pdfMake;
  });
  return pdfMakePromise;
}

/** Loads pdfmake ahead of a PDF (a batch's pool thread, idle before its summary PDF is asked for). */
export function preloadPdfMake(): Promise<unknown> {
  return loadPdfMake();
}

export async function renderPdf(doc: TDocumentDefinitions, fonts: PacketFonts): Promise<Uint8Array> {
  const pdfMake = await loadPdfMake();
  pdfMake.virtualfs.writeFileSync('NotoSansKR-Regular.ttf', fonts.regular);
  pdfMake.virtualfs.writeFileSync('NotoSansKR-Bold.ttf', fonts.bold);
  pdfMake.setFonts({
    NotoSansKR: {
      normal: 'NotoSansKR-Regular.ttf',
      bold: 'NotoSansKR-Bold.ttf',
      italics: 'NotoSansKR-Regular.ttf',
      bolditalics: 'NotoSansKR-Bold.ttf',
    },
  });
  const buffer = await pdfMake.createPdf(doc).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * The 확인 column: what the claimant confirmed, what is still to confirm (red), and, greyed, why the rest
 * needs no confirming: a choice of method, a published fact, or a figure computed from their records.
 */
function assumptionStatus(status: ReportAssumption['status']): Content {
  switch (status) {
    case 'confirmed': return '확인함';
    case 'unconfirmed': return { text: '미확인', color: '#c0392b' };
    case 'method': return { text: '계산 방법', color: MUTED };
    case 'public': return { text: '공개 자료', color: MUTED };
    case 'records': return { text: '기록으로 계산', color: MUTED };
    default: return { text: '계산 방법', color: MUTED };
  }
}
