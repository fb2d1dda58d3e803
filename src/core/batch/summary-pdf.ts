import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { CHART_COLORS, axisLabel, niceCeiling } from '../packet/chart';
import { formatKst, formatNumber, formatWon } from '../packet/format';
import { renderPdf, type PacketFonts } from '../packet/pdf';
import type { BatchAggregates, CountRow, LossStat } from './aggregate';

/**
 * summary.pdf: the association's tables in Korean (A4, Noto Sans KR through the packet's pdfmake setup)
 * with two bar charts drawn as vectors. Every number is from `aggregate`; nothing is computed here.
 */

export type SummaryMeta = {
  title: string;
  madeAt: Date;
  appVersion: string;
  items: number;
  invalid: number;
  duplicatesRemoved: number;
  suspectedPairs: number;
  redacted: boolean;
  /** The outages the members' claims come from (by their packs); empty for a roster alone. */
  incidents?: readonly string[];
  /** Members Kakao's 2022 small-business bands can apply to (Kakao claims and roster rows). */
  kakaoMembers?: number;
};

/** What the band table covers when members come from other outages too (or only from them). */
export function bandScopeNote(meta: Pick<SummaryMeta, 'incidents' | 'kakaoMembers'>): string | null {
  const others = (meta.incidents ?? []).filter((n) => !n.includes('카카오'));
  if (others.length === 0) return null;
  if ((meta.kakaoMembers ?? 0) === 0) return `이 묶음의 회원은 모두 다른 장애(${others.join(', ')})의 회원이라 카카오 구간이 해당하지 않아요. 회원마다 자기 장애의 회사 기준 금액은 명단의 구간 열에 있어요.`;
  return `여러 장애의 회원이 섞여 있어요: 카카오 구간은 카카오 장애 회원에게만 해당해요. 다른 장애(${others.join(', ')})의 회원은 '해당 없음'으로 세고, 자기 장애의 회사 기준 금액은 명단의 구간 열에 있어요.`;
}

const MUTED = '#555555';
const WIDTH = 595.28 - 2 * 40;
const pct = (share: number) => `${formatNumber(share * 100, 1)}%`;

function countTable(title: string, rows: readonly CountRow[], note?: string): Content {
  return {
    stack: [
      { text: title, style: 'h2' },
      ...(note ? [{ text: note, fontSize: 8, color: MUTED, margin: [0, 0, 0, 3] } as Content] : []),
      {
        table: {
          headerRows: 1,
          widths: ['*', 60, 60],
          body: [
            [{ text: '구분', bold: true }, { text: '회원 수', bold: true, alignment: 'right' as const }, { text: '비율', bold: true, alignment: 'right' as const }],
            ...rows.map((r) => [r.label, { text: formatNumber(r.count), alignment: 'right' as const }, { text: pct(r.share), alignment: 'right' as const }]),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
        margin: [0, 0, 0, 8],
      },
    ],
    unbreakable: rows.length < 20,
  } as Content;
}

/** Horizontal bars, one row per category: label, a vector bar scaled to the largest share, the share. */
function barChart(title: string, rows: readonly CountRow[], color: string): Content {
  const labelW = 120;
  const valueW = 50;
  const plotW = WIDTH - labelW - valueW;
  const top = niceCeiling(Math.max(0, ...rows.map((r) => r.share * 100)));
  return {
    stack: [
      { text: title, style: 'h3' },
      ...rows.map((r): Content => ({
        columns: [
          { width: labelW, text: r.label, fontSize: 8 },
          {
            width: plotW,
            canvas: [
              { type: 'rect', x: 0, y: 1, w: plotW, h: 9, color: '#f2f2f2' },
              ...(r.share > 0 ? [{ type: 'rect' as const, x: 0, y: 1, w: Math.max(0.5, (r.share * 100 / top) * plotW), h: 9, color }] : []),
            ],
          },
          { width: valueW, text: pct(r.share), fontSize: 8, alignment: 'right' as const },
        ],
        margin: [0, 0, 0, 2],
      })),
      { text: `막대 끝 = ${axisLabel(top)}%`, fontSize: 7, color: CHART_COLORS.axis, alignment: 'right', margin: [0, 2, 0, 10] },
    ],
    unbreakable: rows.length < 25,
  };
}

function lossRow(label: string, s: LossStat): Content[] {
  return [label, { text: formatNumber(s.n), alignment: 'right' as const }, { text: formatWon(s.sum), alignment: 'right' as const }, { text: s.median === null ? '-' : formatWon(s.median), alignment: 'right' as const }];
}

function titleLines(title: string): Content[] {
  const at = title.indexOf(': ');
  if (at < 0) return [{ text: title, style: 'h1' }];
  return [{ text: title.slice(0, at), style: 'h1', margin: [0, 0, 0, 2] }, { text: title.slice(at + 2), fontSize: 12, bold: true, margin: [0, 0, 0, 4] }];
}

export function summaryDocument(a: BatchAggregates, meta: SummaryMeta): TDocumentDefinitions {
  const content: Content[] = [
    // "회원 피해 집계: <the outage>": the outage on a line of its own, so a long name is not broken inside the heading.
    ...titleLines(meta.title),
    {
      text: `작성 ${formatKst(meta.madeAt)} (한국 시간) · 앱 ${meta.appVersion}${meta.redacted ? ' · 개인정보 가림' : ''}`,
      fontSize: 8, color: MUTED, margin: [0, 0, 0, 8],
    },
    {
      table: {
        widths: ['*', 90],
        body: [
          ['받은 항목 (묶음, 청구 파일, 명단 행)', { text: formatNumber(meta.items), alignment: 'right' as const }],
          ['오류로 뺀 항목', { text: formatNumber(meta.invalid), alignment: 'right' as const }],
          ['중복으로 뺀 회원 (정확히 같은 번호·계좌·묶음)', { text: formatNumber(meta.duplicatesRemoved), alignment: 'right' as const }],
          ['확인이 필요한 중복 의심 쌍 (비슷한 이름)', { text: formatNumber(meta.suspectedPairs), alignment: 'right' as const }],
          [{ text: '집계한 회원', bold: true }, { text: formatNumber(a.members), alignment: 'right' as const, bold: true }],
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 9,
      margin: [0, 0, 0, 10],
    },
    countTable('업종별 (소상공인연합회 분류)', a.bySector),
    countTable('세부 업종별', a.byIndustry),
    countTable('피해 서비스별 (복수 응답)', a.byService, '한 회원이 여러 서비스를 골랐을 수 있어 비율의 합이 100%를 넘어요.'),
    barChart('피해 서비스별 비율', a.byService, CHART_COLORS.expected),
    countTable('지역(시도)별', a.byRegion),
    barChart('지역(시도)별 비율', a.byRegion, CHART_COLORS.actual),
    countTable('신청인 구분별', a.byKind),
    {
      stack: [
        { text: '손해 금액', style: 'h2' },
        {
          text: `금액 근거: 앱 계산 ${formatNumber(a.basis.engine)}명, 명단 신고액 ${formatNumber(a.basis.declared)}명, 금액 없음 ${formatNumber(a.basis.none)}명. 명단의 신고액은 매출 감소이고 이익률을 적용하지 않았어요.`,
          fontSize: 8, color: MUTED, margin: [0, 0, 0, 3],
        },
        {
          table: {
            headerRows: 1,
            widths: ['*', 50, 100, 90],
            body: [
              ['항목', '회원 수', '합계', '중앙값'].map((t, i) => ({ text: t, bold: true, alignment: i ? ('right' as const) : ('left' as const) })),
              lossRow('직접 손해 (통상손해)', a.loss.direct),
              lossRow('간접 손해 (특별손해)', a.loss.indirect),
              lossRow('청구 합계', a.loss.total),
              lossRow('매출 손실 (카카오 소상공인 기준)', a.loss.salesLoss),
            ],
          },
          layout: 'lightHorizontalLines',
          fontSize: 9,
          margin: [0, 0, 0, 8],
        },
      ],
      unbreakable: true,
    } as Content,
    {
      stack: [
        { text: '카카오 소상공인 보상 기준 구간 (2022-12-29 발표)', style: 'h2' },
        { text: '매출 손실 30만 원 이하 3만 원, 50만 원 이하 5만 원, 그 이상은 증빙 심사 (머니투데이 2023-01-30 기사).', fontSize: 8, color: MUTED, margin: [0, 0, 0, 3] },
        ...(bandScopeNote(meta) ? [{ text: bandScopeNote(meta)!, fontSize: 8, bold: true, margin: [0, 0, 0, 3] as [number, number, number, number] }] : []),
        {
          table: {
            headerRows: 1,
            widths: ['*', 50, 50, 90],
            body: [
              ['구간', '회원 수', '비율', '지급액 합계'].map((t, i) => ({ text: t, bold: true, alignment: i ? ('right' as const) : ('left' as const) })),
              ...a.bands.map((b) => [b.label, { text: formatNumber(b.count), alignment: 'right' as const }, { text: pct(b.share), alignment: 'right' as const }, { text: b.payoutSum === null ? '-' : formatWon(b.payoutSum), alignment: 'right' as const }]),
              [{ text: '정액 구간 지급액 합계', bold: true }, '', '', { text: formatWon(a.fixedBandPayout), alignment: 'right' as const, bold: true }],
            ],
          },
          layout: 'lightHorizontalLines',
          fontSize: 9,
          margin: [0, 0, 0, 8],
        },
      ],
      unbreakable: true,
    } as Content,
  ];
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    info: { title: meta.title, creator: 'Outage Loss Desk (장애 손실 계산기)', producer: 'Outage Loss Desk', creationDate: meta.madeAt, modDate: meta.madeAt },
    defaultStyle: { font: 'NotoSansKR', fontSize: 9.5, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 12, bold: true, margin: [0, 6, 0, 3], color: '#1f4e9c' },
      h3: { fontSize: 10, bold: true, margin: [0, 4, 0, 4] },
    },
    footer: (page: number, count: number): Content => ({ text: `${meta.title} · ${page} / ${count}`, alignment: 'center', fontSize: 7.5, color: MUTED, margin: [40, 16, 40, 0] }),
    content,
  };
}

export function summaryPdf(a: BatchAggregates, meta: SummaryMeta, fonts: PacketFonts): Promise<Uint8Array> {
  return renderPdf(summaryDocument(a, meta), fonts);
}
