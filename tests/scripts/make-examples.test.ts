import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseClaimFile } from '../../src/core/model/claim-file';
import { documentKindOfLabel } from '../../src/core/packet/documents';

/**
 * scripts/make-examples.ts run into a fresh folder (in another time zone) must give the committed
 * assets/examples byte for byte, evidence files included; and the evidence files are what the claims say.
 */

const ASSETS = 'assets/examples';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every file under dir, as paths relative to it. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

let out: string;
let run: ReturnType<typeof spawnSync>;

beforeAll(() => {
  out = join(mkdtempSync(join(tmpdir(), 'make-examples-')), 'examples');
  run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/make-examples.ts', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Pacific/Auckland' },
  });
}, 120_000);

describe('scripts/make-examples.ts', () => {
  it('reproduces the committed examples and their evidence files byte for byte', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const committed = listFiles(ASSETS);
    expect(listFiles(out)).toEqual(committed);
    expect(committed.filter((f) => f.startsWith('evidence/')).length).toBeGreaterThanOrEqual(5);
    for (const file of committed) {
      expect(sha256(new Uint8Array(readFileSync(join(out, file)))), file).toBe(sha256(new Uint8Array(readFileSync(join(ASSETS, file)))));
    }
  });

  it('lists every evidence file with its real SHA-256, size and type; every file is listed, small and stamped 예시', () => {
    const listed = new Set<string>();
    for (const name of readdirSync(ASSETS).filter((f) => f.endsWith('.claim.json'))) {
      const parsed = parseClaimFile(readFileSync(join(ASSETS, name), 'utf8'));
      if (!parsed.ok) throw new Error(name);
      for (const item of parsed.claim.evidence) {
        const path = join(ASSETS, 'evidence', item.fileName);
        const bytes = new Uint8Array(readFileSync(path));
        expect(item.sha256, item.fileName).toBe(sha256(bytes));
        expect(item.size, item.fileName).toBe(bytes.length);
        const magic = new TextDecoder('latin1').decode(bytes.subarray(0, 5));
        expect(item.mimeType === 'application/pdf' ? magic : magic.slice(1, 4), item.fileName).toBe(item.mimeType === 'application/pdf' ? '%PDF-' : 'PNG');
        expect(statSync(path).size, item.fileName).toBeLessThan(60 * 1024);
        if (item.mimeType === 'application/pdf') {
          const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
          expect(text, item.fileName).toContain('예시 (example)');
          expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
        }
        listed.add(item.fileName);
      }
    }
    expect([...listed].sort()).toEqual(readdirSync(join(ASSETS, 'evidence')).sort());
  });

  it('labels the evidence as the document kinds the channels ask for', () => {
    const kinds = (name: string) => {
      const parsed = parseClaimFile(readFileSync(join(ASSETS, `${name}.claim.json`), 'utf8'));
      if (!parsed.ok) throw new Error(name);
      return parsed.claim.evidence.map((e) => [e.fileName, documentKindOfLabel(e.label)]);
    };
    expect(kinds('driver-2022')).toEqual([['카카오T대리_연결오류_2022-10-15.png', 'kakao-service-proof']]);
    expect(kinds('restaurant-hourly')).toEqual([['카카오톡주문하기_연결오류_2022-10-15.png', 'kakao-service-proof']]);
    expect(kinds('taxi-franchise')).toEqual([['카카오T_운행내역_2022-10-15.png', 'trip-history']]);
    // The invoice backs a direct item (no channel asks for it by kind); the certificate placeholder is one.
    expect(kinds('merchant-best-week')).toEqual([['톡채널_메시지_청구서_2022-10.pdf', null], ['소상공인확인서_예시.pdf', 'smb-certificate']]);
  });
});
