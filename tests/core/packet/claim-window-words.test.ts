import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../src/core/model/claim';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import { buildPacket } from '../../../src/core/packet/build';
import { describeClaim } from '../../../src/core/packet/facts';
import { findChannelProfile } from '../../../src/core/packet/profiles';
import { readZipSafely } from '../../../src/core/packet/zip';
import { packetFonts } from './fixtures';

/**
 * The claim window a reviewer reads: LG U+ 2023 cut the internet on 29 January and again on 4 February.
 * The packet says two days apart and 48 hours, not "29 Jan ~ 5 Feb (168시간)" as if the week between were lost.
 */

function example(name: string): Claim {
  const parsed = parseClaimFile(readFileSync(join('assets/examples', `${name}.claim.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  return parsed.claim;
}

describe('the claim window in the packet', () => {
  it('spans apart are each named, with their total', () => {
    const d = describeClaim(example('pc-cafe-lguplus-2023'), findChannelProfile('damage365')!);
    expect(d.report.incident.windowSpan).toBe('2023-01-29 00:00 ~ 2023-01-30 00:00, 2023-02-04 00:00 ~ 2023-02-05 00:00 (떨어진 구간 2개, 합계 48시간)');
    expect(d.report.incident.windowHours).toBe('48시간');
    expect(d.facts['window.hours']).toBe('48시간');
    expect(d.facts['window.spans']).toBe('2023-01-29 00:00 ~ 2023-01-30 00:00, 2023-02-04 00:00 ~ 2023-02-05 00:00');
    expect(d.facts['window.length']).toBe('떨어진 구간 2개, 합계 48시간');
    // The PDF's line and a form's say the same.
    expect(d.facts['window.spansAndTotal']).toBe(d.report.incident.windowSpan);
  });

  it('one span reads as before: its ends and its length', () => {
    const d = describeClaim(example('baemin-ultracall-2025'), findChannelProfile('generic')!);
    expect(d.report.incident.windowSpan).toBe('2025-05-30 18:00 ~ 2025-05-30 18:30 (30분)');
    expect(d.report.incident.windowHours).toBe('30분');
    expect(d.facts['window.spans']).toBe('2025-05-30 18:00 ~ 2025-05-30 18:30');
    expect(d.facts['window.length']).toBe('30분');
    expect(d.facts['window.spansAndTotal']).toBe('2025-05-30 18:00 ~ 2025-05-30 18:30');
  });

  it('the PDF prints the two days, not the week between them', async () => {
    const built = await buildPacket({ claim: example('pc-cafe-lguplus-2023'), channel: 'damage365', fonts: packetFonts(), appVersion: 't', now: new Date('2023-03-01T09:00:00+09:00'), missingEvidence: 'list' });
    const dir = mkdtempSync(join(tmpdir(), 'packet-window-'));
    writeFileSync(join(dir, 'report.pdf'), readZipSafely(built.bytes).get('report.pdf')!);
    const text = execFileSync('pdftotext', ['-raw', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    // Compared without spaces: the table cell wraps the line where it likes.
    const bare = (x: string) => x.replace(/\s+/g, '');
    expect(bare(text)).toContain(bare('청구 구간 2023-01-29 00:00 ~ 2023-01-30 00:00, 2023-02-04 00:00 ~ 2023-02-05 00:00 (떨어진 구간 2개, 합계 48시간)'));
    expect(text).not.toContain('168시간');
  });
});

/** A channel's form.txt for an example claim, lines compared with LF (fields are CRLF-separated for Notepad). */
async function formText(name: string, channel: string): Promise<string> {
  const built = await buildPacket({ claim: example(name), channel, fonts: packetFonts(), appVersion: 't', now: new Date('2023-03-01T09:00:00+09:00'), missingEvidence: 'list' });
  return new TextDecoder().decode(readZipSafely(built.bytes).get('form.txt')!).replace(/\r\n/g, '\n');
}

describe('the claim window in each form', () => {
  it.each([
    ['damage365', '\n2023-01-29 00:00 ~ 2023-01-30 00:00, 2023-02-04 00:00 ~ 2023-02-05 00:00 (떨어진 구간 2개, 합계 48시간, 한국 시간)\n'],
    ['dispute-mediation', ', 2023-01-29 00:00 ~ 2023-01-30 00:00, 2023-02-04 00:00 ~ 2023-02-05 00:00 (떨어진 구간 2개, 합계 48시간, 한국 시간)\n'],
    ['generic', '\n장애 구간 2023-01-29 00:00 ~ 2023-01-30 00:00, 2023-02-04 00:00 ~ 2023-02-05 00:00 (떨어진 구간 2개, 합계 48시간).\n'],
  ])('%s names both days apart and their total, not the week between them', async (channel, line) => {
    const form = await formText('pc-cafe-lguplus-2023', channel);
    expect(form).toContain(line);
    expect(form).not.toContain('2023-01-29 00:00 ~ 2023-02-05 00:00 (');
    expect(form).not.toContain('2023-01-29 00:00 ~ 2023-02-05');
    expect(form).not.toContain('168시간');
  });

  it.each([
    ['damage365', '\n2022-10-15 20:00 ~ 2022-10-16 02:00 (6시간, 한국 시간)\n'],
    // The incident's name leads, so its own brackets are not nested in another pair.
    ['dispute-mediation', '카카오 서비스 장애 (2022년 10월 판교 데이터센터 화재): 카카오 T 대리, 2022-10-15 20:00 ~ 2022-10-16 02:00 (6시간, 한국 시간)\n'],
    ['generic', '\n장애 구간 2022-10-15 20:00 ~ 2022-10-16 02:00.\n'],
    ['kakao-2022-form', '장애 구간: 2022-10-15 20:00 ~ 2022-10-16 02:00 (6시간).'],
  ])('%s reads one span as before: its ends and its length', async (channel, line) => {
    const form = await formText('driver-2022', channel);
    expect(form).toContain(line);
    expect(form).not.toContain('떨어진 구간');
  });
});
