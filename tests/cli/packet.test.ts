import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZipSafely, writeZip } from '../../src/core/packet/zip';
import { incidentOfStoredPack } from '../../src/core/incidents/authoring';
import { associationPack } from '../fixtures/association-pack';

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
    expect(zipName).toBe('예시_ 대리기사, 카카오 T 대리-kakao-2022-form.zip');
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

  it('packs the example claim with its real evidence file from assets/examples/evidence, and verify says OK', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-packet-example-'));
    const claim = JSON.parse(readFileSync('assets/examples/taxi-franchise.claim.json', 'utf8'));
    const listed = claim.evidence.find((e: { fileName: string }) => e.fileName === '카카오T_운행내역_2022-10-15.png');
    const onDisk = new Uint8Array(readFileSync('assets/examples/evidence/카카오T_운행내역_2022-10-15.png'));
    expect(listed).toMatchObject({ sha256: sha256(onDisk), size: onDisk.length, mimeType: 'image/png' });

    const built = cli('packet', 'assets/examples/taxi-franchise.claim.json', '--channel', 'kakao-mobility-2022-taxi', '--out', dir, '--now', '2022-11-01T09:00+09:00');
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    expect(built.out).not.toContain('증빙 파일이 묶음에 없어요');
    // The trip history is the channel's one required document: only the example warning is left.
    expect(built.out).not.toContain('서류가 없어요');
    const [zipName] = readdirSync(dir);
    const zipPath = join(dir, zipName!);
    const files = readZipSafely(new Uint8Array(readFileSync(zipPath)));
    const packed = files.get('evidence/카카오T_운행내역_2022-10-15.png')!;
    expect(sha256(packed)).toBe(listed.sha256);
    expect([...packed.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')!));
    expect(manifest.files).toContainEqual({ path: 'evidence/카카오T_운행내역_2022-10-15.png', size: onDisk.length, sha256: listed.sha256 });
    const ok = cli('verify', zipPath);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^OK: /);
  });

  it('refuses evidence whose hash differs from the claim, and a missing evidence file, with exit 2; --skip-missing-evidence lists it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-packet-bad-'));
    copyFileSync('assets/examples/taxi-franchise.claim.json', join(dir, 'claim.json'));
    const missing = cli('packet', join(dir, 'claim.json'), '--channel', 'kakao-mobility-2022-taxi', '--out', dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('카카오T_운행내역_2022-10-15.png');
    expect(missing.err).not.toMatch(/at .*\.ts:\d+/);
    // The claim copied without its evidence folder: skipping builds the packet and names the missing file.
    const skipped = cli('packet', join(dir, 'claim.json'), '--channel', 'kakao-mobility-2022-taxi', '--out', join(dir, 'out'), '--skip-missing-evidence');
    expect(skipped.code).toBe(0);
    expect(skipped.out).toContain('증빙 파일이 묶음에 없어요: 카카오T_운행내역_2022-10-15.png');
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(join(dir, 'evidence', '카카오T_운행내역_2022-10-15.png'), 'not the screenshot');
    const mismatch = cli('packet', join(dir, 'claim.json'), '--channel', 'kakao-mobility-2022-taxi', '--out', dir);
    expect(mismatch.code).toBe(2);
    expect(mismatch.err).toContain('SHA-256');
    // A wrong file is never skipped, only a missing one.
    const stillRefused = cli('packet', join(dir, 'claim.json'), '--channel', 'kakao-mobility-2022-taxi', '--out', dir, '--skip-missing-evidence');
    expect(stillRefused.code).toBe(2);
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

describe('outage-desk packet --channel: only the channels that apply to the claim (as the export screen offers)', () => {
  it('refuses another incident’s channel with exit 2, names the file and the channels that apply, and writes no --out folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-packet-channel-'));
    const out = join(dir, 'out');
    const r = cli('packet', 'assets/examples/baemin-ultracall-2025.claim.json', '--channel', 'kakao-2022-form', '--out', out, '--now', '2025-06-03T09:00+09:00');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('assets/examples/baemin-ultracall-2025.claim.json');
    expect(r.err).toContain('kakao-2022-form');
    expect(r.err).toContain('does not apply to this claim');
    expect(r.err).toContain('another incident');
    expect(r.err).toContain('damage365 온라인피해365센터 상담·신청서');
    expect(r.err).toContain('dispute-mediation 통신분쟁조정위원회 조정 신청서');
    expect(r.err).toContain('generic 일반 청구서');
    expect(r.err).not.toContain('kakao-mobility-2022-taxi');
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a channel whose rule is for another claimant kind (driver → taxi form, taxi → small-business documents) with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-packet-channel-kind-'));
    const driver = cli('packet', 'assets/examples/driver-2022.claim.json', '--channel', 'kakao-mobility-2022-taxi', '--out', join(dir, 'driver'));
    expect(driver.code).toBe(2);
    expect(driver.err).toContain('driver-2022.claim.json');
    expect(driver.err).toContain('not for this claimant kind');
    expect(driver.err).toContain('kakao-2022-form 카카오 피해 접수 양식 (2022)');
    expect(existsSync(join(dir, 'driver'))).toBe(false);
    const taxi = cli('packet', 'assets/examples/taxi-franchise.claim.json', '--channel', 'kakao-2022-smb-documents', '--out', join(dir, 'taxi'));
    expect(taxi.code).toBe(2);
    expect(taxi.err).toContain('kakao-mobility-2022-taxi 카카오모빌리티 택시 보상 (2022)');
    expect(existsSync(join(dir, 'taxi'))).toBe(false);
  });

  it('still builds a channel that applies (the Baemin claim to the 365 Center)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-packet-channel-ok-'));
    const r = cli('packet', 'assets/examples/baemin-ultracall-2025.claim.json', '--channel', 'damage365', '--out', join(dir, 'out'), '--now', '2025-06-03T09:00+09:00');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['예시_ 배민 울트라콜 음식점, 2025-05-30 장애-damage365.zip']);
  });
});

describe('outage-desk packet --pack / verify / batch on an outage that is not bundled', () => {
  it('builds the packet with the pack file, verify and batch recompute the rule from the pack it carries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-packet-pack-'));
    const pack = associationPack();
    writeFileSync(join(dir, 'pack.json'), JSON.stringify(pack, null, 2));
    const example = JSON.parse(readFileSync('assets/examples/pc-cafe-lguplus-2023.claim.json', 'utf8'));
    const claim = { ...example, incident: incidentOfStoredPack(pack, Date.parse('2026-12-05T09:00:00+09:00')), claimant: { ...example.claimant, servicesUsed: ['service-1'] }, ruleInputs: {}, evidence: [] };
    writeFileSync(join(dir, 'claim.json'), JSON.stringify(claim, null, 2));

    // Another outage's pack is refused before anything is built.
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ ...pack, id: 'assoc-other-2026-12' }));
    const wrong = cli('packet', join(dir, 'claim.json'), '--channel', 'damage365', '--out', join(dir, 'out'), '--pack', join(dir, 'other.json'));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('assoc-other-2026-12');

    const built = cli('packet', join(dir, 'claim.json'), '--channel', 'damage365', '--out', join(dir, 'packets'), '--now', '2026-12-05T10:00+09:00', '--pack', join(dir, 'pack.json'));
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    const [zipName] = readdirSync(join(dir, 'packets'));
    const zipPath = join(dir, 'packets', zipName!);
    const files = readZipSafely(new Uint8Array(readFileSync(zipPath)));
    expect(JSON.parse(new TextDecoder().decode(files.get('incident-pack.json')))).toEqual(pack);
    const verified = cli('verify', zipPath);
    expect(verified.out).toContain('OK');
    expect(verified.code).toBe(0);

    const batch = cli('batch', join(dir, 'packets'), '--out', join(dir, 'batch'), '--now', '2026-12-06T09:00+09:00');
    expect(batch.code).toBe(0);
    expect(readFileSync(join(dir, 'batch', 'roster.csv'), 'utf8')).toContain('가게당 정액: 50,000원');
  });
});
