import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZipSafely, writeZip } from '../../src/core/packet/zip';

/** The packet and verify commands as a user runs them: a child process, real files, exit codes. */

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'America/Los_Angeles' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('outage-desk packet / verify', () => {
  it('builds a packet beside its evidence, and verify says OK; tampering exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-packet-'));
    // A copy of the driver example with a real evidence file beside it under evidence/.
    const claim = JSON.parse(readFileSync('assets/examples/driver-2022.claim.json', 'utf8'));
    const shot = new TextEncoder().encode('운행 내역 화면');
    claim.evidence = [{ id: 'ev-1', fileName: '운행 내역.png', sha256: sha256(shot), size: shot.length, mimeType: 'image/png', label: '운행 내역', provenance: 'at-the-time', addedAt: '2022-10-16T10:00+09:00', linkedIds: [] }];
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(join(dir, 'evidence', '운행 내역.png'), shot);
    writeFileSync(join(dir, 'claim.json'), JSON.stringify(claim, null, 2));

    const built = cli('packet', join(dir, 'claim.json'), '--channel', 'kakao-2022-form', '--out', join(dir, 'out'), '--now', '2022-11-01T09:00+09:00');
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    expect(built.out).toContain('224,490원');
    const [zipName] = readdirSync(join(dir, 'out'));
    expect(zipName).toBe('예시_ 대리기사 (손실 모델 7절)-kakao-2022-form.zip');
    const zipPath = join(dir, 'out', zipName!);
    const files = readZipSafely(new Uint8Array(readFileSync(zipPath)));
    expect(files.get('evidence/운행 내역.png')).toEqual(shot);
    // Zip times are KST wall-clock even on a machine in Los Angeles.
    const listing = spawnSync('unzip', ['-l', zipPath], { encoding: 'utf8' }).stdout;
    expect(listing).toContain('2022-11-01 09:00');
    expect(listing).toContain('evidence/운행 내역.png');

    const ok = cli('verify', zipPath);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^OK: /);

    const tampered = new Map([...files].map(([k, v]) => [k, new Uint8Array(v)]));
    tampered.get('records.csv')![20] ^= 1;
    const badPath = join(dir, 'bad.zip');
    writeFileSync(badPath, writeZip([...tampered].map(([path, bytes]) => ({ path, bytes })), new Date()));
    const bad = cli('verify', badPath);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('[hash-mismatch]');
    expect(bad.out).toContain('records.csv');
  });

  it('refuses evidence whose hash differs from the claim, and a missing evidence file, with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-packet-bad-'));
    copyFileSync('assets/examples/taxi-franchise.claim.json', join(dir, 'claim.json'));
    const missing = cli('packet', join(dir, 'claim.json'), '--channel', 'kakao-mobility-2022-taxi', '--out', dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('카카오T_운행내역_2022-10-15.png');
    expect(missing.err).not.toMatch(/at .*\.ts:\d+/);
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(join(dir, 'evidence', '카카오T_운행내역_2022-10-15.png'), 'not the screenshot');
    const mismatch = cli('packet', join(dir, 'claim.json'), '--channel', 'kakao-mobility-2022-taxi', '--out', dir);
    expect(mismatch.code).toBe(2);
    expect(mismatch.err).toContain('SHA-256');
    const skipped = cli('packet', 'assets/examples/taxi-franchise.claim.json', '--channel', 'kakao-mobility-2022-taxi', '--out', join(dir, 'out'), '--skip-missing-evidence');
    expect(skipped.code).toBe(0);
    expect(skipped.out).toContain('증빙 파일이 묶음에 없어요');
  });

  it('bad input: unknown channel, unknown claim file, a zip with path traversal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-packet-input-'));
    const channel = cli('packet', 'assets/examples/driver-2022.claim.json', '--channel', 'nope', '--out', dir);
    expect(channel.code).toBe(2);
    expect(channel.err).toContain('unknown channel');
    const file = cli('packet', join(dir, 'none.json'), '--channel', 'generic', '--out', dir);
    expect(file.code).toBe(2);
    expect(file.err).toContain('none.json');
    const evil = join(dir, 'evil.zip');
    writeFileSync(evil, zipSync({ '../../evil.txt': new Uint8Array([1]), 'manifest.json': new Uint8Array([123, 125]) }));
    const v = cli('verify', evil);
    expect(v.code).toBe(2);
    expect(v.out).toContain('[unsafe-zip]');
    expect(v.out).toContain('../../evil.txt');
  });
});
