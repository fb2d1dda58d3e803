import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import type { Claim } from '../../../src/core/model/claim';
import { buildPacket, packetFileName, PacketInputError } from '../../../src/core/packet/build';
import { describeClaim } from '../../../src/core/packet/facts';
import { findChannelProfile } from '../../../src/core/packet/profiles';
import { verifyPacket } from '../../../src/core/packet/verify';
import { writeZip } from '../../../src/core/packet/zip';
import { readZipSafely } from '../../../src/core/packet/zip';
import { bestWeekMerchantClaim, packetFonts, workedExampleDriverClaim } from './fixtures';

/**
 * Packets from the bundled example claims, one per channel, checked as a recipient would: the system unzip,
 * SHA-256 of every file, pdftotext for the figures, the CSV's BOM and neutralised cells, and field limits.
 */

const NOW = new Date('2022-11-01T09:00:00+09:00');
const fonts = packetFonts();

function example(name: string): { claim: Claim; bytes: Uint8Array; evidenceFiles: Map<string, Uint8Array> } {
  const bytes = new Uint8Array(readFileSync(join('assets/examples', `${name}.claim.json`)));
  const parsed = parseClaimFile(new TextDecoder().decode(bytes));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  // The example's evidence files, read the way the packet command reads them: evidence/<fileName> beside the claim.
  const evidenceFiles = new Map(parsed.claim.evidence.map((e) => [e.fileName, new Uint8Array(readFileSync(join('assets/examples/evidence', e.fileName)))]));
  return { claim: parsed.claim, bytes, evidenceFiles };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const CASES = [
  { channel: 'kakao-2022-form', example: 'driver-2022', evidence: ['카카오T대리_연결오류_2022-10-15.png'], mustContain: ['210,750', '224,490', '182,718', '238,782', '장애 손실 계산서', '확인 및 서명'] },
  { channel: 'kakao-2022-smb-documents', example: 'merchant-best-week', evidence: ['소상공인확인서_예시.pdf', '톡채널_메시지_청구서_2022-10.pdf'], mustContain: ['710,000', '4,610,000', '3,900,000', '50만 원 초과: 증빙 심사', '토~금 주간 매출'] },
  { channel: 'kakao-mobility-2022-taxi', example: 'taxi-franchise', evidence: ['카카오T_운행내역_2022-10-15.png'], mustContain: ['카카오모빌리티 택시 보상', '2022-10-15 15:00 ~ 2022-10-16 09:00'] },
  { channel: 'damage365', example: 'restaurant-hourly', evidence: ['카카오톡주문하기_연결오류_2022-10-15.png'], mustContain: ['온라인피해365센터', '청구 합계'] },
  { channel: 'generic', example: 'cafe-daily', evidence: [], mustContain: ['일반 청구서', '청구 합계'] },
] as const;

describe.each(CASES)('packet for $channel from $example', ({ channel, example: name, evidence, mustContain }) => {
  let dir: string;
  let built: Awaited<ReturnType<typeof buildPacket>>;
  let claimBytes: Uint8Array;

  beforeAll(async () => {
    const ex = example(name);
    claimBytes = ex.bytes;
    // Every evidence file must be there (missingEvidence defaults to 'error').
    built = await buildPacket({ claim: ex.claim, claimFileBytes: ex.bytes, channel, evidenceFiles: ex.evidenceFiles, fonts, appVersion: '0.1.0', now: NOW });
    dir = mkdtempSync(join(tmpdir(), `packet-${channel}-`));
    writeFileSync(join(dir, built.fileName), built.bytes);
    execFileSync('unzip', ['-q', join(dir, built.fileName), '-d', join(dir, 'out')]);
  });

  it('unzips with Info-ZIP to the listed files, every hash and size as in the manifest', () => {
    const out = join(dir, 'out');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'outage-loss-desk/packet', channel, claimId: built.manifest.claimId, madeAt: '2022-11-01T09:00:00+09:00', app: { version: '0.1.0' } });
    expect(readdirSync(out).sort()).toEqual(['README.txt', 'claim.json', 'form.txt', 'manifest.json', 'records.csv', 'report.pdf', ...(evidence.length ? ['evidence'] : [])].sort());
    expect(readdirSync(out).includes('evidence') ? readdirSync(join(out, 'evidence')).sort() : []).toEqual([...evidence].sort());
    // Each packed evidence file is the committed example file, with the hash the claim lists.
    for (const fileName of evidence) {
      const listed = example(name).claim.evidence.find((e) => e.fileName === fileName)!;
      const packed = new Uint8Array(readFileSync(join(out, 'evidence', fileName)));
      expect(sha256(packed), fileName).toBe(listed.sha256);
      expect(sha256(packed), fileName).toBe(sha256(new Uint8Array(readFileSync(join('assets/examples/evidence', fileName)))));
    }
    expect(built.readiness.filter((i) => i.code === 'evidence-file-missing')).toEqual([]);
    for (const file of manifest.files as { path: string; size: number; sha256: string }[]) {
      const bytes = new Uint8Array(readFileSync(join(out, file.path)));
      expect(bytes.length, file.path).toBe(file.size);
      expect(sha256(bytes), file.path).toBe(file.sha256);
    }
    // claim.json is the user's file byte for byte.
    expect(sha256(new Uint8Array(readFileSync(join(out, 'claim.json'))))).toBe(sha256(claimBytes));
  });

  it('writes a Korean PDF with the totals, under 300 KB, in under 1.5 s', () => {
    const pdf = join(dir, 'out', 'report.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const s of mustContain) expect(text, s).toContain(s);
    expect(text).toContain(built.manifest.figures.claimTotal.toLocaleString('en-US'));
    // The hashes are listed, and where else they are, only when there are files; else the PDF says there are none.
    if (evidence.length) expect(text).toContain('SHA-256 값은 manifest.json에도');
    else expect(text).toContain('첨부한 증빙 파일이 없어요.');
    if (!evidence.length) expect(text).not.toContain('SHA-256');
    expect(text).toContain('서명');
    // Fonts embedded as subsets (a six-letter tag before the name).
    const fontsList = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fontsList).toMatch(/[A-Z]{6}\+NotoSansKR/);
    expect(statSync(pdf).size).toBeLessThan(300 * 1024);
  });

  it('renders pages 1 and 2 as images', () => {
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', join(dir, 'out', 'report.pdf'), join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pages.length).toBe(2);
  });

  it('keeps every form field within its limit', () => {
    const profile = findChannelProfile(channel)!;
    for (const field of built.fields) {
      const limit = profile.fields.find((f) => f.id === field.id)?.maxLength;
      if (limit) expect(field.text.length, field.id).toBeLessThanOrEqual(limit);
    }
    const form = readFileSync(join(dir, 'out', 'form.txt'), 'utf8');
    for (const field of built.fields) {
      expect(form).toContain(`[${field.label}]`);
      if (field.text) expect(form).toContain(field.text);
    }
  });

  it('writes records.csv with a BOM and one row per record', () => {
    const bytes = readFileSync(join(dir, 'out', 'records.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toContain('시간 구간');
    expect(lines.length - 1).toBe(example(name).claim.records.length);
  });

  it('verifies clean, and is byte-identical when built again with the same clock', async () => {
    const result = await verifyPacket(built.bytes);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const ex = example(name);
    const again = await buildPacket({ claim: ex.claim, claimFileBytes: claimBytes, channel, evidenceFiles: ex.evidenceFiles, fonts, appVersion: '0.1.0', now: NOW });
    expect(sha256(again.bytes)).toBe(sha256(built.bytes));
  });
});

describe('packet figures and channel texts', () => {
  it('prints the worked example exactly (loss model section 7)', async () => {
    const built = await buildPacket({ claim: workedExampleDriverClaim(), channel: 'kakao-2022-form', fonts, appVersion: 't', now: NOW });
    expect(built.manifest.figures).toEqual({
      expected: 325_000, actual: 44_000, lostCount: 11, lostRevenue: 281_000, margin: 0.75, lostProfit: 210_750,
      lostProfitLow: 182_718, lostProfitHigh: 238_782, directTotal: 210_750, indirectTotal: 13_740, claimTotal: 224_490, rule: null,
    });
    const fields = Object.fromEntries(built.fields.map((f) => [f.id, f.text]));
    expect(fields.category).toBe('기타 서비스');
    expect(fields.email).toBe('driver@example.com');
    expect(fields.content).toContain('210,750원');
    expect(built.readiness).toEqual([]);
  });

  it('counts only and no ticket: the PDF and the form say lost profit is not computable, with the counts (section 1)', async () => {
    const base = workedExampleDriverClaim();
    const claim = { ...base, records: base.records.map((r) => ({ ...r, revenue: null })) };
    const built = await buildPacket({ claim, channel: 'kakao-2022-form', fonts, appVersion: 't', now: NOW });
    const dir = mkdtempSync(join(tmpdir(), 'packet-counts-only-'));
    writeFileSync(join(dir, 'report.pdf'), readZipSafely(built.bytes).get('report.pdf')!);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('계산할 수 없음');
    expect(text).toMatch(/예상 건수 \(평소라면\)\s+13\.0건/);
    expect(text).toMatch(/놓친 건수\s+11\.0건/);
    expect(text).toContain('평균 요금을 적어 주세요');
    expect(text).not.toContain('직접 적은 객단가');
    expect(text).not.toMatch(/예상 매출 \(평소라면\)/);
    const fields = Object.fromEntries(built.fields.map((f) => [f.id, f.text]));
    expect(JSON.stringify(fields)).not.toMatch(/손실 이익 0원|(^|[^,\d])0원의 보상/);
    expect(fields.content).toContain('놓친 건수 11.0건');
  });

  it('best-week merchant: 710,000 and the review band; lists the four documents missing', async () => {
    const built = await buildPacket({ claim: bestWeekMerchantClaim(), channel: 'kakao-2022-smb-documents', fonts, appVersion: 't', now: NOW });
    expect(built.manifest.figures.rule).toEqual({ id: 'kakao-2022-smb-best-week', loss: 710_000, band: 'review' });
    expect(built.readiness.filter((i) => i.code === 'document-missing').map((i) => i.subject)).toEqual(['smb-certificate', 'sales-loss-proof', 'kakao-service-proof', 'bank-account-copy']);
    // The shop name starts with "=": in records.csv nothing starts a formula.
    const csv = new TextDecoder().decode(readZipSafely(built.bytes).get('records.csv')!);
    expect(csv.split('\r\n').every((line) => !/^[=+\-@]/.test(line))).toBe(true);
  });

  it('a content field over its limit is cut at a sentence, with the note, within the limit', async () => {
    const claim = workedExampleDriverClaim();
    const profile = structuredClone(findChannelProfile('kakao-2022-form')!);
    const content = profile.fields.find((f) => f.id === 'content')!;
    content.maxLength = 400;
    const built = await buildPacket({ claim, channel: profile, fonts, appVersion: 't', now: NOW });
    const field = built.fields.find((f) => f.id === 'content')!;
    expect(field.truncated).toBe(true);
    expect(field.text.length).toBeLessThanOrEqual(400);
    expect(field.text).toMatch(/[.)]\s?\(이하 생략: 전체 내용은 첨부한 보고서에 있어요\)$/);
    const form = new TextDecoder().decode(readZipSafely(built.bytes).get('form.txt')!);
    expect(form).toContain('글자 수 제한으로');
  });

  it('packs evidence under Korean names, and refuses a file whose hash differs from the claim', async () => {
    const claim = workedExampleDriverClaim();
    const shot = new TextEncoder().encode('운행 내역 캡처 (PNG 대신 글)');
    claim.evidence.push({
      id: 'ev-1', fileName: '운행 내역 10월 15일.png', sha256: sha256(shot), size: shot.length, mimeType: 'image/png',
      label: '운행 내역', provenance: 'at-the-time', addedAt: '2022-10-16T10:00+09:00', linkedIds: [],
    });
    const built = await buildPacket({ claim, channel: 'kakao-mobility-2022-taxi', evidenceFiles: new Map([['운행 내역 10월 15일.png', shot]]), fonts, appVersion: 't', now: NOW });
    const files = readZipSafely(built.bytes);
    expect(files.get('evidence/운행 내역 10월 15일.png')).toEqual(shot);
    expect(built.manifest.files.find((f) => f.path === 'evidence/운행 내역 10월 15일.png')?.sha256).toBe(sha256(shot));
    expect(built.readiness.some((i) => i.code === 'document-missing')).toBe(false);
    await expect(
      buildPacket({ claim, channel: 'generic', evidenceFiles: new Map([['운행 내역 10월 15일.png', new Uint8Array([1, 2])]]), fonts, appVersion: 't', now: NOW }),
    ).rejects.toThrow(PacketInputError);
    await expect(buildPacket({ claim, channel: 'generic', fonts, appVersion: 't', now: NOW })).rejects.toThrow(/증빙 파일이 없어요: 운행 내역 10월 15일.png/);
  });

  it('names the file from the Korean half of the title, safe for every file system', () => {
    const claim = workedExampleDriverClaim();
    claim.title = '가게: 10/15 "장애" / shop: 10/15';
    expect(packetFileName(claim, findChannelProfile('generic')!)).toBe('가게_ 10_15 _장애_-generic.zip');
    // A Korean title holding " / " itself is not cut at it (issue 17).
    claim.title = '강남점 / 2호점';
    expect(packetFileName(claim, findChannelProfile('generic')!)).toBe('강남점 _ 2호점-generic.zip');
  });

  it('shows the reviewer the Korean half of a "한국어 / English" title (the report, README and form), a Korean title whole', () => {
    const claim = workedExampleDriverClaim();
    claim.title = '예시: 대리기사 / example: designated driver';
    expect(describeClaim(claim, findChannelProfile('generic')!).report.title).toBe('예시: 대리기사');
    claim.title = '강남점 / 2호점';
    expect(describeClaim(claim, findChannelProfile('generic')!).report.title).toBe('강남점 / 2호점');
  });
});

describe('verify catches tampering', () => {
  let entries: Map<string, Uint8Array>;
  let original: Uint8Array;

  beforeAll(async () => {
    const built = await buildPacket({ claim: workedExampleDriverClaim(), channel: 'generic', fonts, appVersion: 't', now: NOW });
    original = built.bytes;
    entries = readZipSafely(original);
  });

  const rezip = (change: (files: Map<string, Uint8Array>) => void) => {
    const files = new Map([...entries].map(([k, v]) => [k, new Uint8Array(v)]));
    change(files);
    return writeZip([...files].map(([path, bytes]) => ({ path, bytes })), NOW);
  };

  it('one byte of records.csv changed', async () => {
    const result = await verifyPacket(rezip((f) => { f.get('records.csv')![10] ^= 1; }));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([['hash-mismatch', 'records.csv']]);
  });

  it('a file added', async () => {
    const result = await verifyPacket(rezip((f) => f.set('evidence/추가.txt', new Uint8Array([1]))));
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([['file-unlisted', 'evidence/추가.txt']]);
  });

  it('a figure edited in the manifest', async () => {
    const result = await verifyPacket(rezip((f) => {
      const m = JSON.parse(new TextDecoder().decode(f.get('manifest.json')!));
      m.figures.claimTotal = 999_999;
      f.set('manifest.json', new TextEncoder().encode(JSON.stringify(m)));
    }));
    expect(result.problems.map((p) => p.code)).toEqual(['figure-mismatch']);
    expect(result.problems[0]!.message).toContain('999999');
  });

  it('claim.json changed consistently with its manifest entry still fails on the figures', async () => {
    const result = await verifyPacket(rezip((f) => {
      const claim = JSON.parse(new TextDecoder().decode(f.get('claim.json')!));
      claim.records.find((r: { channel: string }) => r.channel === 'other-app').revenue = 2_000;
      const bytes = new TextEncoder().encode(JSON.stringify(claim));
      f.set('claim.json', bytes);
      const m = JSON.parse(new TextDecoder().decode(f.get('manifest.json')!));
      m.files = m.files.map((x: { path: string }) => (x.path === 'claim.json' ? { ...x, size: bytes.length, sha256: sha256(bytes) } : x));
      f.set('manifest.json', new TextEncoder().encode(JSON.stringify(m)));
    }));
    expect(result.problems.map((p) => p.code)).toContain('figure-mismatch');
  });

  it('manifest missing, a listed file missing', async () => {
    expect((await verifyPacket(rezip((f) => f.delete('manifest.json')))).problems.map((p) => p.code)).toEqual(['manifest-missing']);
    expect((await verifyPacket(rezip((f) => f.delete('report.pdf')))).problems.map((p) => [p.code, p.path])).toEqual([['file-missing', 'report.pdf']]);
  });

  it('the untouched packet passes', async () => {
    expect((await verifyPacket(original)).ok).toBe(true);
  });
});
