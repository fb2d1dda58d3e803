import { writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildPacket } from '../../core/packet/build';
import { buildPacketWithoutReport } from '../../core/batch/synth-packet';
import { synthPlan } from '../../core/batch/synth';
import { serializeClaim } from '../../core/model/claim-file';
import { Worker } from 'node:worker_threads';
import { CliInputError } from '../errors.js';
import { nodeSha256Hex } from '../hash.js';
import { writeZipNative } from '../zip-native.js';
import { defaultThreads, MAX_THREADS, workerBootstrap } from '../batch-pool.js';
import type { SynthJob, SynthReply } from '../synth-worker.js';
import { appVersion, readPacketFonts } from './packet.js';

export const summary = '시험용 회원 묶음을 만들어요 (심어 둔 중복 포함) / write synthetic member packets with planted duplicates';

const USAGE = '사용법 / usage: outage-desk synth --members <N> --seed <S> --out <dir> [--no-pdf | --claims] [--threads N] [--now 2022-11-01T09:00+09:00]';

/** Enough for Kakao's 105,116 damage reports of 2022 ten times over. */
const MAX_MEMBERS = 1_000_000;

type Options = { members: number; seed: number; outDir: string; pdf: boolean; claims: boolean; threads: number; now: Date };

function parseArgs(args: string[]): Options {
  let members: number | undefined;
  let seed: number | undefined;
  let outDir: string | undefined;
  let pdf = true;
  let claims = false;
  let threads = defaultThreads();
  // A fixed default clock: the same seed gives the same bytes.
  let now = new Date('2022-11-01T09:00:00+09:00');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new CliInputError(`${arg} 뒤에 값이 필요해요 / ${arg} needs a value\n${USAGE}`);
      return v;
    };
    const whole = (raw: string, name: string, min: number, max: number) => {
      if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new CliInputError(`${name}는 ${min}~${max}의 정수여야 해요 / ${name} must be a whole number ${min}-${max}: ${raw}`);
      return Number(raw);
    };
    if (arg === '--members') members = whole(value(), '--members', 1, MAX_MEMBERS);
    else if (arg === '--seed') seed = whole(value(), '--seed', 0, 2 ** 32 - 1);
    else if (arg === '--out') outDir = value();
    else if (arg === '--no-pdf') pdf = false;
    else if (arg === '--claims') claims = true;
    else if (arg === '--threads') threads = whole(value(), '--threads', 1, MAX_THREADS);
    else if (arg === '--now') {
      const raw = value();
      now = new Date(raw);
      if (!/[+-]\d{2}:\d{2}$|Z$/.test(raw) || Number.isNaN(now.getTime())) throw new CliInputError(`--now는 시간대가 있는 시각이어야 해요 / --now must be an instant with an offset: ${raw}`);
    } else throw new CliInputError(`알 수 없는 인자예요 / unexpected argument: ${arg}\n${USAGE}`);
  }
  if (members === undefined || seed === undefined || !outDir) throw new CliInputError(USAGE);
  return { members, seed, outDir, pdf: pdf && !claims, claims, threads, now };
}

/**
 * Packets without report.pdf built and written on worker threads while this thread makes the claims in
 * the seeded order (the claims need one generator; the packets do not). A few jobs per thread in flight
 * keep every thread busy without queuing thousands of claims.
 */
class SynthWriters {
  private readonly workers: { worker: Worker; pending: Map<number, { resolve: () => void; reject: (e: Error) => void }> }[] = [];
  private nextId = 0;
  private failure: Error | null = null;
  private readonly idle: (() => void)[] = [];

  constructor(size: number) {
    const code = workerBootstrap('synth-worker');
    for (let i = 0; i < size; i++) {
      const worker = new Worker(code, { eval: true, execArgv: [] });
      const slot = { worker, pending: new Map<number, { resolve: () => void; reject: (e: Error) => void }>() };
      worker.on('message', (reply: SynthReply) => {
        const p = slot.pending.get(reply.id);
        if (!p) return;
        slot.pending.delete(reply.id);
        if (reply.ok) p.resolve();
        else p.reject(new Error(`synth worker: ${reply.message}`));
        this.idle.splice(0).forEach((wake) => wake());
      });
      worker.on('error', (err) => {
        this.failure ??= err;
        for (const p of slot.pending.values()) p.reject(err);
        slot.pending.clear();
        this.idle.splice(0).forEach((wake) => wake());
      });
      this.workers.push(slot);
    }
  }

  /** Resolves once the job is queued (waiting while every thread has enough); its end is awaited by `drain`. */
  async submit(job: Omit<SynthJob, 'id'>, done: Promise<void>[]): Promise<void> {
    const perThread = 3;
    for (;;) {
      if (this.failure) throw this.failure;
      const slot = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      if (slot.pending.size < perThread) {
        const id = this.nextId++;
        done.push(new Promise<void>((resolve, reject) => slot.pending.set(id, { resolve, reject })));
        slot.worker.postMessage({ ...job, id } satisfies SynthJob);
        return;
      }
      await new Promise<void>((wake) => this.idle.push(wake));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

async function writeAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

export async function run(args: string[]): Promise<number> {
  const o = parseArgs(args);
  const started = performance.now();
  const outDir = resolve(o.outDir);
  // Packets go in packets/ (claim files in claims/ with --claims) and planted.json beside it, so
  // `batch <out>/packets` reads only packets. planted.json is written last: it says the set is whole.
  const folder = join(outDir, o.claims ? 'claims' : 'packets');
  await mkdir(folder, { recursive: true });
  const plan = synthPlan(o.members, o.seed);
  const version = await appVersion();
  const fonts = o.pdf ? await readPacketFonts() : null;
  const copyOf = new Map<string, string[]>();
  for (const c of plan.copies) copyOf.set(c.of, [...(copyOf.get(c.of) ?? []), c.fileName]);
  let written = 0;
  // Packets without report.pdf: built and written on worker threads, as many as --threads.
  const writers = !o.claims && !fonts && o.threads > 1 ? new SynthWriters(o.threads) : null;
  try {
    if (writers) {
      const done: Promise<void>[] = [];
      for (const m of plan.members()) {
        const paths = [m.fileName, ...(copyOf.get(m.fileName) ?? [])].map((name) => join(folder, name));
        await writers.submit({ claim: m.claim, channel: m.channel, paths, appVersion: version, now: o.now.toISOString() }, done);
        written += paths.length;
        // Settled jobs are dropped from the list as it grows, so it stays small.
        if (done.length >= 1024) await Promise.all(done.splice(0));
      }
      await Promise.all(done);
    }
  } finally {
    await writers?.close();
  }
  // One member at a time on this thread: the claim made, the packet built, written, dropped.
  for (const m of writers ? [] : plan.members()) {
    const bytes = o.claims
      ? serializeClaim(m.claim)
      : fonts
        ? (await buildPacket({ claim: m.claim, channel: m.channel, fonts, appVersion: version, now: o.now })).bytes
        : (await buildPacketWithoutReport(m.claim, m.channel, version, o.now, { sha256: nodeSha256Hex, zip: writeZipNative })).bytes;
    for (const name of [m.fileName, ...(copyOf.get(m.fileName) ?? [])]) {
      writeFileSync(join(folder, o.claims ? name.replace(/\.zip$/, '.claim.json') : name), bytes);
      written++;
    }
  }
  const planted = { seed: o.seed, members: o.members, files: written, pdf: o.pdf, ...(o.claims ? { claims: true } : {}), planted: plan.planted };
  await writeAtomic(join(outDir, 'planted.json'), `${JSON.stringify(planted, null, 2)}\n`);
  const seconds = (performance.now() - started) / 1000;
  const what = o.claims ? '청구 파일 / claim files' : '묶음 / packets';
  console.log(`시험용 회원${o.claims ? '' : ' 묶음'} ${o.members.toLocaleString('en-US')}명, 파일 ${written.toLocaleString('en-US')}개를 만들었어요 / wrote ${written} synthetic ${o.claims ? 'claim files' : 'packets'}: ${folder}`);
  console.log(`  심어 둔 중복 / planted duplicates: ${plan.planted.length}개 (planted.json), ${seconds.toFixed(1)} s${o.pdf ? '' : o.claims ? '' : ', report.pdf 없이 / without report.pdf'} (${what})`);
  console.log(o.claims ? `  다음 / next: npm run --silent cli -- estimate ${folder} --jsonl` : `  다음 / next: npm run --silent cli -- batch ${folder} --out <dir>`);
  return 0;
}
