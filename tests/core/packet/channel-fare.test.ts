import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimSchema } from '../../../src/core/model/claim';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import { buildPacket } from '../../../src/core/packet/build';
import { readZipSafely } from '../../../src/core/packet/zip';
import { packetFonts } from './fixtures';

/** The taxi example with every fare removed (calls only) and one average fare declared per channel. */
function taxiWithFares() {
  const parsed = parseClaimFile(readFileSync('assets/examples/taxi-franchise.claim.json', 'utf8'));
  if (!parsed.ok) throw new Error('example');
  const c = parsed.claim;
  return claimSchema.parse({
    ...c,
    claimant: {
      ...c.claimant,
      salesChannels: [
        { ...c.claimant.salesChannels[0]!, averageFare: { amount: 17_000, source: 'trip-history', note: '' } },
        { ...c.claimant.salesChannels[1]!, averageFare: { amount: 16_000, source: 'union-survey', note: '' } },
      ],
    },
    records: c.records.map((r) => ({ ...r, revenue: null })),
    evidence: [],
  });
}

describe('the packet says which fare valued the calls and where it comes from', () => {
  it('names each channel\'s declared fare and its source in words in the PDF', async () => {
    const claim = taxiWithFares();
    const bytes = new TextEncoder().encode(JSON.stringify(claim));
    const built = await buildPacket({ claim, claimFileBytes: bytes, channel: 'kakao-mobility-2022-taxi', evidenceFiles: new Map(), fonts: packetFonts(), appVersion: '0.1.0', now: new Date('2022-11-01T09:00:00+09:00') });
    const files = readZipSafely(built.bytes);
    const dir = mkdtempSync(join(tmpdir(), 'fare-'));
    writeFileSync(join(dir, 'report.pdf'), files.get('report.pdf')!);
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('카카오 T 호출의 수입이 빈 기록은 건수에 신청인이 적은 평균 요금 17,000원을 곱했어요 (출처: 내 운행 내역)');
    expect(text).toContain('배회 영업의 수입이 빈 기록은 건수에 신청인이 적은 평균 요금 16,000원을 곱했어요 (출처: 조합·협회 조사)');
    expect(text).not.toMatch(/trip-history|union-survey|channel-declared/);
    // No claim-level ticket is in use: the old one-ticket sentence is not printed.
    expect(text).not.toMatch(/빈 기록은 건수에 평균 (요금|객단가) \d/);
  });
});

/** The cafe example with no sales amounts (counts only) and an average ticket declared per channel. */
function cafeWithTickets() {
  const parsed = parseClaimFile(readFileSync('assets/examples/cafe-daily.claim.json', 'utf8'));
  if (!parsed.ok) throw new Error('example');
  const c = parsed.claim;
  return claimSchema.parse({
    ...c,
    claimant: {
      ...c.claimant,
      salesChannels: c.claimant.salesChannels.map((ch, i) => ({ ...ch, averageFare: { amount: 6_000 + 500 * i, source: i === 1 ? 'union-survey' : 'trip-history', note: '' } })),
    },
    records: c.records.map((r) => ({ ...r, revenue: null })),
    evidence: [],
  });
}

describe('a merchant\'s packet names an average ticket from their own sales records', () => {
  it('says 평균 객단가 and 내 매출 기록 in the PDF, never a driver\'s fare or trip history', async () => {
    const claim = cafeWithTickets();
    const bytes = new TextEncoder().encode(JSON.stringify(claim));
    const built = await buildPacket({ claim, claimFileBytes: bytes, channel: 'kakao-2022-smb-documents', evidenceFiles: new Map(), fonts: packetFonts(), appVersion: '0.1.0', now: new Date('2022-11-01T09:00:00+09:00') });
    const files = readZipSafely(built.bytes);
    const dir = mkdtempSync(join(tmpdir(), 'ticket-'));
    writeFileSync(join(dir, 'report.pdf'), files.get('report.pdf')!);
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('카드의 매출이 빈 기록은 건수에 신청인이 적은 평균 객단가 6,000원을 곱했어요 (출처: 내 매출 기록)');
    expect(text).toContain('카카오페이의 매출이 빈 기록은 건수에 신청인이 적은 평균 객단가 6,500원을 곱했어요 (출처: 상인회·협회 조사)');
    expect(text).not.toMatch(/운행 내역|평균 요금/);
    rmSync(dir, { recursive: true, force: true });
  });
});
