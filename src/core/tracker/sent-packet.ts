import { parseClaimFile } from '../model/claim-file';
import type { Claim } from '../model/claim';
import { sha256Hex } from '../packet/hash';
import type { PacketManifest } from '../packet/manifest';
import { verifyPacket, type VerifyProblem } from '../packet/verify';
import { readZipSafely } from '../packet/zip';

/**
 * A packet the user says they sent: its SHA-256 (what makes the content provable later), whether it still
 * verifies, which channel and claim it was made for, and the claim inside it.
 */
export type SentPacket = {
  sha256: string;
  size: number;
  ok: boolean;
  problems: VerifyProblem[];
  manifest: PacketManifest | null;
  /** claim.json from the packet, when it parses. */
  claim: Claim | null;
  /** Evidence files in the packet by file name (to add the claim with its evidence when it is not here yet). */
  evidence: Map<string, Uint8Array>;
};

export async function readSentPacket(bytes: Uint8Array): Promise<SentPacket> {
  const [sha256, verified] = await Promise.all([sha256Hex(bytes), verifyPacket(bytes)]);
  let claim: Claim | null = null;
  const evidence = new Map<string, Uint8Array>();
  if (verified.manifest) {
    // verifyPacket already opened it safely; a second safe read gets the files themselves.
    const files = readZipSafely(bytes);
    const claimBytes = files.get('claim.json');
    if (claimBytes) {
      const parsed = parseClaimFile(new TextDecoder().decode(claimBytes));
      if (parsed.ok) claim = parsed.claim;
    }
    for (const [path, data] of files) if (path.startsWith('evidence/')) evidence.set(path.slice('evidence/'.length), data);
  }
  return { sha256, size: bytes.length, ok: verified.ok, problems: verified.problems, manifest: verified.manifest, claim, evidence };
}
