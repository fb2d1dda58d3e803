import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../src/core/model/claim';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import { buildPacket } from '../../../src/core/packet/build';
import { describeClaim, statementsOnly } from '../../../src/core/packet/facts';
import { findChannelProfile } from '../../../src/core/packet/profiles';
import { readZipSafely } from '../../../src/core/packet/zip';
import { packetFonts } from './fixtures';

/**
 * A reviewer must be able to redo the expected figure from the method as the packet states it: the
 * estimator and the trend factor when one was applied, the unit of the records, and what the actual
 * figure holds, in the claimant's own channels.
 */

function example(name: string): Claim {
  const parsed = parseClaimFile(readFileSync(join('assets/examples', `${name}.claim.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  return parsed.claim;
}

const method = (name: string) => describeClaim(example(name), findChannelProfile('damage365')!).report.method;

async function pdfText(name: string): Promise<string> {
  const built = await buildPacket({ claim: example(name), channel: 'damage365', fonts: packetFonts(), appVersion: 't', now: new Date('2025-06-02T09:00:00+09:00'), missingEvidence: 'list' });
  const dir = mkdtempSync(join(tmpdir(), 'method-words-'));
  writeFileSync(join(dir, 'report.pdf'), readZipSafely(built.bytes).get('report.pdf')!);
  return execFileSync('pdftotext', ['-raw', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the method as a reviewer can redo it', () => {
  it('a trend factor is in the summary, its own line says what it is, and the chart legend names it', async () => {
    const m = method('restaurant-hourly');
    expect(m.summary).toContain('기준일 4개 값의 평균에 당일 추세 보정(× 1.129)을 곱해 평소라면 있었을 매출을 추정하고');
    expect(m.lines).toContain('당일 추세 보정 × 1.129: 장애 당일 장애 전 15시간의 실제 매출을 같은 시간의 예상 매출로 나눈 값이에요. 모든 예상 매출에 이 값을 곱했어요');
    expect(await pdfText('restaurant-hourly')).toContain('예상 매출(기준일 평균, 당일 추세 보정 × 1.129)');
  });

  it('daily records: the median is named in the summary and the legend, and whole days are compared', async () => {
    const m = method('cafe-daily');
    expect(m.summary).toMatch(/^같은 요일의 기준일 4개 값의 중앙값으로/);
    expect(m.lines[0]).toBe('자료 단위: 일별, 청구 구간에 걸친 2일 (하루 중 일부만 장애였던 날도 하루 전체를 비교해요)');
    const text = await pdfText('cafe-daily');
    expect(text).toContain('예상 매출(기준일 중앙값)');
    expect(text).not.toContain('기준일 평균');
  });

  it('hourly records: the window\'s hours, its edge hours compared whole', () => {
    expect(method('driver-2022').lines[0]).toBe('자료 단위: 시간별, 청구 구간에 걸친 6개 시간 (구간 양 끝의 시간도 한 시간 전체를 비교해요)');
  });

  it('the actual figure holds the claimant\'s own other routes; with one sort of channel, all of them', () => {
    expect(method('baemin-ultracall-2025').lines).toContain('실제 매출에는 다른 경로(전화 주문)의 매출도 넣었어요 (손해 경감)');
    // A PC cafe's POS is not a platform that failed: there is no "other route" to speak of.
    expect(method('pc-cafe-lguplus-2023').lines).toContain('실제 매출은 기록한 채널(PC방 POS (이용 요금·먹거리))의 매출을 모두 더했어요');
  });
});

describe('the packet speaks to the reviewer, not to the app\'s user', () => {
  const EXAMPLES = ['baemin-ultracall-2025', 'cafe-daily', 'driver-2022', 'merchant-best-week', 'pc-cafe-lguplus-2023', 'restaurant-hourly', 'taxi-franchise'];
  const report = (name: string) => describeClaim(example(name), findChannelProfile('damage365')!).report;

  it('a source keeps its statements and drops the requests its note makes of the user', () => {
    expect(statementsOnly('그 시각을 끝으로 잡았어요. 더 일찍 복구됐다면 고쳐 주세요.')).toBe('그 시각을 끝으로 잡았어요.');
    const window = report('taxi-franchise').assumptions.find((a) => a.label === '카카오 T 택시 장애 기간')!;
    expect(window.source).toContain('정상화가 확인된 첫 공지는 16일 21:30이에요 (디지털데일리 2022-10-16): 그 시각을 끝으로 잡았어요.');
    for (const name of EXAMPLES) {
      for (const a of report(name).assumptions) expect(a.source, `${name}: ${a.label}`).not.toMatch(/주세요|설정에서/);
    }
  });

  it('each indirect item shows the inputs its amount is made of; a speculative one says what the claimant supplied', () => {
    expect(report('driver-2022').figures.indirectItems[0]!.note).toMatch(/^계산: 1\.5시간 × 2022년 최저임금 9,160원 = 13,740원 · 예견 가능성: /);
    const items = report('restaurant-hourly').figures.indirectItems;
    const regulars = items.find((i) => i.label.startsWith('잃은 단골손님'))!;
    expect(regulars.note).toContain('계산: 2명 × 한 달 60,000원 × 이익률 62% × 2개월 = 148,800원');
    expect(regulars.note).toContain('추정: 단골손님 수와 한 명의 한 달 지출은 신청인이 적은 값이에요');
    expect(regulars.note).not.toContain('인정하지 않을 수');
    expect(items.find((i) => i.label.startsWith('복구 후'))!.note).toContain('계산: 복구 후 48시간의 (예상 648,500원 − 실제 621,000원) × 이익률 62% = 17,050원');
  });

  it('a claim to the company asks for the total, without asking the company for mediation; a short outage reads in minutes', () => {
    expect(describeClaim(example('driver-2022'), findChannelProfile('generic')!).report.resolutionSought).toBe('청구 합계 224,490원(직접 손해 210,750원, 간접 손해 13,740원)의 보상을 요청해요.');
    expect(report('baemin-ultracall-2025').incident.windowHours).toBe('30분');
  });

  it('the evidence list gives the claimant\'s own words for each file and when it was made; the margin reads as set', async () => {
    const text = await pdfText('driver-2022');
    expect(text).toContain('카카오 T 대리 기사 앱 연결 오류 화면');
    expect(text).toContain('그때 남긴 자료');
    expect(text).toContain('이익률 75% 적용');
    expect(text).not.toContain('75.0%');
  });

  it('an untitled claim is named by its claimant and incident, never by the app\'s id, in the PDF and the README', async () => {
    const untitled = { ...example('driver-2022'), title: '' };
    expect(describeClaim(untitled, findChannelProfile('damage365')!).report.title).toBe('김대리 (예시) · 카카오 서비스 장애 (2022년 10월 판교 데이터센터 화재)');
    const built = await buildPacket({ claim: untitled, channel: 'damage365', fonts: packetFonts(), appVersion: 't', now: new Date('2025-06-02T09:00:00+09:00'), missingEvidence: 'list' });
    const readme = new TextDecoder().decode(readZipSafely(built.bytes).get('README.txt')!);
    expect(readme).toContain('청구: 김대리 (예시) · 카카오 서비스 장애');
    expect(readme).not.toMatch(/청구 번호|example-driver-2022/);
  });

  it('the PDF names no engine and no settings screen', async () => {
    const text = await pdfText('restaurant-hourly');
    expect(text).not.toMatch(/엔진|방법 설정|산정액 그대로|직접 고침/);
    expect(text).toContain('계산 방법');
  });
});

