import type { Claim } from '../model/claim';
import { MAX_PACK_BYTES, type IncidentPack } from '../model/incident-pack';
import { bt, type BilingualText } from '../model/common';
import type { ZipArchive, ZipEntry } from '../zip/index';
import { BUNDLED_PACKS, findBundledPack } from '../incidents/bundled';
import { parseIncidentPackText, type PackIssue } from '../incidents/pack';
import { packForClaim } from '../estimate/rules/index';

/**
 * The incident pack a packet was computed with, when it is not bundled with the app (a pack imported from a
 * file or written in the pack form): the packet carries it as `incident-pack.json`, listed and hashed in the
 * manifest like every other file, so `verify` and `batch` re-estimate with the same rules. A claim on a
 * bundled pack carries none: every copy of the app has that pack already.
 */
export const INCIDENT_PACK_PATH = 'incident-pack.json';

/** The pack to embed for a claim: the given one when the claim's incident comes from it and it is not bundled. */
export function packToEmbed(claim: Pick<Claim, 'incident'>, pack: IncidentPack | undefined): IncidentPack | undefined {
  if (!pack || findBundledPack(pack.id)) return undefined;
  return packForClaim(claim, pack) === pack ? pack : undefined;
}

/** The embedded pack's bytes: the pack as JSON, the same bytes for the same pack. */
export function incidentPackBytes(pack: IncidentPack): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(pack, null, 2)}\n`);
}

export type EmbeddedPackResult = { ok: true; pack: IncidentPack } | { ok: false; issues: PackIssue[] };

/**
 * Reads a packet's `incident-pack.json` with the pack format's own checks (the same as importing a pack
 * file); a pack that reuses a bundled pack's id with other content is refused. Issues name the field path.
 */
export function readEmbeddedPack(archive: ZipArchive, entry: ZipEntry, bytes?: Uint8Array): EmbeddedPackResult {
  // Refused before it is inflated: a pack file is at most MAX_PACK_BYTES.
  if (entry.size > MAX_PACK_BYTES) {
    return { ok: false, issues: [{ path: '', message: bt(`장애 팩 파일이 너무 커요 (${entry.size} 바이트, 최대 ${MAX_PACK_BYTES})`, `the pack file is too large (${entry.size} bytes, at most ${MAX_PACK_BYTES})`) }] };
  }
  bytes ??= archive.read(entry);
  return parseIncidentPackText(new TextDecoder('utf-8', { fatal: false }).decode(bytes), { bundled: BUNDLED_PACKS });
}

/** The embedded pack must be the claim's own (its incident's pack id and version). */
export function embeddedPackMismatch(claim: Pick<Claim, 'incident'>, pack: IncidentPack): BilingualText | null {
  const id = claim.incident.presetId ?? claim.incident.id;
  if (pack.id !== claim.incident.presetId && pack.id !== claim.incident.id) return bt(`장애 팩(${pack.id})이 청구의 장애(${id})와 달라요`, `the embedded pack (${pack.id}) is not the claim's incident's pack (${id})`);
  const version = claim.incident.presetVersion;
  if (version !== undefined && pack.version !== version) return bt(`장애 팩의 버전(${pack.version})이 청구의 버전(${version})과 달라요`, `the embedded pack's version (${pack.version}) differs from the claim's (${version})`);
  return null;
}
