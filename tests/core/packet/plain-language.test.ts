import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import type { Claim } from '../../../src/core/model/claim';
import { buildPacket } from '../../../src/core/packet/build';
import { CHANNEL_PROFILES, channelsForClaim } from '../../../src/core/packet/profiles';
import { buildPacketWithoutReport } from '../../../src/core/batch/synth-packet';
import { readZipSafely } from '../../../src/core/packet/zip';
import { packetFonts } from './fixtures';

/**
 * A claim reviewer reads every packet without meeting a project word: for every channel profile a packet is
 * built from a bundled example claim, and every text meant for people (README.txt, form.txt, records.csv and
 * the PDF's text through pdftotext) is scanned for internal references: the project's file names, section
 * numbers of its own documents, raw ids (channels, services, profiles, rules), engine values such as
 * "mean", machine time stamps and particle errors after numbers. claim.json and manifest.json are the
 * machine-readable files and are not scanned.
 */

const NOW = new Date('2022-11-01T09:00:00+09:00');
const fonts = packetFonts();

/** Each profile with the example claim it is meant for; dispute mediation takes the merchant with the most channels. */
const EXAMPLE_FOR: Record<string, string> = {
  'kakao-2022-form': 'driver-2022',
  'kakao-2022-smb-documents': 'merchant-best-week',
  'kakao-mobility-2022-taxi': 'taxi-franchise',
  damage365: 'restaurant-hourly',
  'dispute-mediation': 'merchant-best-week',
  generic: 'cafe-daily',
};

function example(name: string): { claim: Claim; bytes: Uint8Array; evidenceFiles: Map<string, Uint8Array> } {
  const bytes = new Uint8Array(readFileSync(join('assets/examples', `${name}.claim.json`)));
  const parsed = parseClaimFile(new TextDecoder().decode(bytes));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  const evidenceFiles = new Map(parsed.claim.evidence.map((e) => [e.fileName, new Uint8Array(readFileSync(join('assets/examples/evidence', e.fileName)))]));
  return { claim: parsed.claim, bytes, evidenceFiles };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every internal reference the reviewer must not meet, as [what, pattern]. */
function internalReferences(claim: Claim): [string, RegExp][] {
  const ids = new Set<string>([
    ...claim.claimant.salesChannels.map((c) => c.id),
    ...claim.records.map((r) => r.channel),
    ...claim.incident.services.map((s) => s.id),
    ...CHANNEL_PROFILES.map((p) => p.id),
    ...CHANNEL_PROFILES.flatMap((p) => (p.rule ? [p.rule] : [])),
  ]);
  // An id with a hyphen is never a word of either language: found anywhere, unless part of a longer word, a
  // file name or a web address. A one-word id (card, cash) is also English ("card sales"): found as a whole
  // CSV cell, where the channel column stands.
  const hyphenated = [...ids].filter((id) => id.includes('-')).sort((a, b) => b.length - a.length).map(escape);
  const plain = [...ids].filter((id) => !id.includes('-')).map(escape);
  const idPattern = new RegExp(`(?<![\\w./-])(${hyphenated.join('|')})(?![\\w/-]|\\.\\w)|(?:^|,)(${plain.join('|')})(?:,|$)`);
  return [
    ['project document', /손실 모델|loss model|domain brief|domain\.md|\b\w+\.(md|ts|tsx|mjs)\b/i],
    // Not a holiday: 3·1절 is Independence Movement Day.
    ['section number', /(?<![ㆍ·\d])\d+(\.\d+)?\s?절|\bsection \d/i],
    ['raw id', idPattern],
    ['engine value', /\b(mean|median|trimmed|null|undefined|NaN)\b/],
    ['machine time stamp', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/],
    ['unexplained assumption label', /추정: 공개되지 않음|assumed, not published/],
    ['particle after a number', /\d[원건](로|를|가|는|와|예요)(?![가-힣])/],
  ];
}

/**
 * The PDF is the Korean document, and so is form.txt (scanned for every example's forms below): a text kept
 * as "한국어 / English" (a region, a justification) shows its Korean half there, never both.
 */
const ENGLISH_HALF: [string, RegExp] = ['English half of a bilingual text', /[가-힣][^/]* \/ [A-Za-z]{2,}/];

function scanPdf(text: string, claim: Claim): string[] {
  const found = scan('report.pdf', text, claim);
  text.split(/\r?\n/).forEach((line, i) => {
    const m = ENGLISH_HALF[1].exec(line);
    if (m) found.push(`report.pdf:${i + 1}: ${ENGLISH_HALF[0]} "${m[0]}" in: ${line.trim().slice(0, 160)}`);
  });
  return found;
}

function scan(name: string, text: string, claim: Claim): string[] {
  const found: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const [what, pattern] of internalReferences(claim)) {
      const m = pattern.exec(line);
      if (m) found.push(`${name}:${i + 1}: ${what} "${m[0]}" in: ${line.trim().slice(0, 160)}`);
    }
  });
  return found;
}

describe.each(CHANNEL_PROFILES.map((p) => ({ channel: p.id, exampleName: EXAMPLE_FOR[p.id] ?? 'cafe-daily' })))(
  'the $channel packet from $exampleName reads in plain words',
  ({ channel, exampleName }) => {
    it('has no internal reference in README.txt, form.txt, records.csv or the PDF text', async () => {
      const ex = example(exampleName);
      const built = await buildPacket({ claim: ex.claim, claimFileBytes: ex.bytes, channel, evidenceFiles: ex.evidenceFiles, fonts, appVersion: '0.1.0', now: NOW });
      const files = readZipSafely(built.bytes);
      const dir = mkdtempSync(join(tmpdir(), `plain-${channel}-`));
      writeFileSync(join(dir, 'report.pdf'), files.get('report.pdf')!);
      const texts = new Map<string, string>([
        ['report.pdf', execFileSync('pdftotext', [join(dir, 'report.pdf'), '-'], { encoding: 'utf8' })],
        ...[...files].filter(([path]) => /\.(txt|csv)$/.test(path)).map(([path, bytes]) => [path, new TextDecoder().decode(bytes)] as [string, string]),
      ]);
      expect([...texts.keys()].sort()).toEqual(['README.txt', 'form.txt', 'records.csv', 'report.pdf']);
      const found = [...texts].flatMap(([path, text]) => (path === 'report.pdf' ? scanPdf(text, ex.claim) : scan(path, text, ex.claim)));
      expect(found).toEqual([]);
      // README.txt names only folders the zip has.
      const hasEvidence = [...files.keys()].some((p) => p.startsWith('evidence/'));
      if (!hasEvidence) expect(texts.get('README.txt')).not.toMatch(/evidence/);
    });
  },
);

describe('the scan itself', () => {
  it('finds each kind of internal reference in a line made to contain it', () => {
    const claim = example('cafe-daily').claim;
    const bad = [
      '평소 매출을 추정했어요 (손실 모델 3.1)',
      '범위 수준 80% 6절',
      '2022-09-14,kakao-pay,12,70600',
      '2022-09-14,card,12,70600',
      '기준값 계산 방법 mean',
      '직접 고친 기간 (공개 기간 2022-10-15T15:30+09:00)',
      '(최대 100자, 추정: 공개되지 않음)',
      '건수 × 평균 객단가 29,704원로 봤어요',
      '청구 합계는 224,490원예요',
      'see domain.md 2',
      'LG유플러스 인터넷 (2023-01-29 00:00, 일부 지역 / some regions)',
      '예견 가능성: 전화 주문을 받으려고 아르바이트 한 명을 더 불렀어요 / an extra part-timer to take phone orders',
    ];
    // `scan` leaves English halves to scanPdf and to the form.txt test below.
    expect(scan('form.txt', '카카오 피해 접수 양식 (2022) / Kakao damage-report form (2022)', claim)).toEqual([]);
    for (const line of bad) expect(scanPdf(line, claim), line).not.toEqual([]);
    expect(scan('x', '카카오페이 매출 29,704원으로 봤어요, 카드 12건을 · card sales (example) · 10-15(토) · 3ㆍ1절', claim)).toEqual([]);
  });
});

/**
 * form.txt is read by a Korean claims officer: no English reaches it, from the app (a form's name, "max 300",
 * "empty: fill it in yourself") or from a pack's joined "한국어 / English" notes (a limit's source such as
 * "the form does not state a limit: a safe guess", an instruction). Every example, every channel open to it;
 * the packets are made without report.pdf, which the text does not depend on.
 */
describe('every form.txt speaks Korean only', () => {
  const CHANNELS_FOR: Record<string, string[]> = {
    'baemin-ultracall-2025': ['damage365', 'dispute-mediation', 'generic'],
    'pc-cafe-lguplus-2023': ['damage365', 'dispute-mediation', 'generic'],
    'driver-2022': ['kakao-2022-form', 'damage365', 'dispute-mediation', 'generic'],
    'taxi-franchise': ['kakao-2022-form', 'kakao-mobility-2022-taxi', 'damage365', 'dispute-mediation', 'generic'],
    'cafe-daily': ['kakao-2022-form', 'kakao-2022-smb-documents', 'damage365', 'dispute-mediation', 'generic'],
    'merchant-best-week': ['kakao-2022-form', 'kakao-2022-smb-documents', 'damage365', 'dispute-mediation', 'generic'],
    'restaurant-hourly': ['kakao-2022-form', 'kakao-2022-smb-documents', 'damage365', 'dispute-mediation', 'generic'],
  };

  it('covers every example and exactly the channels open to it', () => {
    const names = readdirSync('assets/examples').filter((f) => f.endsWith('.claim.json')).map((f) => f.replace(/\.claim\.json$/, ''));
    expect(Object.keys(CHANNELS_FOR).sort()).toEqual(names.sort());
    for (const [name, channels] of Object.entries(CHANNELS_FOR)) {
      expect(channelsForClaim(example(name).claim).profiles.map((p) => p.id).sort(), name).toEqual([...channels].sort());
    }
  });

  it.each(Object.entries(CHANNELS_FOR).flatMap(([name, channels]) => channels.map((channel) => [name, channel])))('%s, %s', async (name, channel) => {
    const { bytes } = await buildPacketWithoutReport(example(name).claim, channel, '0.1.0', NOW);
    const form = new TextDecoder().decode(readZipSafely(bytes).get('form.txt')!);
    expect(form).not.toContain('max ');
    expect(form).not.toContain('safe guess');
    const english = form.split(/\r?\n/).filter((line) => ENGLISH_HALF[1].test(line));
    expect(english).toEqual([]);
    expect(form).toMatch(/\(최대 \d+자[,)]/);
  });
});
