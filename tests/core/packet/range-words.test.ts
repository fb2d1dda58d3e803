import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../src/core/model/claim';
import { buildPacket } from '../../../src/core/packet/build';
import { describeClaim } from '../../../src/core/packet/facts';
import { findChannelProfile } from '../../../src/core/packet/profiles';
import { readZipSafely } from '../../../src/core/packet/zip';
import { packetFonts, workedExampleDriverClaim } from './fixtures';

/**
 * The range and the counts as a claim reviewer reads them in the packet (loss model 1 and 6): the weeks'
 * swing and the width in words, no s =, t quantile or square root; counts with their unit.
 */

const NOW = new Date('2022-11-01T09:00:00+09:00');
const FORMULA = /t 분포|분위수|√|\bs = |표준편차 ×/;

async function pdfText(claim: Claim): Promise<string> {
  const built = await buildPacket({ claim, channel: 'kakao-2022-form', fonts: packetFonts(), appVersion: 't', now: NOW });
  const dir = mkdtempSync(join(tmpdir(), 'packet-range-words-'));
  writeFileSync(join(dir, 'report.pdf'), readZipSafely(built.bytes).get('report.pdf')!);
  return execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The worked example with its four reference weeks made identical (week 1's calls every week). */
function identicalWeeksClaim(): Claim {
  const base = workedExampleDriverClaim();
  const window = new Set(['2022-10-15', '2022-10-16']);
  const calls: Record<string, number> = { '20': 3, '21': 3, '22': 3, '23': 2, '00': 2, '01': 1 };
  const records = base.records.map((r) => {
    const hour = r.bucket.slice(11, 13);
    if (r.channel !== 'kakao-t' || window.has(r.bucket.slice(0, 10)) || !(hour in calls) || r.count === 4) return r;
    return { ...r, count: calls[hour]!, revenue: calls[hour]! * 25_000 };
  });
  return { ...base, records };
}

describe('the range in the packet, in words', () => {
  const profile = findChannelProfile('kakao-2022-form')!;

  it('the method notes give the swing, the weeks and the width with its multiplier explained (worked example)', () => {
    const { report } = describeClaim(workedExampleDriverClaim(), profile);
    const line = report.method.lines.find((l) => l.startsWith('범위:'))!;
    expect(line).toBe('범위: 매주 수입의 흔들림(표준편차) 20,412원, 기준 주 4개로 80% 범위를 잡았어요. 예상 수입의 위아래로 37,376원까지 봤어요 (흔들림 20,412원 × 배수 1.83: 배수는 기준 주 4개로 80% 범위를 잡을 때 쓰는 값이고, 기준 주가 적을수록 커져요)');
    expect(report.figures.range.driver).toBe('기준 주 사이의 수입 흔들림');
  });

  it('the margin line is plain Korean with the same percentages, no formula', () => {
    const claim = workedExampleDriverClaim();
    const { report } = describeClaim(claim, profile);
    const line = report.method.lines.find((l) => l.startsWith('이익률'))!;
    expect(line).toMatch(/^이익률: 수입에서 변동비\([\d.]+%\)와 수수료\([\d.]+%\)를 뺀 [\d.]+%\. 잃은 이익은 줄어든 수입에 이 이익률을 곱했어요$/);
    const [v, c, m] = [...line.matchAll(/([\d.]+)%/g)].map((x) => Number(x[1]));
    expect(Math.round((100 - v! - c!) * 10) / 10).toBe(m);
    expect(line).not.toMatch(/[=×]| m\b/);
  });

  it('the PDF has no formula symbols and shows counts with 건, in the bucket table too', async () => {
    const text = await pdfText(workedExampleDriverClaim());
    expect(text).toContain('매주 수입의 흔들림(표준편차) 20,412원, 기준 주 4개로 80% 범위를 잡았어요');
    expect(text).not.toMatch(FORMULA);
    expect(text).toContain('줄어든 수입 (11.0건)');
    expect(text).toMatch(/예상 건수\(건\) 실제 건수\(건\)/);
  });

  it('identical reference weeks: says so and that the range is narrow, never a spread of 0원', async () => {
    const claim = identicalWeeksClaim();
    const { report, estimate } = describeClaim(claim, profile);
    expect(estimate.lostProfitRange.s).toBe(0);
    expect(estimate.lostProfitRange.low).toBe(estimate.lostProfitRange.high);
    const line = report.method.lines.find((l) => l.startsWith('범위:'))!;
    expect(line).toBe('범위: 기준 주 4개의 수입이 모두 같아 주마다 흔들림이 없었어요. 그래서 80% 범위가 좁아요');
    expect(report.figures.range.driver).toBe('기준 주 수입이 모두 같아 좁은 범위');
    const text = await pdfText(claim);
    expect(text).toContain('기준 주 4개의 수입이 모두 같아 주마다 흔들림이 없었어요');
    expect(text).not.toMatch(/표준편차\)? ?0원/);
    expect(text).not.toMatch(FORMULA);
  });
});
