import { readFileSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { SECTOR_LABELS, type BatchAggregates } from '../../core/batch/aggregate';
import type { SummaryMeta } from '../../core/batch/summary-pdf';
import type { NameEntry } from '../../core/batch/name-pairs';
import { progressLine, progressRate } from '../../core/batch/progress';
import { BatchFileChangedError, isBatchFileName } from '../../core/batch/run';
import { reasonLine } from '../../core/batch/types';
import { iconvCp949Decoder } from '../../core/io/cp949-iconv';
import { formatWon } from '../../core/packet/format';
import { CliInputError } from '../errors.js';
import { BatchReadPool, defaultThreads, MAX_THREADS, POOL_IN_FLIGHT_PER_THREAD } from '../batch-pool.js';
import { nodeCrc32Update, nodeSha256Hex } from '../hash.js';
import { streamBatch } from '../batch-stream.js';
import { appVersion, readPacketFonts } from './packet.js';
import { fileErrorDetail } from '../file-error.js';

export const summary = '회원들의 묶음·청구 파일·명단을 한 번에 확인하고 중복을 빼고 집계해요 / verify, dedupe and aggregate a batch of member packets, claims and rosters';

const USAGE = '사용법 / usage: outage-desk batch <files or folders...> --out <dir> [--redact] [--now 2022-11-01T09:00+09:00] [--threads N] [--progress | --no-progress]';

type Options = { inputs: string[]; outDir: string; redact: boolean; now: Date; threads: number; progress: boolean };

function parseArgs(args: string[]): Options {
  const inputs: string[] = [];
  let outDir: string | undefined;
  let redact = false;
  let now = new Date();
  let threads = defaultThreads();
  // Progress on stderr: on a terminal unless --no-progress; into a pipe or a log only with --progress.
  let progress = process.stderr.isTTY === true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new CliInputError(`${arg} 뒤에 값이 필요해요 / ${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === '--out') outDir = value();
    else if (arg === '--redact') redact = true;
    else if (arg === '--now') {
      const raw = value();
      now = new Date(raw);
      if (!/[+-]\d{2}:\d{2}$|Z$/.test(raw) || Number.isNaN(now.getTime())) throw new CliInputError(`--now는 시간대가 있는 시각이어야 해요 / --now must be an instant with an offset: ${raw}`);
    } else if (arg === '--threads') {
      const raw = value();
      threads = Number(raw);
      if (!/^\d+$/.test(raw) || threads < 1 || threads > MAX_THREADS) throw new CliInputError(`--threads는 1부터 ${MAX_THREADS}까지의 정수여야 해요 / --threads must be a whole number from 1 to ${MAX_THREADS}: ${raw}`);
    } else if (arg === '--progress') progress = true;
    else if (arg === '--no-progress') progress = false;
    else if (arg.startsWith('--')) throw new CliInputError(`알 수 없는 옵션이에요 / unknown option: ${arg}\n${USAGE}`);
    else inputs.push(arg);
  }
  if (!inputs.length || !outDir) throw new CliInputError(USAGE);
  return { inputs, outDir, redact, now, threads, progress };
}

/** Files named directly, and the batch files under each folder (recursively), sorted, each once. */
async function expandInputs(inputs: string[], outDir: string): Promise<{ path: string; label: string }[]> {
  const out = new Map<string, string>();
  const walk = async (dir: string, root: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, e.name);
      // The batch's own output folder is never read back in.
      if (e.isDirectory()) {
        if (resolve(path) !== outDir) await walk(path, root);
      } else if (e.isFile() && isBatchFileName(e.name)) out.set(resolve(path), relative(root, path) || e.name);
    }
  };
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (err) {
      throw new CliInputError(`파일이나 폴더를 찾을 수 없어요: ${input} (${(err as NodeJS.ErrnoException).code ?? ''}) / no such file or folder`);
    }
    if (info.isDirectory()) await walk(input, resolve(input, '..'));
    else out.set(resolve(input), basename(input));
  }
  if (!out.size) throw new CliInputError(`읽을 파일이 없어요 (.zip, .json, .csv, .xlsx) / no batch files found in: ${inputs.join(', ')}`);
  return [...out].map(([path, label]) => ({ path, label }));
}

/**
 * A progress line on stderr at most once a second (and for the first and the last item): the count, the
 * rate and the time left. On a terminal it is rewritten in place; in a log, one line each time.
 */
function progressReporter(enabled: boolean) {
  const tty = process.stderr.isTTY === true;
  let step = { ko: '', en: '', started: 0, last: 0 };
  return {
    start(ko: string, en: string) {
      step = { ko, en, started: performance.now(), last: 0 };
    },
    report(done: number, total: number) {
      if (!enabled) return;
      const now = performance.now();
      if (done !== 1 && done !== total && now - step.last < 1000) return;
      step.last = now;
      const line = progressLine(step, progressRate(done, total, now - step.started));
      process.stderr.write(tty ? `\r\x1b[2K${line}${done === total ? '\n' : ''}` : `${line}\n`);
    },
  };
}

/**
 * The outputs are written into a hidden folder beside --out and only then put in place, so an interrupted
 * run (Ctrl-C, a crash) never leaves a half-written output folder: a new folder appears whole by one
 * rename; into an existing folder each file is renamed in (the folder's other files are left alone).
 */
async function publish(work: string, outDir: string): Promise<void> {
  try {
    await rename(work, outDir);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EISDIR' && code !== 'ENOTDIR') throw err;
  }
  for (const name of await readdir(work)) await rename(join(work, name), join(outDir, name));
  await rmdir(work);
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

export async function run(args: string[]): Promise<number> {
  const o = parseArgs(args);
  const started = performance.now();
  const outDir = resolve(o.outDir);
  // mkdir, not mkdtemp: the folder becomes the output and keeps the usual permissions. It is made once
  // the inputs are listed (a call with no input to read leaves nothing behind).
  const work = join(dirname(outDir), `.${basename(outDir)}.partial-${process.pid}-${Date.now().toString(36)}`);
  // Pass 1's pool of worker threads (one per core; `--threads 1`: none, this thread checks the files),
  // started first so its threads load their code while this one lists the files. Without --redact the zip
  // holds the packets: the threads keep the bytes they checked for it, in the work folder.
  const pool = o.threads > 1 ? new BatchReadPool(o.threads, o.redact ? {} : { keepPacketsIn: work }) : null;
  let files;
  try {
    files = await expandInputs(o.inputs, outDir);
    await mkdir(dirname(outDir), { recursive: true });
    await mkdir(work);
  } catch (err) {
    await pool?.close();
    throw err;
  }
  const pathOf = new Map(files.map((f) => [f.label, f.path]));
  const progress = progressReporter(o.progress);
  const discard = () => rmSync(work, { recursive: true, force: true });
  // Ctrl-C (or a kill) while the batch runs: the hidden folder goes, nothing half-written stays.
  const interrupted = (signal: NodeJS.Signals) => {
    discard();
    process.stderr.write(`\n중단했어요: 출력 폴더를 만들지 않았어요 / interrupted (${signal}): no output was written\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    return await runInto(o, files, pathOf, work, outDir, started, progress, pool);
  } catch (err) {
    discard();
    throw err;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

async function runInto(
  o: Options,
  files: { path: string; label: string }[],
  pathOf: Map<string, string>,
  work: string,
  outDir: string,
  started: number,
  progress: ReturnType<typeof progressReporter>,
  pool: BatchReadPool | null,
): Promise<number> {
  // Pass 1: files are read and checked on the pool's threads, two chunks of requests per thread in flight
  // so none waits for the next; without a pool on this thread, four in flight. Members go to disk as they
  // come (src/cli/batch-stream.ts): memory holds their dedupe keys, not the members.
  let readMs = 0;
  let warmed = false;
  let result;
  try {
    result = await streamBatch(files.map((f) => ({ label: f.label, ref: f.path })), async (path) => new Uint8Array(await readFile(path)), {
      work,
      now: o.now,
      redact: o.redact,
      appVersion: await appVersion(),
      files: files.length,
      read: {
        inFlight: pool ? pool.size * POOL_IN_FLIGHT_PER_THREAD : 4,
        decodeCp949: iconvCp949Decoder,
        sha256: nodeSha256Hex,
        crc32: nodeCrc32Update,
        readErrorDetail: fileErrorDetail,
        // The pool's threads read their own files (as the floor's do); on one thread the main thread reads them.
        ...(pool ? { readSource: (label: string, ref: unknown) => pool.readPath(label, ref as string) } : {}),
        onProgress: (done, total) => {
          progress.report(done, total);
          // Once the last files are in flight, the threads load the closing jobs' libraries after their reads.
          if (pool && !warmed && done >= total - pool.size * POOL_IN_FLIGHT_PER_THREAD) {
            warmed = true;
            pool.warmClosing();
          }
          if (done === total) {
            readMs = performance.now() - started;
            pool?.readsDone();
          }
        },
      },
      // Synchronous: a packet is a few kilobytes, and fs/promises pays a file handle, an fstat and promises for each.
      readPacket: async (file) => new Uint8Array(readFileSync(pathOf.get(file)!)),
      // With the pool, the zip takes the bytes its threads checked and kept (one file per thread in the work folder).
      ...(pool ? { checkedPacket: (file: string) => pool.keptPacket(file) } : {}),
      fonts: readPacketFonts,
      progress,
      // The pool's threads, idle once the files are read: one searches half the names for near-identical
      // ones while this thread searches the rest; they write the workbook and the PDF while this one zips.
      ...(pool
        ? {
            offload: {
              workbook: (path: string, madeAt: Date) => pool.workbook(path, madeAt),
              pdf: (aggregates: BatchAggregates, meta: SummaryMeta) => pool.pdf(aggregates, meta),
              namePairs: (groups: NameEntry[][]) => pool.namePairs(groups),
            },
          }
        : {}),
    });
  } catch (err) {
    if (err instanceof BatchFileChangedError) throw new CliInputError(err.message);
    throw err;
  } finally {
    await pool?.close();
  }
  await publish(work, outDir);

  const a = result.aggregates;
  const { suspectedPairs, duplicatesRemoved } = result.counts;
  const seconds = (performance.now() - started) / 1000;
  const lines = [
    `회원 피해 집계를 만들었어요 / batch written: ${outDir}`,
    `  파일 ${files.length.toLocaleString('en-US')}개, 항목 ${(result.members + result.invalid.length).toLocaleString('en-US')}개 → 집계 회원 ${a.members.toLocaleString('en-US')}명`,
    `  오류 ${result.invalid.length}개 · 중복으로 뺀 회원 ${duplicatesRemoved}명 (정확한 규칙) · 확인할 중복 의심 ${suspectedPairs}쌍 (비슷한 이름)`,
    `  업종: ${a.bySector.map((r) => `${SECTOR_LABELS[r.key] ?? r.key} ${pct(r.share)}`).join(', ')}`,
    `  서비스(복수 응답): ${a.byService.slice(0, 5).map((r) => `${r.label} ${pct(r.share)}`).join(', ')}`,
    `  청구 합계 ${formatWon(a.loss.total.sum)} (중앙값 ${a.loss.total.median === null ? '-' : formatWon(a.loss.total.median)}) · 카카오 정액 구간 지급액 ${formatWon(a.fixedBandPayout)}`,
    `  카카오 기준 구간: ${a.bands.filter((b) => b.count).map((b) => `${b.label} ${b.count}명`).join(', ')}`,
    `  ${o.redact ? '개인정보를 가렸어요 (묶음은 zip에 넣지 않았어요)' : `zip에 묶음 ${result.packetCount}개`} · ${seconds.toFixed(1)} s (읽기·확인 ${(readMs / 1000).toFixed(1)} s, 스레드 ${pool?.size ?? 1}개, 중복·집계·내보내기 ${(seconds - readMs / 1000).toFixed(1)} s)`,
  ];
  console.log(lines.join('\n'));
  if (result.invalid.length) {
    console.log(`\n오류가 있는 항목 / invalid items (${result.invalid.length}):`);
    for (const i of result.invalid) console.log(`- ${i.file}${i.row !== undefined ? ` ${i.row}행` : ''}: ${reasonLine(i)}`);
    return 2;
  }
  return 0;
}
