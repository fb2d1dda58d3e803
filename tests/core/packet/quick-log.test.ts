import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import { buildPacket } from '../../../src/core/packet/build';
import { readZipSafely } from '../../../src/core/packet/zip';
import { checkChain, sealEntry, type ChainEntry } from '../../../src/core/quicklog/chain';
import { packetFonts } from './fixtures';

const parsed = parseClaimFile(readFileSync('assets/examples/driver-2022.claim.json', 'utf8'));
if (!parsed.ok) throw new Error('example');
const claim = { ...parsed.claim, evidence: [], directItems: parsed.claim.directItems.map((i) => ({ ...i, evidenceIds: [] })), indirectItems: parsed.claim.indirectItems.map((i) => ({ ...i, evidenceIds: [] })) };

/** Three calls logged on the road, each sealed to the one before. */
function log(): ChainEntry[] {
  const entries: ChainEntry[] = [];
  for (const [at, fare] of [['2022-10-15T20:10:05+09:00', 25_000], ['2022-10-15T20:40:12+09:00', 22_000], ['2022-10-15T21:05:40+09:00', 30_000]] as const) {
    entries.push(sealEntry(claim.id, entries[entries.length - 1], { at, channel: 'kakao-t', kind: 'taken', fare }));
  }
  return entries;
}

async function packetTexts(entries: ChainEntry[]): Promise<{ readme: string; pdf: string }> {
  const built = await buildPacket({ claim, channel: 'kakao-2022-form', quickLog: checkChain(claim.id, entries), fonts: packetFonts(), appVersion: '0.1.0', now: new Date('2022-11-01T09:00:00+09:00') });
  const files = readZipSafely(built.bytes);
  const dir = mkdtempSync(join(tmpdir(), 'quicklog-'));
  writeFileSync(join(dir, 'report.pdf'), files.get('report.pdf')!);
  return {
    readme: new TextDecoder().decode(files.get('README.txt')!),
    pdf: execFileSync('pdftotext', ['-raw', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
  };
}

describe('the packet reports the quick log\'s chain in plain Korean', () => {
  it('an untouched log: "기록 3개, 사슬이 온전해요", in the README and the PDF', async () => {
    const { readme, pdf } = await packetTexts(log());
    expect(readme).toContain('운행 중 빠른 기록: 기록 3개, 사슬이 온전해요.');
    expect(pdf).toContain('운행 중 빠른 기록: 기록 3개, 사슬이 온전해요.');
  });

  it('an edited middle entry: says which entry, with its time, was changed after it was logged', async () => {
    const entries = log();
    entries[1] = { ...entries[1]!, fare: 220_000 };
    const { readme, pdf } = await packetTexts(entries);
    const line = '운행 중 빠른 기록: 기록 3개 중 2번째 기록(2022-10-15 20:40)이 기록된 뒤에 바뀌었어요';
    expect(readme).toContain(line);
    expect(pdf).toContain(line);
    expect(readme).not.toContain('사슬이 온전해요');
  });

  it('a deleted middle entry: says the chain breaks before the entry that followed it', async () => {
    const entries = log();
    entries.splice(1, 1);
    const { readme } = await packetTexts(entries);
    expect(readme).toContain('운행 중 빠른 기록: 기록 2개 중 2번째 기록 앞에서 사슬이 끊겼어요: 기록이 빠졌거나 순서가 바뀌었어요');
  });

  it('no log, no line', async () => {
    const { readme } = await packetTexts([]);
    expect(readme).not.toContain('빠른 기록');
  });
});
