import { parseClaimFile } from '../model/claim-file';
import { describeClaim } from './facts';
import type { IncidentPack } from '../model/incident-pack';
import { embeddedPackMismatch, INCIDENT_PACK_PATH, readEmbeddedPack } from './incident-pack';
import { MANIFEST_PATH, manifestSchema, type PacketFigures, type PacketManifest } from './manifest';
import { findChannelProfile } from './profiles';
import { ZipError, type ZipArchive, type ZipSource } from '../zip/index';
import { digestEntry, MAX_MANIFEST_BYTES } from './entries';
import { asUnsafeZipError, openPacketZip, UnsafeZipError, type UnzipLimits } from './zip';
import { bt, joined, readJoined, type BilingualText } from '../model/common';

/**
 * Checks a packet as a recipient would: the zip is safe to open, every file is the one the manifest lists
 * (size and SHA-256), nothing was added, claim.json is a valid claim, and recomputing the estimate from it
 * (with the incident pack the packet carries, for an outage not bundled with the app) gives the figures
 * the manifest states. Pure: bytes in, problems out.
 */

/**
 * One thing wrong with a packet: `text` in both languages for a screen (textIn picks one), `message` the same
 * text joined on one line for the CLI and the batch's written files.
 */
export type VerifyProblem = { code: string; path?: string; text: BilingualText; message: string };

const problem = (code: string, path: string | undefined, text: BilingualText): VerifyProblem => ({
  code,
  ...(path !== undefined ? { path } : {}),
  text,
  message: joined(text),
});
export type VerifyResult = { ok: boolean; problems: VerifyProblem[]; manifest: PacketManifest | null };

const decoder = new TextDecoder('utf-8', { fatal: false });

function compareFigures(written: PacketFigures, recomputed: PacketFigures): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const keys = Object.keys(recomputed) as (keyof PacketFigures)[];
  for (const key of keys) {
    const a = JSON.stringify(written[key]);
    const b = JSON.stringify(recomputed[key]);
    if (a !== b) {
      problems.push(problem('figure-mismatch', `manifest.json#figures.${key}`, bt(`금액이 다시 계산한 값과 달라요: figures.${key} 적힌 값 ${a}, 다시 계산 ${b}`, 'figure does not match the recomputed estimate')));
    }
  }
  return problems;
}

export async function verifyPacket(zip: Uint8Array | ZipSource, limits?: UnzipLimits): Promise<VerifyResult> {
  let archive: ZipArchive;
  try {
    archive = openPacketZip(zip, limits);
  } catch (err) {
    if (err instanceof UnsafeZipError) return { ok: false, problems: [problem('unsafe-zip', err.entry, err.text)], manifest: null };
    throw err;
  }
  const problems: VerifyProblem[] = [];
  let manifest: PacketManifest | null = null;
  try {
    return await verifyOpened(archive, problems, (m) => (manifest = m));
  } catch (err) {
    // An entry that breaks a cap or its CRC while it is inflated: the packet is refused, naming the entry.
    if (!(err instanceof ZipError)) throw err;
    const unsafe = asUnsafeZipError(err);
    problems.push(problem('unsafe-zip', err.entry, unsafe.text));
    return { ok: false, problems, manifest };
  }
}

async function verifyOpened(archive: ZipArchive, problems: VerifyProblem[], keep: (m: PacketManifest) => void): Promise<VerifyResult> {
  // The manifest first: a zip without one is refused before anything else is inflated.
  const manifestEntry = archive.get(MANIFEST_PATH);
  if (!manifestEntry) {
    return { ok: false, problems: [problem('manifest-missing', MANIFEST_PATH, bt('manifest.json이 없어요', 'manifest.json is missing'))], manifest: null };
  }
  if (manifestEntry.size > MAX_MANIFEST_BYTES) {
    return { ok: false, problems: [problem('manifest-invalid', MANIFEST_PATH, bt(`manifest.json이 너무 커요 (${manifestEntry.size} B)`, 'manifest.json is too large'))], manifest: null };
  }
  const manifestBytes = archive.read(manifestEntry);
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(decoder.decode(manifestBytes));
  } catch (err) {
    return { ok: false, problems: [problem('manifest-invalid', MANIFEST_PATH, bt('manifest.json이 JSON이 아니에요', `manifest.json is not JSON: ${(err as Error).message}`))], manifest: null };
  }
  const parsed = manifestSchema.safeParse(manifestJson);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), reason: readJoined(i.message) }));
    const detail = (language: 'ko' | 'en') => issues.map((i) => `${i.path}: ${i.reason[language] || i.reason.ko}`).join('; ');
    return { ok: false, problems: [problem('manifest-invalid', MANIFEST_PATH, bt(`manifest.json 형식이 맞지 않아요: ${detail('ko')}`, `manifest.json is malformed: ${detail('en')}`))], manifest: null };
  }
  const manifest = parsed.data;
  keep(manifest);

  const listed = new Set<string>();
  let claimBytes: Uint8Array | undefined;
  let packBytes: Uint8Array | undefined;
  for (const entry of manifest.files) {
    listed.add(entry.path);
    const zipEntry = archive.get(entry.path);
    if (!zipEntry) {
      problems.push(problem('file-missing', entry.path, bt(`목록에 있는 파일이 없어요: ${entry.path}`, `listed file is missing: ${entry.path}`)));
      continue;
    }
    const digest = await digestEntry(archive, zipEntry);
    if (entry.path === 'claim.json') claimBytes = digest.bytes;
    if (entry.path === INCIDENT_PACK_PATH) packBytes = digest.bytes;
    if (digest.size !== entry.size) {
      problems.push(problem('size-mismatch', entry.path, bt(`파일 크기가 달라요: ${entry.path} (${digest.size} B, 목록 ${entry.size} B)`, `size differs from the manifest: ${entry.path} (${digest.size} B, listed ${entry.size} B)`)));
    }
    if (digest.sha256 !== entry.sha256) {
      problems.push(problem('hash-mismatch', entry.path, bt(`파일 내용이 바뀌었어요 (SHA-256 불일치): ${entry.path}`, `content changed (SHA-256 mismatch): ${entry.path}`)));
    }
  }
  for (const { name: path } of [...archive.entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (path !== MANIFEST_PATH && !listed.has(path)) {
      problems.push(problem('file-unlisted', path, bt(`목록에 없는 파일이 들어 있어요: ${path}`, `file not in the manifest: ${path}`)));
    }
  }

  const claimEntry = archive.get('claim.json');
  if (!claimEntry) {
    if (!problems.some((p) => p.path === 'claim.json')) problems.push(problem('file-missing', 'claim.json', bt('claim.json이 없어요', 'claim.json is missing')));
    return { ok: false, problems, manifest };
  }
  claimBytes ??= archive.read(claimEntry);
  const claimResult = parseClaimFile(decoder.decode(claimBytes));
  if (!claimResult.ok) {
    for (const issue of claimResult.issues) {
      problems.push(problem('claim-invalid', `claim.json#${issue.path}`, bt(`claim.json ${issue.path || '(전체)'}: ${issue.message.ko}`, `claim.json ${issue.path || '(whole file)'}: ${issue.message.en || issue.message.ko}`)));
    }
    return { ok: false, problems, manifest };
  }
  const claim = claimResult.claim;
  if (claim.id !== manifest.claimId) {
    problems.push(problem('claim-id-mismatch', 'claim.json#id', bt(`청구 ID가 달라요: claim.json ${claim.id}, manifest ${manifest.claimId}`, `claim id differs from the manifest: claim.json ${claim.id}, manifest ${manifest.claimId}`)));
  }
  // A claim on a pack that is not bundled: the packet carries the pack (listed and hashed above), and the
  // figures are recomputed with it. A pack that fails the pack format is refused with its field path.
  let pack: IncidentPack | undefined;
  const packEntry = listed.has(INCIDENT_PACK_PATH) ? archive.get(INCIDENT_PACK_PATH) : undefined;
  if (packEntry) {
    const read = readEmbeddedPack(archive, packEntry, packBytes);
    if (!read.ok) {
      for (const issue of read.issues) {
        problems.push(problem('pack-invalid', `${INCIDENT_PACK_PATH}#${issue.path}`, bt(`${INCIDENT_PACK_PATH} ${issue.path || '(전체)'}: ${issue.message.ko}`, `${INCIDENT_PACK_PATH} ${issue.path || '(whole file)'}: ${issue.message.en || issue.message.ko}`)));
      }
      return { ok: false, problems, manifest };
    }
    const mismatch = embeddedPackMismatch(claim, read.pack);
    if (mismatch) {
      problems.push(problem('pack-mismatch', `${INCIDENT_PACK_PATH}#id`, mismatch));
      return { ok: false, problems, manifest };
    }
    pack = read.pack;
  }
  const profile = findChannelProfile(manifest.channel, pack);
  if (!profile) {
    problems.push(problem('channel-unknown', 'manifest.json#channel', bt(`알 수 없는 채널이에요: ${manifest.channel}`, `unknown channel: ${manifest.channel}`)));
    return { ok: false, problems, manifest };
  }
  problems.push(...compareFigures(manifest.figures, describeClaim(claim, profile, new Set(), pack).figures));
  return { ok: problems.length === 0, problems, manifest };
}
