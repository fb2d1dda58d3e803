import { writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { buildPacketWithoutReport } from '../core/batch/synth-packet';
import type { Claim } from '../core/model/claim';
import { nodeSha256Hex } from './hash.js';
import { writeZipNative } from './zip-native.js';

/**
 * One thread of `synth`'s writers: builds a member's packet (no report.pdf) from the claim the main thread
 * made, in the order the seeded generator gave it, and writes it under every name it goes by (a planted
 * copy is the same bytes). The packet's bytes depend only on the claim, so which thread builds it does
 * not change a byte.
 */
export type SynthJob = { id: number; claim: Claim; channel: string; paths: string[]; appVersion: string; now: string };
export type SynthReply = { id: number; ok: true } | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('synth-worker.ts runs only as a worker thread');

port.on('message', (job: SynthJob) => {
  buildPacketWithoutReport(job.claim, job.channel, job.appVersion, new Date(job.now), { sha256: nodeSha256Hex, zip: writeZipNative }).then(
    ({ bytes }) => {
      for (const path of job.paths) writeFileSync(path, bytes);
      port.postMessage({ id: job.id, ok: true } satisfies SynthReply);
    },
    (err: unknown) => port.postMessage({ id: job.id, ok: false, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies SynthReply),
  );
});
