import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZipSafely } from '../../src/core/packet/zip';

/** The pack commands and estimate --pack as a user runs them: a child process, real files, exit codes. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'cli-pack-'));
const PACKS = 'src/core/incidents/packs';

/** An association's own pack, published the day the rule was announced. */
function ownPack() {
  return {
    format: 'outage-loss-desk/incident-pack', formatVersion: 1, id: 'assoc-isp-2026-05', version: 1, publishedAt: '2026-05-02', publisher: '예시 상인회',
    incident: { name: { ko: '동네 인터넷 장애', en: 'Local internet outage' }, summary: { ko: '점심 시간 인터넷 장애', en: '' }, sources: [{ publication: '상인회 공지', ref: 'notice-12' }] },
    services: [{ id: 'internet', name: { ko: '인터넷', en: 'Internet' }, sources: [{ publication: '상인회 공지', ref: 'notice-12' }], intervals: [{ start: '2026-05-01T11:00+09:00', end: '2026-05-01T13:00+09:00' }] }],
    channels: [{ id: 'generic', kind: 'generic', name: { ko: '일반 청구서', en: 'General claim' }, rules: ['fee-10x'] }],
    rules: [{
      id: 'fee-10x', kind: 'fee-for-duration', name: { ko: '장애 시간 요금 10배', en: '10 x the outage-time fee' }, claimantKinds: ['merchant'],
      sources: [{ publication: '상인회 공지', ref: 'notice-12' }],
      inputs: [{ id: 'monthlyFee', unit: 'won', name: { ko: '월 요금', en: 'monthly fee' }, evidence: { ko: '요금 고지서', en: 'the bill' } }],
      params: { feeInput: 'monthlyFee', basis: 'outage-multiple', amount: 10 },
    }],
  };
}

describe('outage-desk pack', () => {
  it('list --json gives every bundled pack with its intervals and rules, newest first', () => {
    const r = cli('pack', 'list', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { id: string; intervals: unknown[]; rules: { kind: string }[] }[];
    expect(list.map((p) => p.id)).toEqual(['naverpay-2026-02', 'baemin-2025-05', 'kt-2024-08', 'lguplus-2023-01', 'kakao-2022-10', 'baemin-2021-12', 'kt-2021-10']);
    expect(list.find((p) => p.id === 'lguplus-2023-01')!.intervals).toHaveLength(2);
    expect(new Set(list.flatMap((p) => p.rules.map((x) => x.kind))).size).toBe(7);
  });

  it('show <id> --json prints the pack file itself; show <file> reads a file', () => {
    const r = cli('pack', 'show', 'kt-2021-10', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject(JSON.parse(readFileSync(join(PACKS, 'kt-2021-10.json'), 'utf8')));
    const file = join(tmp, 'own.json');
    writeFileSync(file, JSON.stringify(ownPack()));
    const text = cli('pack', 'show', file);
    expect(text.code).toBe(0);
    expect(text.out).toContain('동네 인터넷 장애');
    expect(text.out).toContain('fee-for-duration');
  });

  it('validate: a good pack exits 0; a bad one exits 2 naming each field path', () => {
    const good = join(tmp, 'good.json');
    writeFileSync(good, JSON.stringify(ownPack()));
    expect(cli('pack', 'validate', good).code).toBe(0);

    const p = ownPack() as Record<string, unknown> & ReturnType<typeof ownPack>;
    (p.rules[0] as Record<string, unknown>).kind = 'lottery';
    (p.services[0]!.intervals[0] as Record<string, unknown>).end = '2026-05-01T10:00+09:00';
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify(p));
    const r = cli('pack', 'validate', bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${bad}: rules[0].kind`);
    expect(r.err).toContain(`${bad}: services[0].intervals[0].end`);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace

    const proto = join(tmp, 'proto.json');
    writeFileSync(proto, JSON.stringify(ownPack()).replace('"version":1', '"version":1,"__proto__":{"x":1}'));
    expect(cli('pack', 'validate', proto)).toMatchObject({ code: 2, err: expect.stringContaining('__proto__') });

    const collide = join(tmp, 'collide.json');
    writeFileSync(collide, JSON.stringify({ ...ownPack(), id: 'kakao-2022-10' }));
    expect(cli('pack', 'validate', collide)).toMatchObject({ code: 2, err: expect.stringContaining(`${collide}: id`) });
  });
});

describe('outage-desk estimate --pack', () => {
  it('computes the rules of a pack file for a claim whose incident comes from it, with the gap in words', () => {
    const packFile = join(tmp, 'assoc.json');
    writeFileSync(packFile, JSON.stringify(ownPack()));
    const claim = JSON.parse(readFileSync('assets/examples/pc-cafe-lguplus-2023.claim.json', 'utf8'));
    claim.incident = {
      id: 'assoc-isp-2026-05', presetId: 'assoc-isp-2026-05', name: { ko: '동네 인터넷 장애', en: '' },
      services: [{ id: 'internet', name: { ko: '인터넷', en: '' }, window: { start: '2026-05-01T11:00+09:00', end: '2026-05-01T13:00+09:00' }, source: '' }],
    };
    claim.claimant.servicesUsed = ['internet'];
    claim.records = [];
    claim.referenceDates = { byWindowDate: {}, abnormalDates: [] };
    claim.ruleInputs = { monthlyFee: { value: 72_000, evidenceIds: [], note: '' } };
    const claimFile = join(tmp, 'assoc.claim.json');
    writeFileSync(claimFile, JSON.stringify(claim));

    // Without the pack the claim has no rules; with it, 72,000 / 720 x 10 x 2 h = 2,000.
    expect(JSON.parse(cli('estimate', claimFile, '--json').out).rules).toEqual({});
    const r = cli('estimate', claimFile, '--json', '--pack', packFile);
    expect(r.code).toBe(0);
    const rule = JSON.parse(r.out).rules['fee-10x'];
    expect(rule).toMatchObject({ loss: 2_000, band: { id: 'figure', payout: 2_000 }, kind: 'fee-for-duration', inputs: [{ id: 'monthlyFee', value: 72_000 }] });
    expect(rule.gap.words).toMatch(/회사 기준 금액 2,000원/);

    const badPack = join(tmp, 'bad-pack.json');
    writeFileSync(badPack, '{"format":"outage-loss-desk/incident-pack"}');
    const bad = cli('estimate', claimFile, '--pack', badPack);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${badPack}: formatVersion`);
  });
});

describe('bundled non-Kakao examples: claim -> verified packet', () => {
  for (const [file, ruleIds] of [
    ['pc-cafe-lguplus-2023.claim.json', { 'lguplus-2023-pc-cafe': 710_000, 'lguplus-2023-smb-1m': 385_000 }],
    ['baemin-ultracall-2025.claim.json', { 'baemin-2025-commission': 47_362, 'baemin-2025-ultra-call': 1_833 }],
  ] as const) {
    it(`${file}: the pack's rules in estimate --json, then a generic packet that verify accepts`, () => {
      const e = cli('estimate', `assets/examples/${file}`, '--json');
      expect(e.code).toBe(0);
      const rules = JSON.parse(e.out).rules as Record<string, { loss: number }>;
      for (const [id, loss] of Object.entries(ruleIds)) expect(rules[id]!.loss).toBe(loss);

      const out = mkdtempSync(join(tmpdir(), 'cli-pack-packet-'));
      const built = cli('packet', `assets/examples/${file}`, '--channel', 'generic', '--out', out, '--now', '2025-06-03T09:00+09:00');
      expect(built.err).toBe('');
      expect(built.code).toBe(0);
      const [zipName] = readdirSync(out).filter((f) => f.endsWith('.zip'));
      const files = readZipSafely(new Uint8Array(readFileSync(join(out, zipName!))));
      expect([...files.keys()]).toContain('report.pdf');
      // The report shows every rule's figure beside the app's estimate, with the gap in words (pdftotext on the real PDF).
      writeFileSync(join(out, 'report.pdf'), files.get('report.pdf')!);
      const pdfText = spawnSync('pdftotext', ['-layout', join(out, 'report.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      expect(pdfText).toContain('회사 보상 기준과 이 계산의 비교');
      expect(pdfText).toContain(Object.values(ruleIds)[0]!.toLocaleString('en-US'));
      expect(pdfText).toMatch(/회사 기준 보상액은 [\d,]+원, 이 보고서가 계산한 손실은 [\d,]+원으로/);
      expect(pdfText).not.toMatch(/T\d{2}:\d{2}\+09:00/);
      expect(pdfText).not.toMatch(/카카오/);
      const ok = cli('verify', join(out, zipName!));
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/^OK: /);
    });
  }
});
