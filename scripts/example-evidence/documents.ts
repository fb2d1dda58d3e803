/**
 * Example PDF documents for the example claims, rendered by the packet's own pdfmake renderer with Noto Sans KR.
 * Fixed creation dates (pdfkit derives the file /ID from them) keep the bytes the same on every run. Both are
 * stamped 예시 (example) and issued by no real body.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf, type PacketFonts } from '../../src/core/packet/pdf';

const RED = '#d93025';
const MUTED = '#666666';
const won = (n: number) => `${n.toLocaleString('en-US')}원`;

function stamp(text: string): Content {
  return {
    table: { widths: ['*'], body: [[{ text, color: RED, bold: true, alignment: 'center', fontSize: 11, margin: [0, 4, 0, 4] }]] },
    layout: { hLineColor: () => RED, vLineColor: () => RED, hLineWidth: () => 1.2, vLineWidth: () => 1.2 },
    margin: [0, 0, 0, 14],
  };
}

function page(title: string, madeAt: Date, content: Content[]): TDocumentDefinitions {
  return {
    pageSize: 'A5',
    pageMargins: [36, 36, 36, 40],
    info: { title, creator: 'Outage Loss Desk example generator', producer: 'Outage Loss Desk', creationDate: madeAt, modDate: madeAt },
    defaultStyle: { font: 'NotoSansKR', fontSize: 9, lineHeight: 1.25 },
    footer: () => ({ text: '예시 (example) · 장애 손실 계산기의 예시 청구에 딸린 가짜 서류예요 / a made-up document for an example claim', alignment: 'center', fontSize: 7, color: MUTED }),
    content,
  };
}

const keyValues = (rows: [string, string][]): Content => ({
  table: { widths: [90, '*'], body: rows.map(([k, v]) => [{ text: k, color: MUTED }, { text: v }]) },
  layout: 'lightHorizontalLines',
  margin: [0, 0, 0, 12],
});

export type InvoiceLine = { date: string; item: string; count: number; unitPrice: number; note: string };

/** A monthly bill for Talk Channel ad messages: the outage-day batch was billed but never delivered. */
export async function adMessageInvoicePdf(
  fonts: PacketFonts,
  input: { madeAt: Date; issuedOn: string; period: string; business: string; businessNumber: string; lines: InvoiceLine[] },
): Promise<Uint8Array> {
  const supply = input.lines.reduce((s, l) => s + l.count * l.unitPrice, 0);
  const vat = Math.round(supply / 10);
  const header = ['일자', '내용', '건수', '단가', '금액', '비고'].map((text) => ({ text, bold: true, fillColor: '#f2f2f2' }));
  const rows = input.lines.map((l) => [
    l.date, l.item, { text: l.count.toLocaleString('en-US'), alignment: 'right' as const }, { text: won(l.unitPrice), alignment: 'right' as const },
    { text: won(l.count * l.unitPrice), alignment: 'right' as const }, { text: l.note, fontSize: 8 },
  ]);
  const total = (label: string, amount: number, bold = false) => [{ text: label, colSpan: 4, alignment: 'right' as const, bold }, '', '', '', { text: won(amount), alignment: 'right' as const, bold }, ''];
  return renderPdf(
    page('카카오톡 채널 메시지 이용 요금 청구서 (예시)', input.madeAt, [
      { text: '카카오톡 채널 메시지 이용 요금 청구서', fontSize: 15, bold: true, margin: [0, 0, 0, 2] },
      { text: 'Talk Channel message charges — example invoice', color: MUTED, margin: [0, 0, 0, 10] },
      stamp('예시 (example) · 실제 청구서가 아니에요 / not a real invoice'),
      keyValues([
        ['청구 대상', `${input.business} (사업자등록번호 ${input.businessNumber})`],
        ['이용 기간', input.period],
        ['발행일', input.issuedOn],
        ['발행', '예시 메시지 발송 대행사 (가상의 회사) / a fictitious sender'],
      ]),
      {
        table: { headerRows: 1, widths: [28, '*', 30, 26, 46, 78], body: [header, ...rows, total('공급가액', supply), total('부가세 (10%)', vat), total('청구 금액', supply + vat, true)] },
        layout: 'lightHorizontalLines',
        fontSize: 8.5,
        margin: [0, 0, 0, 12],
      },
      { text: '10월 15일 16:00 예약분은 청구됐지만 판교 데이터센터 화재로 카카오 서비스가 멈춰 발송되지 않았어요 (도달 0건).', margin: [0, 0, 0, 2] },
      { text: 'The 16:00 batch on 15 October was billed but never delivered (0 reached): the Pangyo data-centre fire had stopped Kakao services.', color: MUTED },
    ]),
    fonts,
  );
}

/** A placeholder where the person's 소상공인 확인서 goes: the shape of the real one, and plainly not it. */
export async function smbCertificatePlaceholderPdf(
  fonts: PacketFonts,
  input: { madeAt: Date; business: string; businessNumber: string; representative: string; validFrom: string; validTo: string },
): Promise<Uint8Array> {
  return renderPdf(
    page('소상공인 확인서 (예시 자리표시)', input.madeAt, [
      { text: '소상공인 확인서', fontSize: 18, bold: true, alignment: 'center', margin: [0, 6, 0, 2] },
      { text: 'Small-business certificate — placeholder', color: MUTED, alignment: 'center', margin: [0, 0, 0, 12] },
      stamp('예시 (example) · 진짜 확인서가 아니에요, 효력이 없어요 / NOT a real certificate, no validity'),
      keyValues([
        ['기업명', input.business],
        ['사업자등록번호', input.businessNumber],
        ['대표자', input.representative],
        ['구분', '소상공인 (예시)'],
        ['유효 기간', `${input.validFrom} ~ ${input.validTo}`],
      ]),
      {
        text: '실제 신청 때는 이 자리에 소상공인시장진흥공단 확인서 발급 시스템에서 받은 확인서를 넣어요. 이 파일은 예시 청구가 서류를 모두 갖춘 모습을 보여 주려고 만든 자리표시예요.',
        margin: [0, 6, 0, 4],
      },
      {
        text: 'For a real claim, attach the certificate issued by the small-business certificate system here. This file only shows what a complete example claim looks like.',
        color: MUTED,
      },
      { text: '발급 기관 · 직인: 없음 (예시)', alignment: 'right', color: RED, bold: true, margin: [0, 24, 0, 0] },
    ]),
    fonts,
  );
}
