import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Won } from '../../../src/core/model/money';
import type { Claim } from '../../../src/core/model/claim';
import { buildPacket } from '../../../src/core/packet/build';
import { CHANNEL_PROFILES, findChannelProfile } from '../../../src/core/packet/profiles';
import { verifyPacket } from '../../../src/core/packet/verify';
import { associationTracker, groupMediationRoster, prepareEscalation, readSentPacket } from '../../../src/core/tracker';
import { packetFonts } from '../packet/fixtures';
import { exampleClaim, withSubmissions } from './helpers';

const fonts = packetFonts();
const NOW = new Date('2023-02-01T10:00:00+09:00');

async function packet(claim: Claim, channel: string) {
  return buildPacket({ claim, channel, fonts, appVersion: '0.1.0', now: NOW, missingEvidence: 'list' });
}

describe('the escalation packet', () => {
  it('a 365 Center application from the same claim cites the first packet by date, reference and SHA-256, and verifies', async () => {
    const cafe = exampleClaim('cafe-daily');
    const first = await packet(withSubmissions(cafe, []), 'kakao-2022-smb-documents');
    const firstHash = createHash('sha256').update(first.bytes).digest('hex');

    const read = await readSentPacket(first.bytes);
    expect(read).toMatchObject({ sha256: firstHash, ok: true, size: first.bytes.length });
    expect(read.manifest).toMatchObject({ channel: 'kakao-2022-smb-documents', claimId: cafe.id });
    expect(read.claim?.id).toBe(cafe.id);

    const sent = withSubmissions(cafe, [
      { id: 's1', channel: 'kakao-2022-smb-documents', sentAt: '2023-01-10T11:00+09:00', status: 'offer-made', offered: 50_000, reference: 'SMB-0042', packetSha256: firstHash, notes: '' },
    ]);
    for (const channel of ['damage365', 'dispute-mediation'] as const) {
      const prepared = prepareEscalation(sent, 's1', channel, 's2', CHANNEL_PROFILES);
      const built = await packet(prepared.claim, channel);
      const files = unzipSync(built.bytes);
      const form = strFromU8(files['form.txt']!);
      expect(form).toContain(findChannelProfile(channel)!.name.ko);
      expect(form).toContain(`2023-01-10에 「카카오 소상공인 피해 지원 서류 (2022)」에 신청했어요, 접수번호 SMB-0042, 보낸 묶음 SHA-256 ${firstHash}, 결과: 보상 제안받음, 제안 50,000원.`);
      const claimJson = JSON.parse(strFromU8(files['claim.json']!)) as Claim;
      expect(claimJson.submissions.map((s) => [s.id, s.channel, s.status])).toEqual([['s1', 'kakao-2022-smb-documents', 'offer-made'], ['s2', channel, 'draft']]);
      const verified = await verifyPacket(built.bytes);
      expect(verified.problems).toEqual([]);
      expect(verified.manifest?.channel).toBe(channel);
    }
  });

  it('the mediation form gives the reason the record shows: an offer, a rejection, no answer yet, or no earlier claim', async () => {
    const cafe = exampleClaim('cafe-daily');
    const reasonWith = async (submissions: Claim['submissions']) => {
      const form = strFromU8(unzipSync((await packet(withSubmissions(cafe, submissions), 'dispute-mediation')).bytes)['form.txt']!);
      return form.split('\n').find((l) => l.includes('조정을') || l.includes('조정으로'))!;
    };
    const sent = { id: 's1', channel: 'kakao-2022-smb-documents', sentAt: '2023-01-10T11:00+09:00', notes: '' } as const;
    expect(await reasonWith([])).toBe('회사에 따로 낸 신청은 없고, 이 손해의 보상을 조정으로 구해요.');
    expect(await reasonWith([{ ...sent, status: 'rejected' }])).toBe('회사에 낸 신청이 거절되어 조정을 신청해요.');
    expect(await reasonWith([{ ...sent, status: 'offer-made', offered: 50_000 as Won }])).toBe('회사의 제안이나 지급으로는 계산된 손해가 다 보상되지 않아 조정을 신청해요.');
    expect(await reasonWith([{ ...sent, status: 'acknowledged' }])).toBe('회사에 낸 신청에 아직 결과가 없어 조정을 신청해요.');
    // A draft never sent is not an earlier claim.
    expect(await reasonWith([{ id: 's0', channel: 'kakao-2022-smb-documents', status: 'draft', notes: '' }])).toBe('회사에 따로 낸 신청은 없고, 이 손해의 보상을 조정으로 구해요.');
  });

  it('a first 365 Center application (nothing sent before) has no citation paragraph', async () => {
    const built = await packet(exampleClaim('cafe-daily'), 'damage365');
    expect(strFromU8(unzipSync(built.bytes)['form.txt']!)).not.toContain('앞선 신청');
  });

  it('a tampered packet is read with its problems and its own hash', async () => {
    const built = await packet(exampleClaim('driver-2022'), 'kakao-2022-form');
    const files = unzipSync(built.bytes);
    const { zipSync } = await import('fflate');
    files['records.csv'] = new TextEncoder().encode('changed');
    const tampered = zipSync(files);
    const read = await readSentPacket(tampered);
    expect(read.ok).toBe(false);
    expect(read.problems.map((p) => p.code)).toContain('hash-mismatch');
    expect(read.sha256).toBe(createHash('sha256').update(tampered).digest('hex'));
    const junk = await readSentPacket(new Uint8Array([1, 2, 3]));
    expect(junk).toMatchObject({ ok: false, manifest: null, claim: null });
  });
});

describe('the association view over members', () => {
  function member(i: number, extra: Partial<Claim> = {}): Claim {
    const base = exampleClaim('cafe-daily');
    return { ...base, id: `m-${i}`, claimant: { ...base.claimant, name: `회원 ${i}` }, ...extra };
  }

  it('counts statuses, sums claimed/offered/paid, drops duplicates, and finds groups of 50+ with the same harm', () => {
    const members: Claim[] = [];
    for (let i = 0; i < 52; i++) {
      const sub =
        i % 4 === 0
          ? [{ id: 'a', channel: 'kakao-2022-smb-documents', sentAt: '2023-01-10T11:00+09:00', status: 'paid' as const, offered: 50_000, paid: 50_000, notes: '' }]
          : i % 4 === 1
            ? [{ id: 'a', channel: 'kakao-2022-smb-documents', sentAt: '2023-01-10T11:00+09:00', status: 'offer-made' as const, offered: 30_000, notes: '' }]
            : i % 4 === 2
              ? [{ id: 'a', channel: 'damage365', status: 'draft' as const, notes: '' }]
              : [];
      members.push(member(i, { submissions: sub }));
    }
    const tracker = associationTracker([...members, members[0]!], () => 100_000 as Won);
    expect(tracker.duplicates).toEqual(['m-0']);
    expect(tracker.totals).toEqual({ members: 52, claimed: 5_200_000, offered: 13 * 50_000 + 13 * 30_000, paid: 13 * 50_000, gap: 5_200_000 - 650_000 });
    expect(tracker.byStatus).toEqual({ paid: 13, 'offer-made': 13, draft: 13, 'not-submitted': 13 });
    // cafe-daily used kakao-pay and kakaotalk-gift-order: two harm groups of 52.
    expect(tracker.harmGroups.map((g) => [g.key, g.count, g.groupMediationEligible])).toEqual([
      ['kakao-2022-10|kakao-pay', 52, true],
      ['kakao-2022-10|kakaotalk-gift-order', 52, true],
    ]);

    const roster = groupMediationRoster(tracker, members, 'kakao-2022-10|kakao-pay');
    const lines = roster.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(53);
    expect(lines[0]).toBe('번호,이름,상호,연락처,지역,피해 서비스,청구 금액(원),지급받은 금액(원),신청 상태,청구 ID');
    expect(lines[1]).toMatch(/^1,회원 0,.*,100000,50000,paid,m-0$/);

    const small = associationTracker(members.slice(0, 49), () => 1 as Won);
    expect(small.harmGroups[0]).toMatchObject({ count: 49, groupMediationEligible: false });
    expect(() => groupMediationRoster(small, members, 'kakao-2022-10|kakao-pay')).toThrow(/50명 이상.*now 49/);
    expect(() => groupMediationRoster(small, members, 'nope')).toThrow(/no harm group/);
  });
});
