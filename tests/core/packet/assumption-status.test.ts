import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateClaim } from '../../../src/core/estimate';
import type { Claim } from '../../../src/core/model/claim';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import { buildPacket } from '../../../src/core/packet/build';
import { describeClaim } from '../../../src/core/packet/facts';
import { findChannelProfile } from '../../../src/core/packet/profiles';
import { readZipSafely } from '../../../src/core/packet/zip';
import { packetFonts } from './fixtures';

/**
 * The assumptions table's 확인 column tells a reviewer why a row needs no confirming: an outage window taken
 * from the published reports is 공개 자료, a fare computed from the claimant's records is 기록으로 계산; only
 * a choice of method (K, the estimator, the range level) reads 계산 방법.
 */

function example(name: string): Claim {
  const parsed = parseClaimFile(readFileSync(join('assets/examples', `${name}.claim.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  return parsed.claim;
}

const statusOf = (claim: Claim, label: RegExp) => {
  const rows = describeClaim(claim, findChannelProfile('generic')!).report.assumptions.filter((a) => label.test(a.label));
  expect(rows.length, String(label)).toBeGreaterThan(0);
  return [...new Set(rows.map((a) => a.status))];
};

describe('the assumptions table says why a row needs no confirming', () => {
  it('a published outage window is 공개 자료 (public), not a method setting', () => {
    const claim = example('baemin-ultracall-2025');
    const e = estimateClaim(claim);
    const window = e.assumptions.find((a) => a.id.startsWith('window:'))!;
    expect(window).toMatchObject({ confirmed: null, basis: 'public' });
    expect(statusOf(claim, /장애 기간$/)).toEqual(['public']);
    expect(statusOf(claim, /^기준일 수$/)).toEqual(['method']);
    expect(statusOf(claim, /^변동비 비율$/)).toEqual(['confirmed']);
  });

  it('a window the claimant edited is theirs, confirmed; a fare from their records is 기록으로 계산', () => {
    const driver = example('driver-2022');
    expect(statusOf(driver, /장애 기간$/)).toEqual(['confirmed']);
    expect(estimateClaim(driver).assumptions.find((a) => a.id.startsWith('window:'))!.basis).toBeUndefined();

    // The statutory minimum wage that values claim-preparation time is published too.
    expect(statusOf(driver, /최저임금/)).toEqual(['public']);

    // A declared fare the channel's own reference records override: that fare is computed, nothing to confirm.
    const overridden: Claim = {
      ...driver,
      claimant: { ...driver.claimant, salesChannels: driver.claimant.salesChannels.map((c) => (c.id === 'kakao-t' ? { ...c, averageFare: { amount: 40_000, source: 'union-survey', note: '' } } : c)) },
      // One reference hour's calls without revenue, so a fare is needed and the records' own is used.
      records: driver.records.map((r) => (r.bucket === '2022-10-08T20:00+09:00' && r.channel === 'kakao-t' ? { ...r, revenue: null } : r)),
    };
    const fare = estimateClaim(overridden).assumptions.find((a) => a.id === 'average-fare:kakao-t')!;
    expect(fare).toMatchObject({ confirmed: null, basis: 'records' });
    expect(statusOf(overridden, /카카오 T/)).toContain('records');
  });

  it('the PDF prints the words in the 확인 column', async () => {
    const built = await buildPacket({ claim: example('baemin-ultracall-2025'), channel: 'generic', fonts: packetFonts(), appVersion: 't', now: new Date('2025-06-02T09:00:00+09:00'), missingEvidence: 'list' });
    const dir = mkdtempSync(join(tmpdir(), 'packet-status-'));
    writeFileSync(join(dir, 'report.pdf'), readZipSafely(built.bytes).get('report.pdf')!);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    const windowRow = text.split('\n').find((l) => l.includes('배달의민족 앱 (주문) 장애'))!;
    expect(windowRow).toContain('공개 자료');
    expect(windowRow).not.toContain('계산 방법');
    expect(text.split('\n').find((l) => l.startsWith('기준일 수'))).toContain('계산 방법');
  });
});
