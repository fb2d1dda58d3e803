import type { Claim } from '../model/claim';
import type { IncidentPack } from '../model/incident-pack';
import { bt, joined, readJoined, type BilingualText } from '../model/common';
import type { ChainCheck } from '../quicklog/chain';
import { withQuickLog } from './quick-log';
import { recordsCsv } from './csv';
import { describeClaim, type ClaimDescription } from './facts';
import { fillFormFields, formTxt, type FilledField } from './form';
import { isoKst } from './format';
import { incidentPackBytes, INCIDENT_PACK_PATH, packToEmbed } from './incident-pack';
import { sha256Hex } from './hash';
import { MANIFEST_PATH, PACKET_FORMAT, PACKET_FORMAT_VERSION, type PacketManifest } from './manifest';
import { renderPdf, reportDocument, type PacketFonts } from './pdf';
import type { ChannelProfile } from './profile';
import { findChannelProfile, CHANNEL_IDS } from './profiles';
import { packetReadiness, type ReadinessIssue } from './readiness';
import { readmeTxt } from './readme';
import { collisionKey } from '../zip/index';
import { unsafePathReason, writeZip } from './zip';

export type BuildPacketInput = {
  claim: Claim;
  /** The claim file exactly as the user has it; written as claim.json so its hash matches their copy. */
  claimFileBytes?: Uint8Array;
  channel: string | ChannelProfile;
  /** Evidence bytes by the evidence item's fileName; each is checked against the claim's SHA-256 and size. */
  evidenceFiles?: ReadonlyMap<string, Uint8Array>;
  /**
   * `error` (default): every evidence item's file must be supplied. `list`: a missing file is listed in the
   * report as not included and reported as a readiness issue (for claims whose files live elsewhere).
   */
  missingEvidence?: 'error' | 'list';
  /**
   * The claim's incident pack when it is not bundled (stored on this computer): its rules and channels are
   * used, and the packet carries it as incident-pack.json so `verify` recomputes with the same rules.
   */
  pack?: IncidentPack;
  /** The quick log's chain, checked, when the claim has one (issue 19): the packet reports it in words. */
  quickLog?: ChainCheck;
  fonts: PacketFonts;
  appVersion: string;
  /** Injected clock: the packet's time stamp; same inputs and clock give the same bytes. */
  now: Date;
};

export type BuiltPacket = {
  fileName: string;
  bytes: Uint8Array;
  manifest: PacketManifest;
  fields: FilledField[];
  readiness: ReadinessIssue[];
  description: ClaimDescription;
};

/** Evidence the packet cannot be made from: `text` says which file and why in each language. */
export class PacketInputError extends Error {
  constructor(readonly text: BilingualText) {
    super(joined(text));
    this.name = 'PacketInputError';
  }
}

export function resolveProfile(channel: string | ChannelProfile, pack?: IncidentPack): ChannelProfile {
  if (typeof channel !== 'string') return channel;
  const profile = findChannelProfile(channel, pack);
  if (!profile) {
    throw new PacketInputError(bt(`알 수 없는 채널이에요: ${channel} (가능: ${CHANNEL_IDS.join(', ')})`, `unknown channel: ${channel} (known: ${CHANNEL_IDS.join(', ')})`));
  }
  return profile;
}

/** A file-system-safe packet name: `<title or id>-<channel>.zip`. */
export function packetFileName(claim: Claim, profile: ChannelProfile): string {
  // The Korean half of a "한국어 / English" title keeps the name short.
  const base = ((claim.title ? readJoined(claim.title).ko.trim() : '') || claim.id)
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]+/g, '_')
    .replace(/\p{Cc}+/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  return `${base || claim.id}-${profile.id}.zip`;
}

async function checkedEvidence(
  claim: Claim,
  files: ReadonlyMap<string, Uint8Array>,
  missing: 'error' | 'list',
): Promise<{ included: { path: string; bytes: Uint8Array }[]; missingIds: string[] }> {
  const out: { path: string; bytes: Uint8Array }[] = [];
  const missingIds: string[] = [];
  const names = new Set<string>();
  for (const item of claim.evidence) {
    const name = item.fileName.normalize('NFC');
    const unsafe = unsafePathReason(name);
    const reason = unsafe ?? (name.includes('/') ? bt('폴더 경로는 쓸 수 없어요', 'no folders in a file name') : null);
    if (reason) {
      throw new PacketInputError(
        bt(`증빙 파일 이름이 안전하지 않아요: "${item.fileName}" (${reason.ko})`, `unsafe evidence file name: "${item.fileName}" (${reason.en || reason.ko})`),
      );
    }
    // Case-insensitively too: unzip on Windows or macOS would write one file over the other.
    if (names.has(collisionKey(name))) throw new PacketInputError(bt(`증빙 파일 이름이 겹쳐요 (대소문자 구분 없이): ${item.fileName}`, `duplicate evidence file name (ignoring case): ${item.fileName}`));
    names.add(collisionKey(name));
    const bytes = files.get(item.fileName) ?? files.get(name);
    if (!bytes) {
      if (missing === 'list') {
        missingIds.push(item.id);
        continue;
      }
      throw new PacketInputError(bt(`증빙 파일이 없어요: ${item.fileName}`, `evidence file missing: ${item.fileName}`));
    }
    const hash = await sha256Hex(bytes);
    if (hash !== item.sha256 || bytes.length !== item.size) {
      const found = `SHA-256 ${hash.slice(0, 12)}…, ${bytes.length} B`;
      const listed = `${item.sha256.slice(0, 12)}…, ${item.size} B`;
      throw new PacketInputError(
        bt(`증빙 파일이 청구 파일에 적힌 것과 달라요: ${item.fileName} (${found}; 적힌 값 ${listed})`, `evidence file does not match the claim's hash or size: ${item.fileName} (${found}; listed ${listed})`),
      );
    }
    out.push({ path: `evidence/${name}`, bytes });
  }
  return { included: out, missingIds };
}

const encoder = new TextEncoder();

export async function buildPacket(input: BuildPacketInput): Promise<BuiltPacket> {
  const claim = input.claim;
  const pack = packToEmbed(claim, input.pack);
  const profile = resolveProfile(input.channel, pack);
  const evidence = await checkedEvidence(claim, input.evidenceFiles ?? new Map(), input.missingEvidence ?? 'error');
  const description = withQuickLog(describeClaim(claim, profile, new Set(evidence.missingIds), pack), input.quickLog);
  const fields = fillFormFields(profile, description.facts, description.choiceContext);
  const readiness = packetReadiness(profile, claim, description, fields, pack);

  const claimBytes = input.claimFileBytes ?? encoder.encode(`${JSON.stringify(claim, null, 2)}\n`);
  const pdf = await renderPdf(reportDocument(description.report, profile, input.now), input.fonts);
  const files: { path: string; bytes: Uint8Array }[] = [
    { path: 'claim.json', bytes: claimBytes },
    { path: 'report.pdf', bytes: pdf },
    { path: 'records.csv', bytes: recordsCsv(claim.records, claim.claimant.salesChannels, claim.claimant.kind) },
    { path: 'form.txt', bytes: encoder.encode(`\uFEFF${formTxt(profile, fields)}`) },
    // A claim on a bundled pack carries none, so its packet's bytes are what they were before packs could be imported.
    ...(pack ? [{ path: INCIDENT_PACK_PATH, bytes: incidentPackBytes(pack) }] : []),
    ...evidence.included,
  ];
  files.push({ path: 'README.txt', bytes: encoder.encode(`\uFEFF${readmeTxt(profile, description, files.map((f) => f.path), readiness)}`) });

  const manifest: PacketManifest = {
    format: PACKET_FORMAT,
    formatVersion: PACKET_FORMAT_VERSION,
    app: { name: 'Outage Loss Desk', version: input.appVersion },
    madeAt: isoKst(input.now),
    channel: profile.id,
    claimId: claim.id,
    files: await Promise.all(files.map(async (f) => ({ path: f.path, size: f.bytes.length, sha256: await sha256Hex(f.bytes) }))),
    figures: description.figures,
  };
  const entries = [
    { path: 'README.txt', bytes: files[files.length - 1]!.bytes },
    { path: MANIFEST_PATH, bytes: encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`) },
    ...files.slice(0, -1),
  ];
  return {
    fileName: packetFileName(claim, profile),
    bytes: writeZip(entries, input.now),
    manifest,
    fields,
    readiness,
    description,
  };
}
