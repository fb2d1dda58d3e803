import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateClaim } from '../../../src/core/estimate';
import { incidentOfStoredPack } from '../../../src/core/incidents/index';
import { findBundledPack } from '../../../src/core/incidents/bundled';
import type { Claim } from '../../../src/core/model/claim';
import { parseClaimFile } from '../../../src/core/model/claim-file';
import type { IncidentPack } from '../../../src/core/model/incident-pack';
import { buildPacket } from '../../../src/core/packet/build';
import { describeClaim } from '../../../src/core/packet/facts';
import { INCIDENT_PACK_PATH } from '../../../src/core/packet/incident-pack';
import { MANIFEST_PATH, type PacketManifest } from '../../../src/core/packet/manifest';
import { channelsForClaim, findChannelProfile, profilesForPack } from '../../../src/core/packet/profiles';
import { claimDeadlines } from '../../../src/core/tracker';
import type { KstDate } from '../../../src/core/time/kst';
import { verifyPacket } from '../../../src/core/packet/verify';
import { readPacketItem } from '../../../src/core/batch/items';
import { sha256Hex } from '../../../src/core/packet/hash';
import { openPacketZip, writeZip } from '../../../src/core/packet/zip';
import { packetFonts } from './fixtures';
import { ASSOCIATION_FORM_ID as FORM_ID, associationPack } from '../../fixtures/association-pack';
import { reasonIn, reasonLine } from '../../../src/core/batch/types';

/**
 * A claim on a pack that is not bundled (an association's file, imported on this computer): its rule's
 * figure reaches the estimate and the packet, the packet carries the pack, and verify/batch recompute with it.
 */

/** The association's pack with its own claim form, whose headline is the rule. */
const formPack = (amount?: number) => associationPack(amount, { withForm: true });

/** The PC cafe example, moved onto the association's pack (as the app does when a claim starts on it). */
function claimOn(pack: IncidentPack): Claim {
  const parsed = parseClaimFile(readFileSync('assets/examples/pc-cafe-lguplus-2023.claim.json', 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const incident = incidentOfStoredPack(pack, Date.parse('2026-12-05T09:00:00+09:00'));
  return { ...parsed.claim, incident, claimant: { ...parsed.claim.claimant, servicesUsed: ['service-1'] }, ruleInputs: {} };
}

async function build(claim: Claim, channel: string, pack?: IncidentPack) {
  return buildPacket({ claim, channel, ...(pack ? { pack } : {}), missingEvidence: 'list', fonts: packetFonts(), appVersion: 'test', now: new Date('2026-12-05T10:00:00+09:00') });
}

function entries(zip: Uint8Array): Map<string, Uint8Array> {
  const archive = openPacketZip(zip);
  return new Map(archive.entries.map((e) => [e.name, archive.read(e)] as const));
}

/** The packet with one entry replaced (and, when `relist`, the manifest's size and hash for it updated too). */
async function tampered(zip: Uint8Array, path: string, bytes: Uint8Array, relist: boolean): Promise<Uint8Array> {
  const files = entries(zip);
  files.set(path, bytes);
  if (relist) {
    const manifest = JSON.parse(new TextDecoder().decode(files.get(MANIFEST_PATH))) as PacketManifest;
    const entry = manifest.files.find((f) => f.path === path)!;
    entry.size = bytes.length;
    entry.sha256 = await sha256Hex(bytes);
    files.set(MANIFEST_PATH, new TextEncoder().encode(JSON.stringify(manifest, null, 2)));
  }
  return writeZip([...files].map(([p, b]) => ({ path: p, bytes: b })), new Date('2026-12-05T10:00:00+09:00'));
}

const packText = (pack: unknown) => new TextEncoder().encode(JSON.stringify(pack, null, 2));

describe('an imported pack’s rules reach the figures', () => {
  const pack = formPack();
  const claim = claimOn(pack);

  it('the estimate has the rule’s figure only when the stored pack is given (core never looks it up)', () => {
    expect(findBundledPack(pack.id)).toBeUndefined();
    expect(estimateClaim(claim).rules).toEqual({});
    const rule = estimateClaim(claim, { pack }).rules['rule-1']!;
    expect(rule.loss).toBe(50_000);
    expect(rule.title.ko).toBe('가게당 정액');
  });

  it('the claim’s channels are its pack’s own, its own form first', () => {
    expect(channelsForClaim(claim).profiles.map((p) => p.id)).not.toContain(FORM_ID);
    const { profiles, defaultId } = channelsForClaim(claim, pack);
    expect(defaultId).toBe(FORM_ID);
    expect(profiles.map((p) => p.id)).toEqual([FORM_ID, 'damage365', 'dispute-mediation', 'generic']);
    const d = describeClaim(claim, findChannelProfile(FORM_ID, pack)!, new Set(), pack);
    expect(d.figures.rule).toEqual({ id: 'rule-1', loss: 50_000, band: 'figure' });
    expect(d.report.companyRules?.map((r) => r.loss)).toEqual([50_000]);
  });

  it('the tracker counts the pack’s own channel among the deadlines only with the pack given', () => {
    const profiles = profilesForPack(pack);
    const today = '2026-12-06' as KstDate;
    expect(claimDeadlines(claim, profiles, today).map((d) => d.channel)).not.toContain(FORM_ID);
    expect(claimDeadlines(claim, profiles, today, pack).map((d) => d.channel)).toContain(FORM_ID);
  });

  it('the packet carries the pack, lists and hashes it, and verifies; verify and batch recompute the rule from it', async () => {
    const built = await build(claim, FORM_ID, pack);
    expect(built.manifest.channel).toBe(FORM_ID);
    expect(built.manifest.figures.rule).toEqual({ id: 'rule-1', loss: 50_000, band: 'figure' });
    const files = entries(built.bytes);
    const listed = built.manifest.files.find((f) => f.path === INCIDENT_PACK_PATH)!;
    expect(listed.sha256).toBe(await sha256Hex(files.get(INCIDENT_PACK_PATH)!));
    expect(JSON.parse(new TextDecoder().decode(files.get(INCIDENT_PACK_PATH)))).toEqual(pack);
    // The README names what the file is, in words.
    expect(new TextDecoder().decode(files.get('README.txt'))).toContain('이 청구의 금액을 계산할 때 쓴 장애 정보와 회사 보상 기준');

    expect(await verifyPacket(built.bytes)).toMatchObject({ ok: true, problems: [] });
    const item = await readPacketItem('assoc.zip', built.bytes);
    expect(item.invalid).toEqual([]);
    expect(item.members[0]!.figures.ruleLabel).toBe('가게당 정액: 50,000원');
  });

  it('a changed embedded pack fails verify: by its hash, and, re-listed, by the rule figure recomputed from it', async () => {
    const built = await build(claim, FORM_ID, pack);
    const changed = packText(formPack(90_000));

    const unlisted = await verifyPacket(await tampered(built.bytes, INCIDENT_PACK_PATH, changed, false));
    expect(unlisted.ok).toBe(false);
    expect(unlisted.problems).toContainEqual(expect.objectContaining({ code: 'hash-mismatch', path: INCIDENT_PACK_PATH }));

    const relisted = await tampered(built.bytes, INCIDENT_PACK_PATH, changed, true);
    const result = await verifyPacket(relisted);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([['figure-mismatch', 'manifest.json#figures.rule']]);
    expect(result.problems[0]!.message).toContain('"loss":90000');
    const item = await readPacketItem('assoc.zip', relisted);
    expect(item.invalid[0]).toMatchObject({ code: 'figure-mismatch' });
  });

  it('an embedded pack that fails the pack format is refused with its field path', async () => {
    const built = await build(claim, FORM_ID, pack);
    const bad = packText({ ...pack, rules: [{ ...pack.rules[0], kind: 'lottery' }] });
    const result = await verifyPacket(await tampered(built.bytes, INCIDENT_PACK_PATH, bad, true));
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ code: 'pack-invalid', path: `${INCIDENT_PACK_PATH}#rules[0].kind` });
    // verify said "[object Object]" here once: the problem is words, a half for each reader.
    expect(result.problems[0]!.message).not.toContain('[object Object]');
    expect(result.problems[0]!.text.ko).toMatch(/^incident-pack\.json rules\[0\]\.kind: [^/]*[가-힣]/);
    expect(result.problems[0]!.text.en).toMatch(/^incident-pack\.json rules\[0\]\.kind: [^가-힣]+$/);
    const item = await readPacketItem('assoc.zip', await tampered(built.bytes, INCIDENT_PACK_PATH, bad, true));
    expect(item.invalid[0]).toMatchObject({ code: 'pack-invalid' });
    expect(reasonLine(item.invalid[0]!)).toContain('rules[0].kind');
    // The pack's issue is said in words, in each language (it once came out as "[object Object]").
    expect(reasonIn(item.invalid[0]!, 'ko')).toMatch(/^incident-pack\.json rules\[0\]\.kind: [^/]*[가-힣]/);
    expect(reasonLine(item.invalid[0]!)).not.toContain('[object Object]');

    // Another outage's pack, valid on its own, is not this claim's.
    const other = packText({ ...pack, id: 'assoc-other-2026-12' });
    const mismatch = await verifyPacket(await tampered(built.bytes, INCIDENT_PACK_PATH, other, true));
    expect(mismatch.problems[0]).toMatchObject({ code: 'pack-mismatch' });
    expect(mismatch.problems[0]!.text.ko).toContain('assoc-other-2026-12');
    expect(mismatch.problems[0]!.text.en).toMatch(/^the embedded pack \(assoc-other-2026-12\) is not/);
    // A bundled pack's id with other content is refused as at import.
    const kakao = findBundledPack('kakao-2022-10')!;
    const fake = packText({ ...kakao, version: kakao.version + 1 });
    const bundledId = await verifyPacket(await tampered(built.bytes, INCIDENT_PACK_PATH, fake, true));
    expect(bundledId.problems[0]).toMatchObject({ code: 'pack-invalid', path: `${INCIDENT_PACK_PATH}#id` });
  });

  it('a claim on a bundled pack carries no pack: its packet is byte for byte what it was', async () => {
    const parsed = parseClaimFile(readFileSync('assets/examples/pc-cafe-lguplus-2023.claim.json', 'utf8'));
    if (!parsed.ok) throw new Error('example');
    const bundled = findBundledPack(parsed.claim.incident.presetId!)!;
    const plain = await build(parsed.claim, 'damage365');
    const withPack = await build(parsed.claim, 'damage365', bundled);
    expect(withPack.bytes).toEqual(plain.bytes);
    expect(plain.manifest.files.map((f) => f.path)).not.toContain(INCIDENT_PACK_PATH);
    // A stored pack that is not the claim's own is not carried either.
    const other = await build(parsed.claim, 'damage365', pack);
    expect(other.bytes).toEqual(plain.bytes);
  });
});
