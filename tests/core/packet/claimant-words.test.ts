import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import { buildPacket } from '../../../src/core/packet/build';
import { readZipSafely } from '../../../src/core/packet/zip';
import { earningsWords } from '../../../src/core/estimate/channel-fares';
import { guessMapping } from '../../../src/core/io/headers';
import { packetFonts } from './fixtures';

/**
 * A driver earns fares, not a shop's sales: everything a reviewer reads in a driver's packet (the PDF, the
 * form's text, the README) says 수입 and 평균 요금, never 매출 or 객단가; a shop's packet keeps its words.
 */

const NOW = new Date('2022-11-01T09:00:00+09:00');
const CHANNELS = ['kakao-2022-form', 'damage365', 'dispute-mediation', 'generic'] as const;

function example(name: string) {
  const parsed = parseClaimFile(readFileSync(join('assets/examples', `${name}.claim.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  return parsed.claim;
}

/** What a reviewer reads: the PDF as text, the form's text and the README. */
async function readable(name: string, channel: string): Promise<string> {
  const built = await buildPacket({ claim: example(name), channel, fonts: packetFonts(), appVersion: 't', now: NOW, missingEvidence: 'list' });
  const files = readZipSafely(built.bytes);
  const dir = mkdtempSync(join(tmpdir(), 'packet-words-'));
  writeFileSync(join(dir, 'report.pdf'), files.get('report.pdf')!);
  const pdf = execFileSync('pdftotext', ['-raw', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
  const text = (path: string) => (files.get(path) ? new TextDecoder().decode(files.get(path)!) : '');
  return `${pdf}\n${text('form.txt')}\n${text('README.txt')}`.replace(/\s+/g, ' ');
}

describe("the claimant's own words for what they earn", () => {
  it('gives 수입 and 평균 요금 to drivers, 매출 and 평균 객단가 to shops', () => {
    expect(earningsWords('taxi').earnings.ko).toBe('수입');
    expect(earningsWords('designated-driver').earnings.ko).toBe('수입');
    expect(earningsWords('merchant').earnings.ko).toBe('매출');
    expect(earningsWords('taxi').ticket.ko).toBe('평균 요금');
    expect(earningsWords('merchant').ticket.ko).toBe('평균 객단가');
  });

  it('names the other routes in A by the claimant\'s own channels, and the blank-record ticket only when some record is blank', async () => {
    const driver = await readable('driver-2022', 'damage365');
    expect(driver).toContain('실제 수입에는 다른 경로(다른 대리 앱)의 수입도 넣었어요');
    expect(driver).not.toMatch(/전화 콜|빈 기록은/);
    const taxi = await readable('taxi-franchise', 'damage365');
    expect(taxi).toContain('실제 수입에는 다른 경로(배회 영업)의 수입도 넣었어요');
    // Every record of the restaurant carries its sales: no ticket fills a blank one.
    const restaurant = await readable('restaurant-hourly', 'damage365');
    expect(restaurant).not.toContain('빈 기록은');
    // The cafe's card-sales days without revenue are valued at the ticket, and the packet says so.
    expect(await readable('cafe-daily', 'damage365')).toMatch(/매출이 빈 기록은 건수에 평균 객단가 [\d,]+원을 곱했어요/);
  });

  for (const name of ['driver-2022', 'taxi-franchise']) {
    it(`${name}: no 매출 or 객단가 anywhere a reviewer reads, in every channel`, async () => {
      for (const channel of CHANNELS) {
        const text = await readable(name, channel);
        expect(text, channel).not.toMatch(/매출|객단가/);
        expect(text, channel).toContain('예상 수입');
        expect(text, channel).toContain('실제 수입');
      }
    });
  }

  it("restaurant-hourly: a shop's packet keeps 매출, and the damage form's figures say so", async () => {
    const text = await readable('restaurant-hourly', 'damage365');
    expect(text).toContain('예상 매출 (평소라면)');
    expect(text).toMatch(/예상 매출 [\d,]+원, 실제 매출 [\d,]+원, 줄어든 매출 [\d,]+원/);
    expect(text).not.toContain('수입');
  });

  it("the driver's damage form fills its figures line with 수입", async () => {
    const text = await readable('driver-2022', 'damage365');
    expect(text).toMatch(/예상 수입 [\d,]+원, 실제 수입 [\d,]+원, 줄어든 수입 [\d,]+원\([\d.]+건\)/);
  });

  it("records.csv heads its columns in the claimant's words, and the import wizard knows both headers", async () => {
    const header = async (name: string) => {
      const built = await buildPacket({ claim: example(name), channel: 'generic', fonts: packetFonts(), appVersion: 't', now: NOW, missingEvidence: 'list' });
      return new TextDecoder().decode(readZipSafely(built.bytes).get('records.csv')!).replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    };
    const driver = await header('driver-2022');
    const shop = await header('restaurant-hourly');
    expect(driver.slice(1, 4)).toEqual(['콜 채널', '건수', '수입(원)']);
    expect(shop.slice(1, 4)).toEqual(['판매 채널', '건수', '매출(원)']);
    for (const h of [driver, shop]) expect(guessMapping(h)).toMatchObject({ channel: h[1], count: '건수', revenue: h[3] });
  });
});

describe("the estimate's warnings in the claimant's words", () => {
  it('no baseline: a driver is told their expected 수입 is zero, a shop its 매출', async () => {
    const { chooseBaseline } = await import('../../../src/core/estimate/stages/baseline');
    const none = { k: 0, windowDates: [], source: {} } as unknown as Parameters<typeof chooseBaseline>[1];
    const driver = chooseBaseline({ baseline: 'auto' }, none, false, earningsWords('taxi')).warnings[0]!.message;
    const shop = chooseBaseline({ baseline: 'auto' }, none, false).warnings[0]!.message;
    expect(driver.ko).toBe('기준이 될 기록도, 직접 적은 평소 수입도 없어 예상 수입을 0으로 봤어요');
    expect(driver.en).toBe('no reference records and no declared baseline: expected earnings are zero');
    expect(shop.ko).toBe('기준이 될 기록도, 직접 적은 평소 매출도 없어 예상 매출을 0으로 봤어요');
    expect(shop.en).toBe('no reference records and no declared baseline: expected revenue is zero');
  });
});

describe('who the claimant is, without brackets inside brackets', () => {
  it('the PDF gives the name and the kind on their own rows; a form prints "name (kind)" once', async () => {
    const built = await buildPacket({ claim: example('taxi-franchise'), channel: 'kakao-mobility-2022-taxi', fonts: packetFonts(), appVersion: 't', now: NOW, missingEvidence: 'list' });
    const files = readZipSafely(built.bytes);
    const dir = mkdtempSync(join(tmpdir(), 'packet-kind-'));
    writeFileSync(join(dir, 'report.pdf'), files.get('report.pdf')!);
    const pdf = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).split('\n');
    expect(pdf.find((l) => l.startsWith('이름'))!.replace(/\s+/g, ' ')).toBe('이름 최기사 (예시)');
    expect(pdf.find((l) => l.startsWith('구분'))!.replace(/\s+/g, ' ')).toBe('구분 택시 기사, 가맹');
    const form = new TextDecoder().decode(files.get('form.txt')!);
    expect(form).toContain('최기사 (예시) (택시 기사, 가맹), 010-4567-8901');
    expect(form).not.toMatch(/\([^()]*\([^()]*\)[^()]*\)/);
  });
});

describe('a driver is named in every form, though they have no business name or number', () => {
  it.each([
    ['kakao-2022-form', '\n신고인: 김대리 (예시) (대리운전 기사).\n'],
    ['damage365', '[신청인] *필수 (최대 300자)\n김대리 (예시) (대리운전 기사)\n'],
    ['dispute-mediation', '[신청인] *필수 (최대 300자)\n김대리 (예시) (대리운전 기사)\n'],
  ])('%s', async (channel, line) => {
    const built = await buildPacket({ claim: example('driver-2022'), channel, fonts: packetFonts(), appVersion: 't', now: NOW, missingEvidence: 'list' });
    // Fields are separated by CRLF for Windows Notepad, lines inside a field by LF: compared as LF.
    const form = new TextDecoder().decode(readZipSafely(built.bytes).get('form.txt')!).replace(/\r\n/g, '\n');
    expect(form).toContain(line);
    expect(form).not.toContain('(비어 있어요');
    expect(form).not.toContain('사업자등록번호');
  });
});
