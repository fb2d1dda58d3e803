import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPacket } from '../../src/core/packet/build';
import { verifyPacket, type VerifyResult } from '../../src/core/packet/verify';
import { packetFonts, workedExampleDriverClaim } from '../core/packet/fixtures';
import { expectBilingual, expectPrototypeClean, prototypeSnapshot, runs } from './helpers';

/**
 * The packet verifier is what a recipient (or the user, before sending) runs on a zip from anywhere: it
 * must return problems for anything wrong and never throw, never inflate a bomb, never trust a path.
 */

let packet: Uint8Array;
const before = prototypeSnapshot();

beforeAll(async () => {
  const built = await buildPacket({ claim: workedExampleDriverClaim(), channel: 'generic', fonts: packetFonts(), appVersion: 'fuzz', now: new Date('2022-10-28T03:00:00Z') });
  packet = built.bytes;
}, 60_000);
afterAll(() => expectPrototypeClean(before));

async function verifySafely(bytes: Uint8Array, limits?: Parameters<typeof verifyPacket>[1]): Promise<VerifyResult> {
  let result: VerifyResult | undefined;
  let thrown: unknown;
  try {
    result = await verifyPacket(bytes, limits);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeUndefined();
  for (const p of result!.problems) expectBilingual(p.message);
  return result!;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Rewrites claim.json and keeps manifest.json's file list consistent, so the checks reach the claim itself. */
function withClaim(zip: Uint8Array, claim: unknown): Uint8Array {
  const files = unzipSync(zip);
  const claimBytes = strToU8(JSON.stringify(claim));
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
  manifest.files = manifest.files.map((f: { path: string }) => (f.path === 'claim.json' ? { ...f, size: claimBytes.length, sha256: sha(claimBytes) } : f));
  const tree: Zippable = {};
  for (const [path, bytes] of Object.entries(files)) tree[path] = bytes;
  tree['claim.json'] = claimBytes;
  tree['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(tree);
}

/** Sets the central directory's uncompressed size of `name`. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: (actual: number) => number, local = false): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i < out.length - 46; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50) {
      const n = view.getUint16(i + 28, true);
      if (new TextDecoder().decode(out.subarray(i + 46, i + 46 + n)) === name) view.setUint32(i + 24, size(view.getUint32(i + 24, true)) >>> 0, true);
    } else if (local && sig === 0x04034b50) {
      const n = view.getUint16(i + 26, true);
      if (new TextDecoder().decode(out.subarray(i + 30, i + 30 + n)) === name) view.setUint32(i + 22, size(view.getUint32(i + 22, true)) >>> 0, true);
    }
  }
  return out;
}

describe('packet verifier under hostile input', () => {
  it('the packet as built verifies (the mutations start from a good one)', async () => {
    const r = await verifySafely(packet);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('random bytes: not ok, one clear problem, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (bytes) => {
        const r = await verifySafely(bytes);
        expect(r.ok).toBe(false);
        expect(r.problems.length).toBeGreaterThan(0);
      }),
      runs(200),
    );
  });

  it('a flipped byte anywhere in a real packet never throws; a changed file is always caught', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (pick, x) => {
        const at = pick % packet.length;
        const bytes = packet.slice();
        bytes[at]! ^= x;
        const r = await verifySafely(bytes);
        if (r.ok) {
          // Only bytes no check depends on may change without notice (zip timestamps, CRCs fflate ignores,
          // extra fields): then every file's content is still byte-for-byte the original.
          const a = unzipSync(packet);
          const b = unzipSync(bytes);
          for (const name of Object.keys(a)) expect(sha(b[name]!)).toBe(sha(a[name]!));
        }
      }),
      runs(150),
    );
  });

  it('zip bombs: a high compression ratio and a declared total over the cap are refused before inflating', async () => {
    const zeros = new Uint8Array(16 * 1024 * 1024);
    const bomb = zipSync({ 'manifest.json': strToU8('{}'), 'claim.json': [zeros, { level: 9 }] });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const r = await verifySafely(bomb);
    expect(r.problems[0]!.code).toBe('unsafe-zip');
    expect(r.problems[0]!.message).toMatch(/압축률/);
    // Declared sizes that add up to more than the cap (4 GB claimed by a 30 kB file).
    const huge = patchDeclaredSize(packet, 'report.pdf', () => 0xfffffff0);
    const h = await verifySafely(huge);
    expect(h.ok).toBe(false);
    expect(h.problems[0]!.code).toBe('unsafe-zip');
  });

  it('a declared size that differs from the real data is caught, smaller or larger, in one header or both', async () => {
    // One header lying: the local header and the central directory disagree, which tools resolve differently.
    for (const lie of [(n: number) => n - 100, () => 0, (n: number) => n - 1, (n: number) => n + 100]) {
      const r = await verifySafely(patchDeclaredSize(packet, 'claim.json', lie));
      expect(r.ok).toBe(false);
      expect(r.problems[0]!.code).toBe('unsafe-zip');
      expect(r.problems[0]!.message).toContain('claim.json');
    }
    // Both lying alike: the inflated stream is longer or shorter than declared, so it is refused as it inflates.
    for (const lie of [(n: number) => n - 100, (n: number) => n - 1, (n: number) => n + 100]) {
      const r = await verifySafely(patchDeclaredSize(packet, 'claim.json', lie, true));
      expect(r.ok).toBe(false);
      expect(r.problems.map((p) => p.code)).toContain('unsafe-zip');
      expect(r.problems.find((p) => p.code === 'unsafe-zip')!.message).toMatch(/claim\.json.*(declared size|size in the zip header)/);
    }
  });

  it('entries with ../, absolute or drive paths, backslashes or NUL are refused by name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('../evil.txt', 'evidence/../../evil', '/etc/passwd', 'C:/Windows/x', 'a\\..\\b', 'x\0y', '..'),
        async (name) => {
          const files = unzipSync(packet);
          const tree: Zippable = { ...files, [name]: strToU8('owned') };
          const r = await verifySafely(zipSync(tree));
          expect(r.ok).toBe(false);
          expect(r.problems[0]!.code).toBe('unsafe-zip');
        },
      ),
      runs(30),
    );
  });

  it('an extra file named like an Object.prototype key (__proto__, constructor) is reported, not dropped', async () => {
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty']) {
      // fflate cannot write an own `__proto__` key, so write a same-length name and patch its bytes.
      const placeholder = `${name.slice(0, -1)}X`;
      const zip = zipSync({ ...unzipSync(packet), [placeholder]: [strToU8('an added file'), { level: 0 }] });
      const text = new TextDecoder('latin1').decode(zip);
      for (let i = text.indexOf(placeholder); i >= 0; i = text.indexOf(placeholder, i + 1)) zip[i + name.length - 1] = name.charCodeAt(name.length - 1);
      const r = await verifySafely(zip);
      expect(r.ok).toBe(false);
      expect(r.problems.length).toBeGreaterThan(0);
    }
  });

  it('files over the size caps (entries, total) are refused with the limit in the message', async () => {
    const tight = await verifySafely(packet, { maxEntries: 3, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200 });
    expect(tight.problems[0]!.message).toMatch(/너무 많아요.*too many entries/);
    const small = await verifySafely(packet, { maxEntries: 2000, maxTotalBytes: 10_000, maxRatio: 200 });
    expect(small.problems[0]!.message).toMatch(/너무 커요.*uncompressed total/);
  });

  it('a re-signed packet whose claim.json holds odd but valid figures never throws; changed figures are reported', async () => {
    const base = workedExampleDriverClaim();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ count: fc.integer({ min: 0, max: 1_000_000 }), revenue: fc.option(fc.integer({ min: 0, max: 1_000_000_000_000 }), { nil: null }) }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom(2, 3, 12),
        fc.boolean(),
        async (changes, start, k, dropAll) => {
          const claim = structuredClone(base) as unknown as { records: { count: number; revenue: number | null }[]; parameters: { k: number } };
          if (dropAll) claim.records = [];
          changes.forEach((c, j) => {
            const r = claim.records[(start + j) % Math.max(1, claim.records.length)];
            if (r) Object.assign(r, c);
          });
          claim.parameters.k = k;
          const r = await verifySafely(withClaim(packet, claim));
          if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
        },
      ),
      runs(100),
    );
  });

  it('a claim.json that is hostile JSON (deep, __proto__, wrong types) is reported as claim problems', async () => {
    for (const text of [`${'['.repeat(10_000)}${']'.repeat(10_000)}`, '{"__proto__":{"polluted":"yes"},"format":"outage-loss-desk/claim","formatVersion":1}', '{"format":"outage-loss-desk/claim","formatVersion":"1"}', 'null', '']) {
      const files = unzipSync(packet);
      const claimBytes = strToU8(text);
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
      manifest.files = manifest.files.map((f: { path: string }) => (f.path === 'claim.json' ? { ...f, size: claimBytes.length, sha256: sha(claimBytes) } : f));
      // Stored, so the ratio guard (10,000 brackets deflate 500:1) does not stop it before the claim parser.
      const r = await verifySafely(zipSync({ ...files, 'claim.json': [claimBytes, { level: 0 }], 'manifest.json': strToU8(JSON.stringify(manifest)) }));
      expect(r.ok).toBe(false);
      expect(r.problems.some((p) => p.code === 'claim-invalid')).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
