import { deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { collisionKey, nameProblem, openZip, ZipError, type ZipErrorCode, type ZipLimits } from '../../../src/core/zip/index';
import { rawZip, type RawEntry } from './raw-zip';

/** The one zip reader (core/zip) on hostile archives built by hand; every refusal names its entry. */

const LIMITS: ZipLimits = { maxEntries: 100, maxTotalBytes: 64 * 1024 * 1024, maxRatio: 200 };
const enc = (s: string) => new TextEncoder().encode(s);

function refusal(bytes: Uint8Array, limits: ZipLimits = LIMITS): ZipError {
  try {
    openZip(bytes, limits).readAll();
  } catch (err) {
    if (err instanceof ZipError) return err;
    throw err;
  }
  throw new Error('the zip was accepted');
}

function refused(entries: RawEntry[], code: ZipErrorCode, mentions: string): void {
  const e = refusal(rawZip(entries));
  expect(e.code, mentions).toBe(code);
  expect(e.message).toContain(mentions);
  // Korean first, English after.
  expect(e.message).toMatch(/[가-힣].* \/ \S/);
}

describe('entry names: canonical form only', () => {
  it('accepts plain, nested and Korean NFC names, and reads their bytes back', () => {
    const files = openZip(rawZip([{ name: 'claim.json', data: enc('{}') }, { name: 'evidence/운행 내역.png', data: enc('png') }, { name: 'evidence/', data: new Uint8Array(0), mode: 0o40755 }]), LIMITS).readAll();
    expect([...files.keys()]).toEqual(['claim.json', 'evidence/운행 내역.png']);
    expect(new TextDecoder().decode(files.get('evidence/운행 내역.png'))).toBe('png');
  });

  it.each([
    ['./claim.json', '"." segment'],
    ['evidence//x.png', 'empty path segment'],
    ['evidence/./x.png', '"." segment'],
    ['../x', 'climbs out'],
    ['a/../../x', 'climbs out'],
    ['/etc/passwd', 'absolute'],
    ['//server/share/x', 'absolute'],
    ['C:/x.txt', 'drive letter'],
    ['c:x.txt', 'drive letter'],
    ['a\\b.txt', 'backslash'],
    ['claim.json.', 'ends with a dot'],
    ['claim.json ', 'ends with a dot or a space'],
    ['evidence. /x', 'ends with a dot or a space'],
    ['claim.json:hidden', 'colon'],
    ['a\u0000b', 'control character'],
    ['evidence/\u1112\u1161\u11ab.png', 'NFC'],
    ['', 'empty name'],
  ])('refuses %j (%s)', (name, why) => {
    const problem = nameProblem(name)!;
    expect(problem.en).toContain(why);
    expect(problem.ko).toMatch(/[가-힣]/);
    if (name !== '') {
      refused([{ name, data: enc('x') }], 'unsafe-name', 'unsafe entry name');
      // The refusal carries the reason in each half: Korean in the Korean one only (it once held "한국어 / English").
      const err = refusal(rawZip([{ name, data: enc('x') }]));
      expect(err.text.ko).toContain(problem.ko);
      expect(err.text.ko).not.toContain(problem.en);
      expect(err.text.en).toContain(problem.en);
    }
  });

  it('refuses names that land on the same path on a case-insensitive or normalising file system', () => {
    refused([{ name: 'claim.json', data: enc('a') }, { name: 'CLAIM.JSON', data: enc('b') }], 'name-collision', 'CLAIM.JSON');
    refused([{ name: 'evidence/a.png', data: enc('a') }, { name: 'Evidence/A.PNG', data: enc('b') }], 'name-collision', 'Evidence/A.PNG');
    refused([{ name: 'claim.json', data: enc('a') }, { name: 'claim.json', data: enc('b') }], 'name-collision', 'duplicate entry');
    // A file where another entry needs a folder: extractors fail or write one over the other.
    refused([{ name: 'evidence', data: enc('a') }, { name: 'evidence/x', data: enc('b') }], 'name-collision', 'evidence');
    refused([{ name: 'EVIDENCE', data: enc('a') }, { name: 'evidence/x', data: enc('b') }], 'name-collision', 'EVIDENCE');
    expect(collisionKey('Straße.txt')).toBe(collisionKey('STRASSE.TXT'));
  });

  it('refuses a non-ASCII name without the UTF-8 flag, and an Info-ZIP Unicode path field', () => {
    const bytes = rawZip([{ name: '영수증.png', data: enc('x') }]);
    const noFlag = bytes.slice();
    // Bit 11 of the flags, in the local header and in the central directory.
    for (const at of [7, bytes.length - 22 - (46 + enc('영수증.png').length) + 9]) noFlag[at] = 0;
    expect(refusal(noFlag).code).toBe('unsafe-name');
    expect(refusal(noFlag).message).toContain('without the UTF-8 flag');
    // The Info-ZIP Unicode Path field (0x7075): unzip shows its name, Python the header's.
    const withField = zipSync({ 'a.txt': [enc('x'), { extra: { 0x7075: new Uint8Array([1, 0, 0, 0, 0, ...enc('b.txt')]) } }] });
    expect(refusal(withField).message).toContain('Unicode Path');
  });
});

describe('only regular files', () => {
  it('refuses a symlink, a device, a FIFO, and a folder entry holding data', () => {
    refused([{ name: 'evidence/link', data: enc('../../../.ssh/id_rsa'), mode: 0o120777 }], 'not-a-file', 'symbolic link');
    refused([{ name: 'dev', data: enc(''), mode: 0o020644 }], 'not-a-file', 'not a regular file');
    refused([{ name: 'fifo', data: enc(''), mode: 0o010644 }], 'not-a-file', 'not a regular file');
    refused([{ name: 'folder', data: enc(''), mode: 0o040755 }], 'not-a-file', 'not a regular file');
    refused([{ name: 'evidence/', data: enc('hidden bytes'), mode: 0o040755 }], 'not-a-file', 'folder entry holds data');
  });
});

describe('headers must agree', () => {
  it('refuses a local header whose name differs from the central directory name', () => {
    refused([{ name: 'claim.json', localName: 'claim.jsoX', data: enc('{}') }], 'name-mismatch', 'claim.jsoX');
    refused([{ name: 'claim.json', localName: 'CLAIM.JSON', data: enc('{}') }], 'name-mismatch', 'claim.json');
  });

  it('refuses overlapping entries (the overlap bomb), and one local file behind two names', () => {
    refused([{ name: 'a.txt', data: enc('hello') }, { name: 'b.txt', data: enc('hello'), sameDataAs: 0 }], 'name-mismatch', 'b.txt');
    // a.txt's data (stored) grows by 40 bytes in both headers: it now covers b.txt's local header.
    const zip = rawZip([{ name: 'a.txt', data: enc('hello'), method: 0 }, { name: 'b.txt', data: enc('world'), method: 0 }]);
    const v = new DataView(zip.buffer);
    const central = zip.length - 22 - 2 * (46 + 5);
    for (const at of [18, 22, central + 20, central + 24]) v.setUint32(at, 45, true);
    const e = refusal(zip);
    expect(e.code).toBe('damaged');
    expect(e.message).toContain('"a.txt" overlaps another entry');
  });

  it('refuses data before the first entry or after the end record, and a file that is no zip', () => {
    const zip = rawZip([{ name: 'a.txt', data: enc('hello') }]);
    const prefixed = new Uint8Array([...enc('MZ-stub'), ...zip]);
    expect(refusal(prefixed).code).toBe('damaged');
    expect(refusal(new Uint8Array([...zip, 0])).code).toBe('damaged');
    expect(refusal(new Uint8Array(1000).fill(7)).code).toBe('not-zip');
    expect(refusal(new Uint8Array(3)).code).toBe('not-zip');
  });
});

describe('bombs: caps checked from the directory, and again while inflating', () => {
  it('refuses a declared ratio or total over the limit before inflating', () => {
    const zeros = zipSync({ 'zeros.bin': new Uint8Array(5_000_000) });
    expect(refusal(zeros).code).toBe('ratio');
    const many = zipSync(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}.bin`, [new Uint8Array(4096).map((_, j) => (j * 31 + i) & 0xff), { level: 0 }]])));
    expect(refusal(many, { ...LIMITS, maxTotalBytes: 30_000 }).code).toBe('too-large');
    expect(refusal(many, { ...LIMITS, maxEntries: 5 }).code).toBe('too-many-entries');
  });

  it('stops an entry that inflates past its declared size (a lying header), whatever its real size', () => {
    // 200 MB of zeros deflate to ~200 KB; the headers claim 1,000 bytes. Inflation stops at the cap.
    const data = new Uint8Array(1000);
    const compressed = new Uint8Array(deflateRawSync(Buffer.alloc(200 * 1024 * 1024)));
    const e = refusal(rawZip([{ name: 'claim.json', data, compressed }]));
    expect(e.code).toBe('damaged');
    expect(e.message).toContain('claim.json');
    expect(e.message).toMatch(/declared size/);
  });

  it('small entries inflated in one call: a lying header, truncated data and a damaged stream are refused the same way', () => {
    // ~5 KB of compressed zeros (under the one-call size) that the headers say is 1,000 bytes.
    const zeros = new Uint8Array(deflateRawSync(Buffer.alloc(5 * 1024 * 1024)));
    expect(zeros.length).toBeLessThan(64 * 1024);
    const lying = refusal(rawZip([{ name: 'claim.json', data: new Uint8Array(1000), compressed: zeros }]));
    expect([lying.code, lying.entry]).toEqual(['damaged', 'claim.json']);
    expect(lying.message).toMatch(/declared size/);
    const text = enc('{"records":[' + Array.from({ length: 2000 }, (_, i) => `{"n":${i}}`).join(',') + ']}');
    const whole = new Uint8Array(deflateRawSync(text));
    const truncated = refusal(rawZip([{ name: 'claim.json', data: text, compressed: whole.subarray(0, whole.length >> 1) }]));
    expect([truncated.code, truncated.entry]).toEqual(['damaged', 'claim.json']);
    const garbage = whole.slice();
    garbage.fill(0xff, 10, 40);
    expect(refusal(rawZip([{ name: 'claim.json', data: text, compressed: garbage }])).code).toBe('damaged');
    // And the honest entry reads back whole.
    expect(new TextDecoder().decode(openZip(rawZip([{ name: 'claim.json', data: text, compressed: whole }]), LIMITS).readAll().get('claim.json'))).toBe(new TextDecoder().decode(text));
  });

  it('stops a running ratio even when the declared size passes (ratio checked while inflating)', () => {
    const compressed = new Uint8Array(deflateRawSync(Buffer.alloc(1024 * 1024)));
    // Declared: 1 MB from ~1 KB, ratio ~1000, refused up front; declared as 1 MB with the ratio limit above it, fine.
    expect(refusal(rawZip([{ name: 'z.bin', data: new Uint8Array(1024 * 1024), compressed }])).code).toBe('ratio');
    expect(openZip(rawZip([{ name: 'z.bin', data: new Uint8Array(1024 * 1024), compressed }]), { ...LIMITS, maxRatio: 2000 }).readAll().get('z.bin')!.length).toBe(1024 * 1024);
  });

  it('refuses a CRC that does not match the inflated bytes (Python refuses it; so do we)', () => {
    refused([{ name: 'claim.json', data: enc('{"a":1}'), crc: 12345 }], 'damaged', 'CRC-32');
  });
});
