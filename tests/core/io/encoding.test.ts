import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, decodesCp949Extensions, importActivityFile, platformCp949Decoder } from '../../../src/core/io';
import { iconvCp949Decoder } from '../../../src/core/io/cp949-iconv';

const TEXT = '일자,시간,건수,매출액,채널,매장명\n2022-10-15,20,3,"45,000",카카오T,똠얌꿍 햏복점 뷁\n';

describe('encoding detection', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('utf-8-bom');
    expect(text).toBe(TEXT);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads UTF-8 without a BOM when it decodes strictly', () => {
    const { text, encoding } = decodeText(new TextEncoder().encode(TEXT));
    expect(encoding).toBe('utf-8');
    expect(text).toBe(TEXT);
  });

  it('falls back to CP949 and decodes the extension syllables 똠 햏 뷁 exactly', () => {
    const bytes = new Uint8Array(iconv.encode(TEXT, 'cp949'));
    // Not valid UTF-8, so detection must reach CP949.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { text, encoding } = decodeText(bytes, iconvCp949Decoder);
    expect(encoding).toBe('cp949');
    expect(text).toBe(TEXT);
    expect(text).toContain('똠얌꿍 햏복점 뷁');
  });

  it("knows Node's own euc-kr decoder corrupts 똠 햏 뷁 and refuses to use it silently", () => {
    const nodeDecoder = (b: Uint8Array) => new TextDecoder('euc-kr').decode(b);
    expect(decodesCp949Extensions(nodeDecoder)).toBe(false);
    expect(decodesCp949Extensions(iconvCp949Decoder)).toBe(true);
    // In Node (this test's runtime) there is no trustworthy platform decoder, so CP949 without an injected one is a clear error.
    expect(platformCp949Decoder()).toBeNull();
    const bytes = new Uint8Array(iconv.encode(TEXT, 'cp949'));
    expect(() => decodeText(bytes)).toThrow(/CP949.*decodeCp949/s);
  });

  it('reads UTF-16LE and UTF-16BE with their BOMs', () => {
    const le = new Uint8Array(iconv.encode(TEXT, 'utf-16le', { addBOM: true }));
    expect(le[0]).toBe(0xff);
    expect(decodeText(le)).toEqual({ text: TEXT, encoding: 'utf-16le' });
    const be = new Uint8Array(iconv.encode(TEXT, 'utf-16be', { addBOM: true }));
    expect(be[0]).toBe(0xfe);
    expect(decodeText(be)).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('imports the same records from every encoding', async () => {
    const variants: [string, Uint8Array][] = [
      ['utf-8-bom', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)])],
      ['utf-8', new TextEncoder().encode(TEXT)],
      ['cp949', new Uint8Array(iconv.encode(TEXT, 'cp949'))],
      ['utf-16le', new Uint8Array(iconv.encode(TEXT, 'utf-16le', { addBOM: true }))],
    ];
    for (const [expected, bytes] of variants) {
      const result = await importActivityFile(bytes, { fileName: `${expected}.csv`, decodeCp949: iconvCp949Decoder });
      expect(result.encoding).toBe(expected);
      expect(result.errors).toEqual([]);
      expect(result.records.map(({ bucket, channel, count, revenue }) => ({ bucket, channel, count, revenue }))).toEqual([
        { bucket: '2022-10-15T20:00+09:00', channel: 'kakao-t', count: 3, revenue: 45_000 },
      ]);
    }
  });
});
