import { findDuplicates } from '../../core/batch/dedupe';
import { progressRate } from '../../core/batch/progress';
import { batchRosterCsv, batchRosterXlsx, batchSummaryPdf, readBatchSources, writeBatchZip } from '../../core/batch/run';
import type { Cp949Decoder } from '../../core/io/encoding';
import { errorText } from '../format';
import type { PacketFonts } from '../../core/packet/pdf';
import type { BatchJobMessage, BatchJobPhase, BatchJobRequest, ExportJob, ReadJob } from './protocol';

/**
 * One batch job as the worker runs it, kept apart from the worker's message wiring so a test can run
 * the same code without a Worker. Everything it does is the core's batch pipeline (the CLI's too).
 */

export type BatchJobDeps = {
  loadFonts: () => Promise<PacketFonts>;
  decodeCp949?: Cp949Decoder;
  /** Progress messages at most this often (ms); the last one of a phase always goes. */
  progressEveryMs?: number;
};

type Post = (message: BatchJobMessage, transfer?: Transferable[]) => void;

function progress(post: Post, everyMs: number) {
  let last = 0;
  let current: BatchJobPhase | null = null;
  let started = 0;
  return (phase: BatchJobPhase, done: number, total: number) => {
    const now = performance.now();
    if (phase !== current) {
      current = phase;
      started = now;
    }
    if (done < total && done > 0 && now - last < everyMs) return;
    last = now;
    // The rate and time left from this phase's own start, as the CLI reports them.
    const { perSecond, secondsLeft } = progressRate(done, total, now - started);
    post({ type: 'progress', phase, done, total, perSecond, secondsLeft });
  };
}

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

async function runRead(job: ReadJob, deps: BatchJobDeps, post: Post): Promise<void> {
  const report = progress(post, deps.progressEveryMs ?? 100);
  report('reading', 0, job.files.length);
  const read = await readBatchSources(job.files.map((f) => ({ label: f.label, ref: f.file })), blobBytes, {
    inFlight: 4,
    decodeCp949: deps.decodeCp949,
    onProgress: (done, total) => report('reading', done, total),
  });
  report('duplicates', 0, 1);
  const members = [...job.members, ...read.members];
  const invalid = [...job.invalid, ...read.invalid];
  const pairs = findDuplicates(members);
  post({ type: 'read-done', members, invalid, pairs });
}

async function runExport(job: ExportJob, deps: BatchJobDeps, post: Post): Promise<void> {
  const report = progress(post, deps.progressEveryMs ?? 100);
  const options = { now: new Date(job.now), redact: job.redact, appVersion: job.appVersion };
  const summary = async () => {
    report('fonts', 0, 1);
    const fonts = await deps.loadFonts();
    report('summary', 0, 1);
    return batchSummaryPdf(job.result, options, fonts);
  };
  let bytes: Uint8Array;
  if (job.kind === 'csv') {
    report('roster', 0, 1);
    bytes = batchRosterCsv(job.result, job.redact);
  } else if (job.kind === 'xlsx') {
    report('roster', 0, 1);
    bytes = await batchRosterXlsx(job.result, options);
  } else if (job.kind === 'pdf') {
    bytes = await summary();
  } else {
    report('roster', 0, 1);
    const csv = batchRosterCsv(job.result, job.redact);
    const xlsx = await batchRosterXlsx(job.result, options);
    const pdf = await summary();
    const byLabel = new Map(job.files.map((f) => [f.label, f.file]));
    const chunks: Uint8Array[] = [];
    let size = 0;
    report('packets', 0, job.result.applied.kept.filter((m) => m.source.kind === 'packet').length);
    await writeBatchZip(job.result, { csv, xlsx, pdf }, {
      ...options,
      files: job.fileCount,
      readPacket: (m) => {
        const file = byLabel.get(m.source.file);
        if (!file) throw new Error(`묶음 파일을 다시 찾을 수 없어요: ${m.source.file} / the packet file is no longer in the workspace`);
        return blobBytes(file);
      },
      onChunk: (chunk) => {
        chunks.push(chunk);
        size += chunk.length;
      },
      onPacket: (done, total) => report('packets', done, total),
    });
    report('zip', 0, 1);
    bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
  }
  post({ type: 'export-done', kind: job.kind, bytes }, [bytes.buffer as ArrayBuffer]);
}

export async function runBatchJob(request: BatchJobRequest, deps: BatchJobDeps, post: Post): Promise<void> {
  try {
    if (request.type === 'read') await runRead(request, deps, post);
    else await runExport(request, deps, post);
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err), text: errorText(err) });
  }
}
