import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectPacket } from '../../../src/core/batch/items';
import { buildPacketWithoutReport } from '../../../src/core/batch/synth-packet';
import type { Claim } from '../../../src/core/model/claim';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import { buildPacket, PacketInputError } from '../../../src/core/packet/build';
import { verifyPacket } from '../../../src/core/packet/verify';
import { readZipSafely, writeZip } from '../../../src/core/packet/zip';
import { rawZip, type RawEntry } from '../zip/raw-zip';
import { packetFonts, workedExampleDriverClaim } from './fixtures';
import { reasonLine } from '../../../src/core/batch/types';

/**
 * A packet must mean one thing to every tool: what `verify` and `batch` check is what Info-ZIP unzip and
 * Python's zipfile extract. Hostile packets below are re-signed (their manifest lists every entry with its
 * true size and SHA-256), so only the zip reader's own rules can refuse them; before the one zip reader,
 * `verify` said OK to each.
 */

const NOW = new Date('2022-11-01T09:00:00+09:00');
const enc = new TextEncoder();
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const REGULAR = { os: 3, attrs: 0o100644 << 16 } as const;

let base: Map<string, Uint8Array>;
let claim: Claim;

/** The packet's files plus `extra`, the manifest re-signed to list them all, zipped by fflate as given. */
function resigned(extra: Record<string, Uint8Array>, attrs: Record<string, number> = {}): Uint8Array {
  const files = new Map([...base, ...Object.entries(extra)]);
  const manifest = JSON.parse(new TextDecoder().decode(base.get('manifest.json')!));
  manifest.files = [...files].filter(([p]) => p !== 'manifest.json').map(([path, bytes]) => ({ path, size: bytes.length, sha256: sha256(bytes) }));
  files.set('manifest.json', enc.encode(JSON.stringify(manifest, null, 2)));
  const tree: Zippable = {};
  for (const [path, bytes] of files) tree[path] = [bytes, { ...REGULAR, ...(attrs[path] !== undefined ? { attrs: attrs[path] } : {}) }];
  return zipSync(tree);
}

/** The same, written byte by byte (for what fflate will not write). */
function resignedRaw(entries: RawEntry[]): Uint8Array {
  const manifest = JSON.parse(new TextDecoder().decode(base.get('manifest.json')!));
  const files = [...base].filter(([p]) => p !== 'manifest.json');
  manifest.files = files.map(([path, bytes]) => ({ path, size: bytes.length, sha256: sha256(bytes) }));
  return rawZip([{ name: 'manifest.json', data: enc.encode(JSON.stringify(manifest)) }, ...files.filter(([p]) => !entries.some((e) => e.name === p)).map(([name, data]) => ({ name, data })), ...entries]);
}

/** The driver example with ten times the counts: what an attacker would want extracted. */
function inflatedClaim(): Uint8Array {
  const copy = structuredClone(claim) as unknown as { records: { count?: number }[] };
  for (const r of copy.records) if (typeof r.count === 'number') r.count *= 10;
  return enc.encode(JSON.stringify(copy));
}

async function expectRefused(zip: Uint8Array, mentions: string): Promise<void> {
  const verified = await verifyPacket(zip);
  expect(verified.ok, mentions).toBe(false);
  expect(verified.problems[0]!.code).toBe('unsafe-zip');
  expect(verified.problems[0]!.message).toContain(mentions);
  const inspected = await inspectPacket(zip);
  expect(inspected.ok).toBe(false);
  if (!inspected.ok) {
    expect(inspected.code).toBe('unsafe-zip');
    expect(reasonLine(inspected)).toContain(mentions);
  }
}

beforeAll(async () => {
  claim = workedExampleDriverClaim();
  const built = await buildPacketWithoutReport(claim, 'kakao-2022-form', '0.1.0', NOW);
  base = readZipSafely(built.bytes);
  expect((await verifyPacket(built.bytes)).ok).toBe(true);
});

describe('verify and batch refuse a packet whose files could extract differently', () => {
  it('./claim.json (ten times the counts) beside claim.json', async () => {
    await expectRefused(resigned({ './claim.json': inflatedClaim() }), './claim.json');
  });

  it('evidence//x beside evidence/x', async () => {
    await expectRefused(resigned({ 'evidence/x.png': enc.encode('real'), 'evidence//x.png': enc.encode('other') }), 'evidence//x.png');
  });

  it('CLAIM.JSON beside claim.json', async () => {
    await expectRefused(resigned({ 'CLAIM.JSON': inflatedClaim() }), 'CLAIM.JSON');
  });

  it('a symlink entry (unzip would recreate the link)', async () => {
    await expectRefused(resigned({ 'evidence/screen.png': enc.encode('../../.ssh/id_rsa') }, { 'evidence/screen.png': 0o120777 << 16 }), 'evidence/screen.png');
  });

  it('a local header naming another file than the central directory', async () => {
    await expectRefused(resignedRaw([{ name: 'claim.json', localName: 'claim.jsoN', data: base.get('claim.json')! }]), 'claim.json');
  });

  it('claim.json whose headers declare the verified bytes but whose data inflates to more (extractors write the rest)', async () => {
    const honest = base.get('claim.json')!;
    const tail = enc.encode(' '.repeat(100_000));
    const compressed = new Uint8Array(deflateRawSync(Buffer.concat([honest, tail])));
    await expectRefused(resignedRaw([{ name: 'claim.json', data: honest, compressed, crc: crc32(honest) }]), 'claim.json');
  });

  it('a manifest-less zip is refused without inflating anything (its damaged data is never reached)', async () => {
    const zip = rawZip([{ name: 'data/part.bin', data: new Uint8Array(64), compressed: new Uint8Array([0xff, 0xff, 0xff, 0xff]) }]);
    const verified = await verifyPacket(zip);
    expect(verified.problems.map((p) => p.code)).toEqual(['manifest-missing']);
    const inspected = await inspectPacket(zip);
    expect(inspected.ok ? '' : inspected.code).toBe('manifest-missing');
  });
});

/** Every regular file under `dir` (relative path -> bytes); a symlink or anything else fails the test. */
function extracted(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) out.set(relative(dir, path).split('\\').join('/'), new Uint8Array(readFileSync(path)));
      else throw new Error(`not a regular file after extraction: ${path}`);
    }
  };
  walk(dir);
  return out;
}

const PYTHON_EXTRACT = 'import sys, zipfile\nzipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])';

describe('every accepted packet extracts, with unzip and with Python, to exactly the bytes verify checked', () => {
  it.each(['synthetic', 'with Korean evidence', 'with a report'])('%s', async (kind) => {
    let zip: Uint8Array;
    if (kind === 'synthetic') zip = (await buildPacketWithoutReport(claim, 'damage365', '0.1.0', NOW)).bytes;
    else {
      const png = enc.encode('화면 캡처');
      const withEvidence: Claim = { ...claim, evidence: [{ id: 'ev-1', fileName: '카카오T 운행내역 2022-10-15.png', sha256: sha256(png), size: png.length, mimeType: 'image/png', label: '운행 내역', provenance: 'at-the-time', addedAt: '2022-10-16T10:00+09:00', linkedIds: [] }] } as Claim;
      expect(parseClaimFile(JSON.stringify(withEvidence)).ok).toBe(true);
      zip = kind === 'with a report'
        ? (await buildPacket({ claim: withEvidence, channel: 'kakao-2022-form', evidenceFiles: new Map([['카카오T 운행내역 2022-10-15.png', png]]), fonts: packetFonts(), appVersion: '0.1.0', now: NOW })).bytes
        : (await buildPacketWithoutReport(withEvidence, 'generic', '0.1.0', NOW)).bytes;
    }
    const verified = await verifyPacket(zip);
    expect(verified.problems).toEqual([]);
    const listed = new Map(verified.manifest!.files.map((f) => [f.path, f.sha256]));
    const dir = mkdtempSync(join(tmpdir(), 'packet-extract-'));
    writeFileSync(join(dir, 'p.zip'), zip);
    execFileSync('unzip', ['-q', join(dir, 'p.zip'), '-d', join(dir, 'unzip')]);
    execFileSync('python3', ['-c', PYTHON_EXTRACT, join(dir, 'p.zip'), join(dir, 'python')]);
    const read = readZipSafely(zip);
    for (const tool of ['unzip', 'python']) {
      const files = extracted(join(dir, tool));
      expect([...files.keys()].sort(), tool).toEqual([...listed.keys(), 'manifest.json'].sort());
      for (const [path, bytes] of files) {
        if (path === 'manifest.json') expect(bytes, tool).toEqual(read.get('manifest.json'));
        else expect(sha256(bytes), `${tool} ${path}`).toBe(listed.get(path));
      }
    }
  });
});

describe('the packet builder writes only canonical names', () => {
  const png = enc.encode('png');
  const withEvidence = (...fileNames: string[]): Claim =>
    ({ ...claim, evidence: fileNames.map((fileName, i) => ({ id: `ev-${i}`, fileName, sha256: sha256(png), size: png.length, mimeType: 'image/png', label: '캡처', provenance: 'at-the-time', addedAt: '2022-10-16T10:00+09:00', linkedIds: [] })) }) as Claim;
  const build = (c: Claim) => buildPacket({ claim: c, channel: 'generic', evidenceFiles: new Map(c.evidence.map((e) => [e.fileName, png])), fonts: packetFonts(), appVersion: '0.1.0', now: NOW });

  it.each([['캡처.png.'], ['캡처.png '], ['캡처:1.png'], ['.'], ['..']])('refuses the evidence name %j', async (name) => {
    await expect(build(withEvidence(name))).rejects.toThrow(PacketInputError);
  });

  it('says why in each language: the name and the reason in Korean for a Korean reader, in English for an English one', async () => {
    const refused = (await build(withEvidence('캡처:1.png')).catch((e: unknown) => e)) as PacketInputError;
    expect(refused.text.ko).toMatch(/^증빙 파일 이름이 안전하지 않아요: "캡처:1\.png" \([^/]*[가-힣][^/]*\)$/);
    expect(refused.text.en).toMatch(/^unsafe evidence file name: "캡처:1\.png" \([^가-힣/]+\)$/);
    const twice = (await build(withEvidence('Screen.png', 'screen.PNG')).catch((e: unknown) => e)) as PacketInputError;
    expect(twice.text).toEqual({ ko: '증빙 파일 이름이 겹쳐요 (대소문자 구분 없이): screen.PNG', en: 'duplicate evidence file name (ignoring case): screen.PNG' });
  });

  it('refuses two evidence names that differ only in case (one would overwrite the other on Windows or macOS)', async () => {
    await expect(build(withEvidence('Screen.png', 'screen.PNG'))).rejects.toThrow(/대소문자 구분 없이.*ignoring case/);
  });

  it('writes a decomposed (NFD) Korean name in NFC, which the reader accepts', async () => {
    const nfd = '운행 내역.png'.normalize('NFD');
    const built = await build(withEvidence(nfd));
    expect([...readZipSafely(built.bytes).keys()]).toContain('evidence/운행 내역.png'.normalize('NFC'));
  });

  it('writeZip itself refuses a non-canonical or colliding name', () => {
    expect(() => writeZip([{ path: './claim.json', bytes: png }], NOW)).toThrow(/not a canonical zip entry name/);
    expect(() => writeZip([{ path: 'a.txt', bytes: png }, { path: 'A.TXT', bytes: png }], NOW)).toThrow(/collide ignoring case/);
  });
});
