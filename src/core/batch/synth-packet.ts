import type { Claim } from '../model/claim';
import { serializeClaim } from '../model/claim-file';
import { recordsCsv } from '../packet/csv';
import { describeClaim } from '../packet/facts';
import { fillFormFields, formTxt } from '../packet/form';
import { isoKst } from '../packet/format';
import { sha256Hex, type Sha256Hex } from '../packet/hash';
import { MANIFEST_PATH, PACKET_FORMAT, PACKET_FORMAT_VERSION, type PacketManifest } from '../packet/manifest';
import { packetReadiness } from '../packet/readiness';
import { readmeTxt } from '../packet/readme';
import { resolveProfile } from '../packet/build';
import { writeZip, type ZipEntries } from '../packet/zip';

/**
 * A packet without report.pdf, for synthetic batches only: rendering a PDF costs 150-900 ms a packet,
 * 10,000 of them half an hour. Everything else is made by the packet module's own parts, in the order
 * buildPacket (core/packet/build.ts) uses, and `verifyPacket` accepts it (it checks the files the manifest
 * lists, and report.pdf is not listed). Real members' packets come from buildPacket.
 */

const encoder = new TextEncoder();

/** What synth may swap for faster native parts (the CLI: node:crypto's hash, zlib's deflate); core's by default. */
export type SynthPacketTools = { sha256?: Sha256Hex; zip?: (entries: ZipEntries, madeAt: Date) => Uint8Array };

export async function buildPacketWithoutReport(claim: Claim, channel: string, appVersion: string, now: Date, tools: SynthPacketTools = {}): Promise<{ bytes: Uint8Array; claimBytes: Uint8Array }> {
  const hash = tools.sha256 ?? sha256Hex;
  const profile = resolveProfile(channel);
  const description = describeClaim(claim, profile);
  const fields = fillFormFields(profile, description.facts, description.choiceContext);
  const readiness = packetReadiness(profile, claim, description, fields);
  const claimBytes = encoder.encode(serializeClaim(claim));
  const files: { path: string; bytes: Uint8Array }[] = [
    { path: 'claim.json', bytes: claimBytes },
    { path: 'records.csv', bytes: recordsCsv(claim.records, claim.claimant.salesChannels, claim.claimant.kind) },
    { path: 'form.txt', bytes: encoder.encode(`\uFEFF${formTxt(profile, fields)}`) },
  ];
  files.push({ path: 'README.txt', bytes: encoder.encode(`\uFEFF${readmeTxt(profile, description, files.map((f) => f.path), readiness)}`) });
  const manifest: PacketManifest = {
    format: PACKET_FORMAT,
    formatVersion: PACKET_FORMAT_VERSION,
    app: { name: 'Outage Loss Desk', version: appVersion },
    madeAt: isoKst(now),
    channel: profile.id,
    claimId: claim.id,
    files: await Promise.all(files.map(async (f) => ({ path: f.path, size: f.bytes.length, sha256: await hash(f.bytes) }))),
    figures: description.figures,
  };
  const entries = [
    { path: 'README.txt', bytes: files[files.length - 1]!.bytes },
    { path: MANIFEST_PATH, bytes: encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`) },
    ...files.slice(0, -1),
  ];
  return { bytes: (tools.zip ?? writeZip)(entries, now), claimBytes };
}
