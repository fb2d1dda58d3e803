import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, recordsCsv, toCsv } from '../../../src/core/packet/csv';
import { documentKindOfLabel } from '../../../src/core/packet/documents';
import { fillFormFields, renderTemplate } from '../../../src/core/packet/form';
import { parseChannelProfile } from '../../../src/core/packet/profile';
import { CHANNEL_PROFILES, findChannelProfile, loadChannelProfiles } from '../../../src/core/packet/profiles';
import { fitToLimit, TRUNCATION_NOTE_KO } from '../../../src/core/packet/text';
import { readZipSafely, UnsafeZipError, writeZip } from '../../../src/core/packet/zip';

describe('fitToLimit', () => {
  const text = '첫 문장이에요. 두 번째 문장은 조금 더 길어요. 세 번째 문장도 있어요. 네 번째 문장은 아주 길게 이어져서 제한을 넘게 만들어요. 다섯 번째 문장이 마지막이에요.';

  it('keeps a text that fits unchanged', () => {
    expect(fitToLimit(text, 200)).toEqual({ text, truncated: false, fullLength: text.length });
  });

  it('cuts at the last sentence that fits and adds the note, within the limit', () => {
    const limit = '첫 문장이에요. 두 번째 문장은 조금 더 길어요.'.length + TRUNCATION_NOTE_KO.length + 3;
    const fitted = fitToLimit(text, limit);
    expect(fitted.truncated).toBe(true);
    expect(fitted.text).toBe(`첫 문장이에요. 두 번째 문장은 조금 더 길어요.${TRUNCATION_NOTE_KO}`);
    expect(fitted.text.length).toBeLessThanOrEqual(limit);
  });

  it('cuts at a line break as a paragraph boundary', () => {
    const fitted = fitToLimit('가나다라마바사\n아자차카타파하 거너더러머버서', 20, ' (생략)');
    expect(fitted.text).toBe('가나다라마바사 (생략)');
  });

  it('falls back to a word cut with an ellipsis when no sentence fits', () => {
    const long = '아주 긴 한 문장이 끝없이 이어지면서 마침표가 나오지 않는 경우에도 제한을 지켜야 해요';
    const fitted = fitToLimit(long, 40, ' (생략)');
    expect(fitted.text.length).toBeLessThanOrEqual(40);
    expect(fitted.text.endsWith('… (생략)')).toBe(true);
    expect(long.startsWith(fitted.text.replace('… (생략)', ''))).toBe(true);
  });

  it('never exceeds tiny limits', () => {
    for (let limit = 1; limit < 30; limit++) expect(fitToLimit(text, limit).text.length).toBeLessThanOrEqual(limit);
  });
});

describe('CSV', () => {
  it('neutralises formula starts with a single quote', () => {
    for (const s of ['=1+1', '+82', '-3', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(s)).toBe(`'${s}`);
    expect(neutraliseCell('카카오')).toBe('카카오');
  });

  it('neutralises formula starts hidden behind blanks, line breaks and full-width signs', () => {
    const hidden = [' =1+1', '  +82', '\u3000=SUM(A1)', '\u3000\u3000-3', '\n=1', '\nplain', '\r\n@x', '\t=1', '\u00a0=1',
      '＝1+1', '＋82', '－3', '＠SUM(A1)', ' ＝HYPERLINK("x")', '\u3000＠x'];
    for (const s of hidden) expect(neutraliseCell(s), JSON.stringify(s)).toBe(`'${s}`);
    for (const s of [' 카카오', '\u3000매장', 'a=b', '1-2', '카카오 +1', '']) expect(neutraliseCell(s), JSON.stringify(s)).toBe(s);
    expect(toCsv([[' =cmd|calc', '\u3000＝1']])).toBe(`' =cmd|calc,'\u3000＝1\r\n`);
    expect(toCsv([['=HYPERLINK("x")', 'a,b']])).toBe(`"'=HYPERLINK(""x"")","a,b"\r\n`);
  });

  it('writes UTF-8 with a BOM, Korean headers, channel names, KST times and sorted records', () => {
    const bytes = recordsCsv(
      [
        { bucket: '2022-10-15T21:00+09:00', channel: 'kakao-t', count: 0, revenue: 0, provenance: { kind: 'reconstructed', note: '=cmd|calc' } },
        { bucket: '2022-10-15T20:00+09:00', channel: 'other-app', count: 1, revenue: 22000, provenance: { kind: 'logged', loggedAt: '2022-10-15T11:05:00Z' } },
      ],
      [{ id: 'kakao-t', label: '카카오 T 대리' }, { id: 'other-app', label: '다른 대리 앱' }],
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('시간 구간 (한국 시간),판매 채널,건수,매출(원),기록 방식,출처 파일,출처 SHA-256,행,메모');
    expect(lines[1]).toBe('2022-10-15 20:00,다른 대리 앱,1,22000,그때 기록,,,,기록한 때 2022-10-15 20:05');
    expect(lines[2]?.startsWith('2022-10-15 21:00,카카오 T 대리,0,0,')).toBe(true);
    expect(lines[2]?.endsWith(",'=cmd|calc")).toBe(true);
  });

  it('names how each record was made in plain Korean, as the records screen promises, with no English', () => {
    const sha = 'b'.repeat(64);
    const bytes = recordsCsv([
      { bucket: '2022-10-15T19:00+09:00', channel: 'pos', count: 3, revenue: 45000, provenance: { kind: 'imported', fileName: '포스_10월.csv', fileSha256: sha, row: 12 } },
      { bucket: '2022-10-15T20:00+09:00', channel: 'pos', count: 0, revenue: 0, provenance: { kind: 'logged' } },
      { bucket: '2022-10-15T21:00+09:00', channel: 'pos', count: 1, revenue: 9000, provenance: { kind: 'reconstructed' } },
    ], [{ id: 'pos', label: '매장 POS' }]);
    const rows = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n').slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r[4])).toEqual(['파일에서 가져옴', '그때 기록', '나중에 재구성한 기록']);
    expect(rows[0]!.slice(5, 8)).toEqual(['포스_10월.csv', sha, '12']);
  });
});

describe('zip', () => {
  it('writes Korean names that Info-ZIP unzip lists intact, deterministically', () => {
    const entries = [
      { path: '안내.txt', bytes: new TextEncoder().encode('안녕하세요') },
      { path: 'evidence/소상공인 확인서.pdf', bytes: new Uint8Array([1, 2, 3]) },
    ];
    const at = new Date('2022-11-01T09:30:00+09:00');
    const a = writeZip(entries, at);
    expect(writeZip(entries, at)).toEqual(a);
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    writeFileSync(join(dir, 'p.zip'), a);
    const listing = execFileSync('unzip', ['-l', join(dir, 'p.zip')], { encoding: 'utf8' });
    expect(listing).toContain('안내.txt');
    expect(listing).toContain('evidence/소상공인 확인서.pdf');
    // The KST wall time whatever the machine's zone.
    expect(listing).toContain('2022-11-01 09:30');
    execFileSync('unzip', ['-q', join(dir, 'p.zip'), '-d', join(dir, 'out')]);
    expect(readFileSync(join(dir, 'out', '안내.txt'), 'utf8')).toBe('안녕하세요');
    const read = readZipSafely(a);
    expect([...read.keys()]).toEqual(['evidence/소상공인 확인서.pdf', '안내.txt']);
  });

  it('rejects traversal, absolute paths and backslashes', () => {
    for (const name of ['../evil.txt', 'a/../../evil.txt', '/etc/passwd', 'C:/x.txt', 'a\\b.txt']) {
      const bytes = zipSync({ [name]: new Uint8Array([1]) });
      expect(() => readZipSafely(bytes), name).toThrow(UnsafeZipError);
    }
  });

  it('rejects too many entries, too much data and zip bombs', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 20; i++) many[`f${i}.txt`] = new Uint8Array([i]);
    expect(() => readZipSafely(zipSync(many), { maxEntries: 10, maxTotalBytes: 1e9, maxRatio: 200 })).toThrow(/too many entries/);
    const zeros = zipSync({ 'zeros.bin': new Uint8Array(5_000_000) });
    expect(() => readZipSafely(zeros)).toThrow(/compression ratio/);
    expect(() => readZipSafely(zipSync({ 'a.bin': new Uint8Array(5000).map((_, i) => i * 7) }), { maxEntries: 10, maxTotalBytes: 1000, maxRatio: 1e9 })).toThrow(/uncompressed total/);
    expect(() => readZipSafely(new Uint8Array([1, 2, 3]))).toThrow(/not a readable zip/);
  });
});

describe('channel profiles', () => {
  it('loads the five required channels and dispute mediation', () => {
    expect(CHANNEL_PROFILES.map((p) => p.id)).toEqual(['kakao-2022-form', 'kakao-2022-smb-documents', 'kakao-mobility-2022-taxi', 'damage365', 'dispute-mediation', 'generic']);
  });

  it("carries Kakao's form as published: four categories, consent, one optional attachment, intake 10-19..11-06", () => {
    const form = findChannelProfile('kakao-2022-form')!;
    expect(form.fields.map((f) => f.id)).toEqual(['email', 'mobile', 'category', 'title', 'content', 'consent', 'attachment']);
    expect(form.fields.find((f) => f.id === 'category')?.choices).toEqual(['카카오톡/카카오계정', 'My 구독', '다음메일/카페', '기타 서비스']);
    expect(form.fields.find((f) => f.id === 'attachment')?.required).toBe(false);
    expect(form.intake).toMatchObject({ opens: '2022-10-19', closes: '2022-11-06' });
    expect(findChannelProfile('kakao-2022-smb-documents')?.documents.map((d) => d.label)).toEqual(['smb-certificate', 'sales-loss-proof', 'kakao-service-proof', 'bank-account-copy']);
    expect(findChannelProfile('damage365')?.damage365Category).toMatchObject({ primary: '재화 및 서비스', sub: '이용' });
  });

  it('picks 기타 서비스 for Kakao Mobility damage and 카카오톡 for a Talk Channel shop', () => {
    const form = findChannelProfile('kakao-2022-form')!;
    const category = (kind: string, services: string[]) => fillFormFields(form, {}, { claimantKind: kind, services }).find((f) => f.id === 'category')?.text;
    expect(category('designated-driver', ['kakao-t-daeri'])).toBe('기타 서비스');
    expect(category('merchant', ['talk-channel', 'kakao-pay'])).toBe('카카오톡/카카오계정');
    expect(category('merchant', ['kakao-navi-map'])).toBe('기타 서비스');
  });

  it('rejects a profile with an unknown placeholder, a choice not offered, or an unknown document kind', () => {
    const base = structuredClone(findChannelProfile('generic')!);
    expect(() => parseChannelProfile({ ...base, fields: [{ ...base.fields[0], template: ['{figures.nope}'] }] }, 'x.ts')).toThrow(/unknown placeholder \{figures.nope\}/);
    const form = structuredClone(findChannelProfile('kakao-2022-form')!);
    const bad = { ...form, fields: form.fields.map((f) => (f.id === 'category' ? { ...f, defaultChoice: '없는 분류' } : f)) };
    expect(() => parseChannelProfile(bad, 'form.ts')).toThrow(/form.ts.*없는 분류/);
    expect(() => loadChannelProfiles([['g.ts', { ...base, documents: [{ label: 'passport', name: { ko: '여권', en: 'Passport' }, required: true }] }]])).toThrow(/unknown document kind "passport"/);
  });

  it('drops a template paragraph whose fact is missing', () => {
    expect(renderTemplate(['이름: {claimant.name}', '상호: {claimant.businessName}', '끝'], { 'claimant.name': '김대리' })).toBe('이름: 김대리\n끝');
  });

  it('matches evidence labels to document kinds by id or name', () => {
    expect(documentKindOfLabel('소상공인 확인서')).toBe('smb-certificate');
    expect(documentKindOfLabel('Bank account copy')).toBe('bank-account-copy');
    expect(documentKindOfLabel('kakao-service-proof')).toBe('kakao-service-proof');
    expect(documentKindOfLabel('영수증')).toBeNull();
  });
});
