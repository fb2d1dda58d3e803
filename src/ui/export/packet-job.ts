import { serializeClaim } from '../../core/model';
import type { Claim } from '../../core/model';
import type { IncidentPack } from '../../core/model/incident-pack';
import { buildPacket, PacketInputError } from '../../core/packet/build';
import { sha256Hex } from '../../core/packet/hash';
import type { PacketFonts } from '../../core/packet/pdf';
import type { ReadinessIssue } from '../../core/packet/readiness';
import type { ChainCheck } from '../../core/quicklog/chain';
import type { BilingualText } from '../../core/model/common';
import { errorText } from '../format';

/**
 * One packet build, as the worker runs it (and a Node test runs it with fonts read from disk). Kept apart
 * from the worker's message wiring so it can be tested without a Worker.
 */

export type PacketJobRequest = {
  claim: Claim;
  channel: string;
  /** Evidence files by the claim's fileName; Blobs straight from the evidence table (cloned, not copied). */
  evidence: { fileName: string; blob: Blob }[];
  appVersion: string;
  /** The quick log's chain, checked on the desktop (absent without a log). */
  quickLog?: ChainCheck;
  /** The claim's pack when it is stored here, not bundled: used for the figures and carried in the packet. */
  pack?: IncidentPack;
  /** ISO instant: the packet's time stamp. */
  now: string;
};

export type PacketJobStage = 'reading' | 'fonts' | 'building';

export type PacketJobMessage =
  | { type: 'progress'; stage: PacketJobStage }
  | { type: 'done'; fileName: string; bytes: Uint8Array; sha256: string; readiness: ReadinessIssue[] }
  /** `input`: the claim or its files are at fault (a message for the person), not the app. */
  | { type: 'error'; message: string; input: boolean; text: BilingualText };

export async function runPacketJob(
  request: PacketJobRequest,
  loadFonts: () => Promise<PacketFonts>,
  post: (message: PacketJobMessage, transfer?: Transferable[]) => void,
): Promise<void> {
  try {
    post({ type: 'progress', stage: 'reading' });
    const evidenceFiles = new Map<string, Uint8Array>();
    for (const file of request.evidence) evidenceFiles.set(file.fileName, new Uint8Array(await file.blob.arrayBuffer()));
    post({ type: 'progress', stage: 'fonts' });
    const fonts = await loadFonts();
    post({ type: 'progress', stage: 'building' });
    const built = await buildPacket({
      claim: request.claim,
      // The same text the claim file export writes, so claim.json's hash matches a saved claim file.
      claimFileBytes: new TextEncoder().encode(serializeClaim(request.claim)),
      channel: request.channel,
      evidenceFiles,
      ...(request.quickLog ? { quickLog: request.quickLog } : {}),
      ...(request.pack ? { pack: request.pack } : {}),
      fonts,
      appVersion: request.appVersion,
      now: new Date(request.now),
    });
    const sha256 = await sha256Hex(built.bytes);
    post({ type: 'done', fileName: built.fileName, bytes: built.bytes, sha256, readiness: built.readiness }, [built.bytes.buffer as ArrayBuffer]);
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err), input: err instanceof PacketInputError, text: errorText(err) });
  }
}
