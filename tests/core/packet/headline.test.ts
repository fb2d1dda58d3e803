import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import { buildPacket } from '../../../src/core/packet/build';
import { describeClaim } from '../../../src/core/packet/facts';
import { headlineOf, nameWithJosa } from '../../../src/core/packet/headline';
import { findChannelProfile } from '../../../src/core/packet/profiles';
import { readZipSafely } from '../../../src/core/packet/zip';
import { bestWeekMerchantClaim, packetFonts, workedExampleDriverClaim } from './fixtures';

/** One headline per packet, chosen by the channel, and one sentence that relates the other figures to it. */

const headline = (claim: ReturnType<typeof workedExampleDriverClaim>, channel: string) => {
  const profile = findChannelProfile(channel)!;
  const d = describeClaim(claim, profile);
  return { h: headlineOf(d.report, profile), f: d.figures };
};

describe('nameWithJosa', () => {
  it('chooses the particle by the word before a closing bracket, as the name is read aloud', () => {
    expect(nameWithJosa('카카오모빌리티 택시 보상 (18시간, 1주 전 대비)', '은/는')).toBe('카카오모빌리티 택시 보상 (18시간, 1주 전 대비)은');
    expect(nameWithJosa('카카오 소상공인 보상 기준 (최고 매출 주 대비)', '은/는')).toBe('카카오 소상공인 보상 기준 (최고 매출 주 대비)은');
    expect(nameWithJosa('배민 가게: 18:00~24:00 주문 수수료 면제', '은/는')).toBe('배민 가게: 18:00~24:00 주문 수수료 면제는');
    expect(nameWithJosa('LG유플러스 PC방 보상 (날짜별 정액)', '이/가')).toBe('LG유플러스 PC방 보상 (날짜별 정액)이');
    expect(nameWithJosa('(이름 없음)', '을/를')).toBe('(이름 없음)를');
  });
});

describe('headlineOf', () => {
  it("Kakao's small-business rule heads the merchant's packet; the loss of profit and the claim total are explained beside it", () => {
    const { h, f } = headline(bestWeekMerchantClaim(), 'kakao-2022-smb-documents');
    expect(h.kind).toBe('rule');
    expect(h.amount).toBe(710_000);
    expect(h.explanation.ko).toMatch(/^카카오 소상공인 보상 기준 \(최고 매출 주 대비\)은 주간 매출을 비교해요: 산정액 710,000원, 50만 원 초과: 증빙 심사\. /);
    // Why the two differ, true for this rule (weeks and bands), not the taxi rule's "no margin".
    expect(h.explanation.ko).toContain('이 기준은 장애 주와 매출이 가장 높았던 주의 차이로 지원 구간을 정하고');
    expect(h.explanation.ko).not.toContain('이익률을 빼지 않고');
    expect(h.explanation.ko).toContain(`이 보고서가 계산한 영업이익 손실(손실 이익)은 ${f.lostProfit.toLocaleString('en-US')}원, 80% 범위 ${f.lostProfitLow.toLocaleString('en-US')}원 ~ ${f.lostProfitHigh.toLocaleString('en-US')}원이에요`);
    expect(h.explanation.ko).toContain(`청구 합계는 ${f.claimTotal.toLocaleString('en-US')}원이에요`);
    expect(h.explanation.en).toContain('compares weekly sales: figure 710,000 KRW');
  });

  it('a band that pays a fixed sum heads with that payment, the figure beside it, and the packet asks for the payment', () => {
    const parsed = parseClaimFile(readFileSync('assets/examples/cafe-daily.claim.json', 'utf8'));
    if (!parsed.ok) throw new Error('cafe-daily');
    const profile = findChannelProfile('kakao-2022-smb-documents')!;
    const d = describeClaim(parsed.claim, profile);
    const h = headlineOf(d.report, profile);
    expect(d.report.rule).toMatchObject({ loss: 336_100, payout: 50_000 });
    expect(h.amount).toBe(50_000);
    expect(h.label.ko).toBe('카카오 소상공인 보상 기준 (최고 매출 주 대비)에 따른 지급액');
    expect(h.sub.ko).toBe('산정액 336,100원 · 50만 원 이하: 5만 원');
    expect(d.report.resolutionSought).toBe('카카오 소상공인 보상 기준 (최고 매출 주 대비)에 따른 50,000원의 지급을 요청해요 (산정액 336,100원, 50만 원 이하: 5만 원).');
  });

  it('the Kakao form asks for the loss of profit; the sentence adds the claim total when it differs', () => {
    const { h } = headline(workedExampleDriverClaim(), 'kakao-2022-form');
    expect(h.kind).toBe('lostProfit');
    expect(h.amount).toBe(210_750);
    expect(h.explanation.ko).toBe(
      '이 보고서가 계산한 영업이익 손실(손실 이익)은 210,750원, 80% 범위 182,718원 ~ 238,782원이에요. 이 창구에는 이 금액을 요청하고, 직접 손해 210,750원과 간접 손해 13,740원을 더한 청구 합계는 224,490원이에요.',
    );
  });

  it('a general claim heads with the claim total and says the direct loss holds the loss of profit', () => {
    const { h } = headline(workedExampleDriverClaim(), 'generic');
    expect(h.kind).toBe('claimTotal');
    expect(h.amount).toBe(224_490);
    expect(h.explanation.ko).toContain('직접 손해에는 이 보고서가 계산한 영업이익 손실(손실 이익) 210,750원이 들어 있어요');
  });

  it('prints the sentence under the headline on page 1 of the PDF, and no second headline amount', async () => {
    const built = await buildPacket({ claim: bestWeekMerchantClaim(), channel: 'kakao-2022-smb-documents', fonts: packetFonts(), appVersion: 't', now: new Date('2022-11-01T09:00:00+09:00') });
    const dir = mkdtempSync(join(tmpdir(), 'headline-'));
    writeFileSync(join(dir, 'r.pdf'), readZipSafely(built.bytes).get('report.pdf')!);
    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(page1).toContain('주간 매출을 비교해요: 산정액 710,000원');
    expect(page1).toContain('두 금액이 달라요');
  });
});
