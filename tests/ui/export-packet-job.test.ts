import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseClaimFile } from '../../src/core/model';
import type { Claim } from '../../src/core/model';
import { sha256Hex } from '../../src/core/packet/hash';
import { verifyPacket } from '../../src/core/packet/verify';
import { readZipSafely } from '../../src/core/packet/zip';
import { runPacketJob } from '../../src/ui/export/packet-job';
import { incidentOfStoredPack } from '../../src/core/incidents/authoring';
import { associationPack } from '../fixtures/association-pack';
import type { PacketJobMessage } from '../../src/ui/export/packet-job';

// What the export page's worker does, run here with the same fonts read from disk instead of fetched.
const require = createRequire(import.meta.url);
const fonts = {
  regular: new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'))),
  bold: new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'))),
};

async function claimWithScreenshot(): Promise<{ claim: Claim; bytes: Uint8Array }> {
  const parsed = parseClaimFile(readFileSync('assets/examples/merchant-best-week.claim.json', 'utf8'));
  if (!parsed.ok) throw new Error('example does not parse');
  const bytes = new TextEncoder().encode('not really a png, but bytes with a fingerprint');
  const claim: Claim = {
    ...parsed.claim,
    directItems: parsed.claim.directItems.map((i) => ({ ...i, evidenceIds: [] })),
    indirectItems: parsed.claim.indirectItems.map((i) => ({ ...i, evidenceIds: [] })),
    evidence: [
      {
        id: 'ev-1', fileName: '톡채널_오류_캡처.png', sha256: await sha256Hex(bytes), size: bytes.length, mimeType: 'image/png',
        label: 'kakao-service-proof', provenance: 'at-the-time', addedAt: '2022-10-15T16:02+09:00', linkedIds: [],
      },
    ],
  };
  return { claim, bytes };
}

async function run(request: Parameters<typeof runPacketJob>[0]): Promise<PacketJobMessage[]> {
  const messages: PacketJobMessage[] = [];
  await runPacketJob(request, async () => fonts, (m) => messages.push(m));
  return messages;
}

describe('the packet job the export worker runs', () => {
  it('reports its stages and gives a packet that verifies, with the evidence file and a Korean name', async () => {
    const { claim, bytes } = await claimWithScreenshot();
    const messages = await run({
      claim, channel: 'kakao-2022-smb-documents', evidence: [{ fileName: '톡채널_오류_캡처.png', blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) }],
      appVersion: '9.9.9', now: '2022-12-30T09:00:00+09:00',
    });
    expect(messages.slice(0, 3)).toEqual([
      { type: 'progress', stage: 'reading' },
      { type: 'progress', stage: 'fonts' },
      { type: 'progress', stage: 'building' },
    ]);
    const done = messages[3]!;
    if (done.type !== 'done') throw new Error(JSON.stringify(done));
    expect(done.fileName).toBe('예시_ 떡볶이 가게, 카카오 소상공인 기준-kakao-2022-smb-documents.zip');
    expect(done.sha256).toBe(await sha256Hex(done.bytes));
    const verified = await verifyPacket(done.bytes);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    const files = readZipSafely(done.bytes);
    expect(files.get('evidence/톡채널_오류_캡처.png')).toEqual(bytes);
    expect(new TextDecoder().decode(files.get('report.pdf')!.slice(0, 5))).toBe('%PDF-');
    // The screenshot counts as the proof of using the Kakao service; the example flag is still reported.
    expect(done.readiness.map((r) => r.code)).toContain('example-claim');
    expect(done.readiness.find((r) => r.subject === 'kakao-service-proof')).toBeUndefined();
  }, 60_000);

  it('refuses evidence whose bytes do not match the claim, naming the file, as the person’s problem', async () => {
    const { claim } = await claimWithScreenshot();
    const messages = await run({
      claim, channel: 'generic', evidence: [{ fileName: '톡채널_오류_캡처.png', blob: new Blob([new Uint8Array([1, 2, 3])]) }],
      appVersion: '9.9.9', now: '2022-12-30T09:00:00+09:00',
    });
    const last = messages.at(-1)!;
    expect(last.type).toBe('error');
    if (last.type !== 'error') return;
    expect(last.input).toBe(true);
    expect(last.message).toContain('톡채널_오류_캡처.png');
    // The reason crosses the worker in both languages, each half whole.
    expect(last.text.ko).toMatch(/^증빙 파일이 청구 파일에 적힌 것과 달라요: 톡채널_오류_캡처\.png/);
    expect(last.text.en).toMatch(/^evidence file does not match the claim's hash or size: 톡채널_오류_캡처\.png/);
    expect(messages.some((m) => m.type === 'done')).toBe(false);
  });
});

describe('the packet job with a pack stored on this computer', () => {
  it('passes the pack to the build: the rule figure is in the manifest, the pack is in the zip, and it verifies', async () => {
    const pack = associationPack();
    const parsed = parseClaimFile(readFileSync('assets/examples/pc-cafe-lguplus-2023.claim.json', 'utf8'));
    if (!parsed.ok) throw new Error('example does not parse');
    const claim: Claim = { ...parsed.claim, incident: incidentOfStoredPack(pack, Date.parse('2026-12-05T09:00:00+09:00')), claimant: { ...parsed.claim.claimant, servicesUsed: ['service-1'] }, evidence: [] };
    const messages = await run({ claim, channel: 'damage365', evidence: [], appVersion: '9.9.9', now: '2026-12-05T10:00:00+09:00', pack });
    const done = messages[3]!;
    if (done.type !== 'done') throw new Error(JSON.stringify(done));
    const files = readZipSafely(done.bytes);
    expect(JSON.parse(new TextDecoder().decode(files.get('incident-pack.json')))).toEqual(pack);
    expect(await verifyPacket(done.bytes)).toMatchObject({ ok: true, problems: [] });
    // Without the pack the job would build the packet with no rule at all: the 365 Center report has no company rule.
    const plain = await run({ claim, channel: 'damage365', evidence: [], appVersion: '9.9.9', now: '2026-12-05T10:00:00+09:00' });
    const plainDone = plain[3]!;
    if (plainDone.type !== 'done') throw new Error(JSON.stringify(plainDone));
    expect(readZipSafely(plainDone.bytes).has('incident-pack.json')).toBe(false);
  });
});
