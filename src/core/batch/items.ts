import type { Claim } from '../model/claim';
import type { IncidentPack } from '../model/incident-pack';
import { bt } from '../model/common';
import { parseClaimFile } from '../model/claim-file';
import { ClaimParseMemo } from '../model/claim-fast';
import { packForClaim, SMB_BEST_WEEK_DATA, smbBestWeekBand } from '../estimate/rules/index';
import { KAKAO_2022_10_ID as KAKAO_PACK_ID } from '../incidents/kakao-2022-10';
import type { ClaimEstimate } from '../estimate/types';
import { ko, packetFigures } from '../packet/facts';
import { estimateClaim } from '../estimate/estimate-claim';
import { sha256Hex, type Sha256Hex } from '../packet/hash';
import { embeddedPackMismatch, INCIDENT_PACK_PATH, readEmbeddedPack } from '../packet/incident-pack';
import { MANIFEST_PATH, manifestSchema, type PacketFigures } from '../packet/manifest';
import { findChannelProfile } from '../packet/profiles/index';
import { digestEntry, MAX_MANIFEST_BYTES, type EntryDigest } from '../packet/entries';
import { asUnsafeZipError, openPacketZip, UnsafeZipError, type UnzipLimits } from '../packet/zip';
import { ZipError, type ZipArchive, type ZipOptions, type ZipSource } from '../zip/index';
import { canonicalSido, formatBusinessNumber, formatMobile } from './normalise';
import { itemReason, type BandId, type BatchMember, type InvalidItem, type ItemReason, type MemberFigures, type MemberSource } from './types';
import { formatWon } from '../model/money';

/**
 * Reading one item of a batch: a packet zip or a bare claim file becomes one member or one invalid item.
 * A packet is checked as `verifyPacket` checks it (core/packet/verify.ts: safe unzip, every listed file's
 * size and SHA-256, nothing unlisted, a valid claim.json, the manifest's figures equal to a fresh
 * estimate), in one pass that also keeps the estimate the batch needs (the small-business band), so the
 * claim is parsed and estimated once. tests/core/batch/items.test.ts holds the two to the same verdicts.
 */

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * The batch's claims are read and dropped (only figures and names stay), so they may share what the claim
 * parser remembers between claims: the outage's incident, checked once instead of once per member.
 */
const claimMemo = new ClaimParseMemo();

export type ItemResult = { members: BatchMember[]; invalid: InvalidItem[] };

/** A claim from another outage's pack: its own rules' figures (and bands) in words; null for Kakao 2022 claims. */
function ownRulesLabel(claim: Claim, estimate: ClaimEstimate, incidentPack: IncidentPack | undefined): string | null {
  const pack = packForClaim(claim, incidentPack);
  if (!pack || pack.id === KAKAO_PACK_ID) return null;
  const rules = Object.values(estimate.rules);
  if (rules.length === 0) return `${pack.incident.name.ko}: 해당하는 회사 기준 없음`;
  return rules
    .map((r) => {
      if (!r.computable || r.loss === null) return `${r.title.ko}: 계산 불가 (필요한 값 없음)`;
      const band = r.band && r.band.id !== 'figure' ? ` (${ko(r.band.label)})` : '';
      return `${r.title.ko}: ${formatWon(r.loss)}${band}`;
    })
    .join('; ');
}

/** The band of Kakao's rule for a claim's estimate; drivers and other outages' claims are outside the rule. */
function bandOf(claim: Claim, estimate: ClaimEstimate, incidentPack: IncidentPack | undefined): { salesLoss: number | null; band: BandId } {
  if (claim.claimant.kind !== 'merchant') return { salesLoss: null, band: 'not-applicable' };
  const pack = packForClaim(claim, incidentPack);
  if (pack && pack.id !== KAKAO_PACK_ID) return { salesLoss: null, band: 'not-applicable' };
  const rule = estimate.rules[SMB_BEST_WEEK_DATA.id];
  if (!rule || !rule.computable || rule.loss === null) return { salesLoss: null, band: 'no-data' };
  return { salesLoss: rule.loss, band: (rule.band?.id ?? smbBestWeekBand(rule.loss).id) as BandId };
}

/** `pack`: the claim's pack when it is not bundled (a packet's incident-pack.json). */
export function memberFromClaim(claim: Claim, estimate: ClaimEstimate, source: MemberSource, pack?: IncidentPack): BatchMember {
  const c = claim.claimant;
  const { salesLoss, band } = bandOf(claim, estimate, pack);
  const ruleLabel = ownRulesLabel(claim, estimate, pack);
  const figures: MemberFigures = {
    direct: estimate.directTotal,
    indirect: estimate.indirectTotal,
    total: estimate.claimTotal,
    salesLoss,
    band,
    ...(ruleLabel ? { ruleLabel } : {}),
    basis: 'engine',
  };
  const member: BatchMember = {
    id: source.file,
    source,
    claimId: claim.id,
    kind: c.kind,
    industry: c.kind === 'merchant' ? c.industry : c.kind,
    name: c.name,
    region: { sido: canonicalSido(c.region?.sido), sigungu: c.region?.sigungu ?? '' },
    services: [...c.servicesUsed],
    figures,
    mobile: formatMobile(c.mobile),
    incidentId: claim.incident.presetId ?? claim.incident.id,
    incidentName: claim.incident.name.ko,
  };
  if (c.kind === 'merchant' && c.businessName) member.businessName = c.businessName;
  if (c.businessNumber) member.businessNumber = formatBusinessNumber(c.businessNumber);
  if (claim.submissions.length) {
    member.submissions = claim.submissions.map((s) => ({
      channel: s.channel,
      status: s.status,
      ...(s.sentAt ? { sentAt: s.sentAt } : {}),
      ...(s.offered !== undefined ? { offered: s.offered } : {}),
      ...(s.paid !== undefined ? { paid: s.paid } : {}),
    }));
  }
  if (c.bankAccount) member.bankAccount = { bank: c.bankAccount.bank, number: c.bankAccount.number, holder: c.bankAccount.holder };
  return member;
}

function compareFigures(written: PacketFigures, recomputed: PacketFigures): ItemReason[] {
  const out: ItemReason[] = [];
  for (const key of Object.keys(recomputed) as (keyof PacketFigures)[]) {
    const a = JSON.stringify(written[key]);
    const b = JSON.stringify(recomputed[key]);
    if (a !== b) out.push(itemReason(`금액이 다시 계산한 값과 달라요: figures.${key} 적힌 값 ${a}, 다시 계산 ${b}`, `figure does not match the recomputed estimate: figures.${key}`));
  }
  return out;
}

export type PacketInspection =
  | { ok: true; claim: Claim; estimate: ClaimEstimate; claimSha256: string; manifestSha256: string; pack?: IncidentPack }
  | { ok: false; code: string; reasons: ItemReason[] };

function fail(code: string, ...reasons: ItemReason[]): PacketInspection {
  return { ok: false, code, reasons };
}

/** The packet checks of verifyPacket, keeping the parsed claim and its estimate. */
export async function inspectPacket(zip: Uint8Array | ZipSource, limits?: UnzipLimits, hash: Sha256Hex = sha256Hex, zipOptions?: ZipOptions): Promise<PacketInspection> {
  let archive: ZipArchive;
  try {
    archive = openPacketZip(zip, limits, zipOptions);
  } catch (err) {
    if (err instanceof UnsafeZipError) return fail('unsafe-zip', itemReason(err.text.ko, err.text.en));
    throw err;
  }
  try {
    return await inspectOpened(archive, hash);
  } catch (err) {
    // An entry that breaks a cap or its CRC while it is inflated.
    if (err instanceof ZipError) {
      const { text } = asUnsafeZipError(err);
      return fail('unsafe-zip', itemReason(text.ko, text.en));
    }
    throw err;
  }
}

async function inspectOpened(archive: ZipArchive, hash: Sha256Hex): Promise<PacketInspection> {
  // The manifest first: a zip without one is refused before anything else is inflated.
  const manifestEntry = archive.get(MANIFEST_PATH);
  if (!manifestEntry) return fail('manifest-missing', itemReason('manifest.json이 없어요 (증빙 묶음이 아니에요)', 'manifest.json is missing (not an evidence packet)'));
  if (manifestEntry.size > MAX_MANIFEST_BYTES) return fail('manifest-invalid', itemReason(`manifest.json이 너무 커요 (${manifestEntry.size} B)`, 'manifest.json is too large'));
  const manifestBytes = archive.read(manifestEntry);
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(decoder.decode(manifestBytes));
  } catch (err) {
    return fail('manifest-invalid', itemReason('manifest.json이 JSON이 아니에요', `manifest.json is not JSON: ${(err as Error).message}`));
  }
  const parsed = manifestSchema.safeParse(manifestJson);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return fail('manifest-invalid', itemReason('manifest.json 형식이 맞지 않아요', `manifest.json is malformed: ${detail}`));
  }
  const manifest = parsed.data;
  const reasons: ItemReason[] = [];
  let code = '';
  const listed = new Set<string>();
  const digests: (EntryDigest | null)[] = [];
  // One entry at a time: at most one small entry (or one stream's buffers) is held while hashing.
  for (const entry of manifest.files) {
    const zipEntry = archive.get(entry.path);
    const digest = zipEntry ? await digestEntry(archive, zipEntry, hash) : null;
    if (digest && entry.path !== 'claim.json' && entry.path !== INCIDENT_PACK_PATH) delete digest.bytes;
    digests.push(digest);
  }
  manifest.files.forEach((entry, i) => {
    listed.add(entry.path);
    const digest = digests[i];
    if (!digest) {
      code ||= 'file-missing';
      reasons.push(itemReason(`목록에 있는 파일이 없어요: ${entry.path}`, `listed file is missing: ${entry.path}`));
      return;
    }
    if (digest.size !== entry.size) {
      code ||= 'size-mismatch';
      reasons.push(itemReason(`파일 크기가 달라요: ${entry.path}`, `size differs from the manifest: ${entry.path}`));
    }
    if (digest.sha256 !== entry.sha256) {
      code ||= 'hash-mismatch';
      reasons.push(itemReason(`파일 내용이 바뀌었어요 (SHA-256 불일치): ${entry.path}`, `content changed (SHA-256 mismatch): ${entry.path}`));
    }
  });
  for (const { name: path } of [...archive.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (path !== MANIFEST_PATH && !listed.has(path)) {
      code ||= 'file-unlisted';
      reasons.push(itemReason(`목록에 없는 파일이 들어 있어요: ${path}`, `file not in the manifest: ${path}`));
    }
  }
  const claimEntry = archive.get('claim.json');
  if (!claimEntry) return fail(code || 'file-missing', ...reasons, ...(listed.has('claim.json') ? [] : [itemReason('claim.json이 없어요', 'claim.json is missing')]));
  if (reasons.length) return fail(code, ...reasons);
  const claimIndex = manifest.files.findIndex((f) => f.path === 'claim.json');
  const claimBytes = digests[claimIndex]?.bytes ?? archive.read(claimEntry);
  const claimResult = parseClaimFile(decoder.decode(claimBytes), { memo: claimMemo });
  if (!claimResult.ok) return fail('claim-invalid', ...claimResult.issues.map((i) => itemReason(i.message.ko, i.message.en, bt(`claim.json ${i.path || '(전체)'}`, ''))));
  const claim = claimResult.claim;
  if (claim.id !== manifest.claimId) {
    return fail('claim-id-mismatch', itemReason(`청구 ID가 달라요: claim.json ${claim.id}, manifest ${manifest.claimId}`, 'claim id differs from the manifest'));
  }
  // The pack the packet was computed with, when it is not bundled: checked as verifyPacket checks it.
  let pack: IncidentPack | undefined;
  const packIndex = manifest.files.findIndex((f) => f.path === INCIDENT_PACK_PATH);
  const packEntry = packIndex >= 0 ? archive.get(INCIDENT_PACK_PATH) : undefined;
  if (packEntry) {
    const read = readEmbeddedPack(archive, packEntry, digests[packIndex]?.bytes);
    if (!read.ok) return fail('pack-invalid', ...read.issues.map((i) => itemReason(i.message.ko, i.message.en, bt(`${INCIDENT_PACK_PATH} ${i.path || '(전체)'}`, ''))));
    const mismatch = embeddedPackMismatch(claim, read.pack);
    if (mismatch) return fail('pack-mismatch', itemReason(mismatch.ko, mismatch.en));
    pack = read.pack;
  }
  const profile = findChannelProfile(manifest.channel, pack);
  if (!profile) return fail('channel-unknown', itemReason(`알 수 없는 채널이에요: ${manifest.channel}`, 'unknown channel'));
  // The figures alone (packetFigures, what describeClaim gives as `figures`), not the packet's words.
  const estimate = estimateClaim(claim, pack ? { pack } : {});
  const mismatches = compareFigures(manifest.figures, packetFigures(estimate, profile));
  if (mismatches.length) return fail('figure-mismatch', ...mismatches);
  // claim.json's hash was just checked against the manifest's entry: no need to compute it again.
  const claimSha256 = digests[claimIndex]?.sha256 ?? (await hash(claimBytes));
  return { ok: true, claim, estimate, claimSha256, manifestSha256: await hash(manifestBytes), ...(pack ? { pack } : {}) };
}

export type ItemFormat = 'packet' | 'claim' | 'roster-csv' | 'roster-xlsx' | 'unknown';

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** What an item is, from its name first and its bytes second (a zip named .xlsx is a workbook). */
export function itemFormat(fileName: string, bytes: Uint8Array): ItemFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'roster-xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'roster-csv';
  if (lower.endsWith('.json')) return 'claim';
  if (lower.endsWith('.zip') || isZip(bytes)) return 'packet';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] === 0x7b) return 'claim';
  return 'unknown';
}

export async function readPacketItem(file: string, bytes: Uint8Array, fileSha256?: string, hash: Sha256Hex = sha256Hex, zipOptions?: ZipOptions): Promise<ItemResult> {
  const inspection = await inspectPacket(bytes, undefined, hash, zipOptions);
  if (!inspection.ok) return { members: [], invalid: [{ file, code: inspection.code, reasons: inspection.reasons }] };
  const source: MemberSource = {
    kind: 'packet',
    file,
    fileSha256: fileSha256 ?? (await hash(bytes)),
    claimSha256: inspection.claimSha256,
    manifestSha256: inspection.manifestSha256,
  };
  return { members: [memberFromClaim(inspection.claim, inspection.estimate, source, inspection.pack)], invalid: [] };
}

export async function readClaimItem(file: string, bytes: Uint8Array, fileSha256?: string): Promise<ItemResult> {
  const parsed = parseClaimFile(decoder.decode(bytes), { memo: claimMemo });
  if (!parsed.ok) {
    const reasons = parsed.issues.slice(0, 5).map((i) => itemReason(i.message.ko, i.message.en, i.path ? bt(i.path, '') : undefined));
    const more = parsed.issues.length - reasons.length;
    return { members: [], invalid: [{ file, code: 'claim-invalid', reasons, ...(more > 0 ? { more } : {}) }] };
  }
  const estimate = estimateClaim(parsed.claim);
  const hash = fileSha256 ?? (await sha256Hex(bytes));
  // A bare claim's hash is its claim.json hash: the same claim inside a packet is the same claim.
  const source: MemberSource = { kind: 'claim', file, fileSha256: hash, claimSha256: hash };
  return { members: [memberFromClaim(parsed.claim, estimate, source)], invalid: [] };
}

export function unknownItem(file: string): ItemResult {
  return {
    members: [],
    invalid: [{
      file,
      code: 'unknown-format',
      reasons: [itemReason('증빙 묶음(zip), 청구 파일(JSON), 회원 명단(CSV/XLSX) 중 어느 것도 아니에요', 'not an evidence packet (zip), a claim file (JSON) or a member roster (CSV/XLSX)')],
    }],
  };
}
