import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { analyseBatch, batchManifest, readBatchItem } from '../../core/batch/batch';
import { SECTOR_LABELS } from '../../core/batch/aggregate';
import { rosterCsv, rosterTable, rosterXlsx } from '../../core/batch/roster-export';
import { summaryPdf } from '../../core/batch/summary-pdf';
import { BatchZipWriter } from '../../core/batch/zip-stream';
import { iconvCp949Decoder } from '../../core/io/cp949-iconv';
import { sha256Hex } from '../../core/packet/hash';
import { formatWon } from '../../core/packet/format';
import type { BatchMember } from '../../core/batch/types';
import { CliInputError } from '../errors.js';
import { appVersion, readPacketFonts } from './packet.js';

export const summary = '회원들의 묶음·청구 파일·명단을 한 번에 확인하고 중복을 빼고 집계해요 / verify, dedupe and aggregate a batch of member packets, claims and rosters';

const USAGE = '사용법 / usage: outage-desk batch <files or folders...> --out <dir> [--redact] [--now 2022-11-01T09:00+09:00]';

/** What a folder holds that a batch reads; a file named on the command line is read whatever it is. */
const BATCH_EXTENSIONS = /\.(zip|json|csv|xlsx)$/i;

type Options = { inputs: string[]; outDir: string; redact: boolean; now: Date };

function parseArgs(args: string[]): Options {
  const inputs: string[] = [];
  let outDir: string | undefined;
  let redact = false;
  let now = new Date();
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
    } else if (arg.startsWith('--')) throw new CliInputError(`알 수 없는 옵션이에요 / unknown option: ${arg}\n${USAGE}`);
    else inputs.push(arg);
  }
  if (!inputs.length || !outDir) throw new CliInputError(USAGE);
  return { inputs, outDir, redact, now };
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
      } else if (e.isFile() && BATCH_EXTENSIONS.test(e.name)) out.set(resolve(path), relative(root, path) || e.name);
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

async function writeAtomic(path: string, bytes: Uint8Array | string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

/** Files read and checked at once: enough to keep the hashing threads busy, few enough to bound memory. */
const IN_FLIGHT = 4;

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

export async function run(args: string[]): Promise<number> {
  const o = parseArgs(args);
  const started = performance.now();
  const outDir = resolve(o.outDir);
  const files = await expandInputs(o.inputs, outDir);
  const members: BatchMember[] = [];
  const invalid: { file: string; row?: number; reason: string; code: string }[] = [];
  const pathOf = new Map<string, string>();
  // Pass 1: a few files in flight at once (hashing runs on libuv's threads, so a second core helps), the
  // results kept in input order; only the member summaries stay, the bytes are dropped.
  const results: { members: BatchMember[]; invalid: typeof invalid }[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const f = files[index]!;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(f.path));
      } catch (err) {
        results[index] = { members: [], invalid: [{ file: f.label, code: 'unreadable', reason: `파일을 읽을 수 없어요 / cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }] };
        continue;
      }
      const item = await readBatchItem(f.label, bytes, { decodeCp949: iconvCp949Decoder });
      results[index] = { members: item.members, invalid: item.invalid };
      pathOf.set(f.label, f.path);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  for (const r of results) {
    members.push(...r.members);
    invalid.push(...r.invalid);
  }
  const readMs = performance.now() - started;
  const result = analyseBatch(members, invalid, { now: o.now, automatic: true });
  const analyseMs = performance.now() - started - readMs;
  const version = await appVersion();
  await mkdir(outDir, { recursive: true });

  const table = rosterTable(result.members, result.applied.status, result.invalid, { redact: o.redact });
  const csv = rosterCsv(table);
  const xlsx = await rosterXlsx(table, o.now);
  const suspectedPairs = result.pairs.filter((p) => !p.exact).length;
  const duplicatesRemoved = result.members.length - result.applied.kept.length;
  const pdf = await summaryPdf(result.aggregates, {
    title: '회원 피해 집계 (카카오 장애 2022)',
    madeAt: o.now,
    appVersion: version,
    items: result.members.length + result.invalid.length,
    invalid: result.invalid.length,
    duplicatesRemoved,
    suspectedPairs,
    redacted: o.redact,
  }, await readPacketFonts());

  // Pass 2: the zip streams to disk; each kept packet is read again and must be the file pass 1 checked.
  const zipPath = join(outDir, 'batch.zip');
  const zipTmp = `${zipPath}.${process.pid}.tmp`;
  const fd = openSync(zipTmp, 'w');
  const zip = new BatchZipWriter((chunk) => writeSync(fd, chunk), o.now);
  let packetCount = 0;
  try {
    if (!o.redact) {
      for (const m of result.applied.kept) {
        if (m.source.kind !== 'packet') continue;
        const bytes = new Uint8Array(await readFile(pathOf.get(m.source.file)!));
        const hash = await sha256Hex(bytes);
        if (hash !== m.source.fileSha256) throw new CliInputError(`확인하는 동안 파일이 바뀌었어요: ${m.source.file} / the file changed while the batch was running`);
        await zip.add(zip.uniquePath('packets', basename(m.source.file)), bytes, { store: true, sha256: hash });
        packetCount++;
      }
    }
    await zip.add('roster.csv', csv);
    await zip.add('roster.xlsx', xlsx);
    await zip.add('summary.pdf', pdf);
    const manifest = batchManifest(result, { files: files.length, appVersion: version, now: o.now, redact: o.redact, packetsIncluded: !o.redact, packetCount, zipped: zip.files });
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    await zip.add('batch-manifest.json', new TextEncoder().encode(manifestText));
    zip.end();
    closeSync(fd);
    await rename(zipTmp, zipPath);
    await writeAtomic(join(outDir, 'batch-manifest.json'), manifestText);
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  await writeAtomic(join(outDir, 'roster.csv'), csv);
  await writeAtomic(join(outDir, 'roster.xlsx'), xlsx);
  await writeAtomic(join(outDir, 'summary.pdf'), pdf);

  const a = result.aggregates;
  const seconds = (performance.now() - started) / 1000;
  const lines = [
    `회원 피해 집계를 만들었어요 / batch written: ${outDir}`,
    `  파일 ${files.length.toLocaleString('en-US')}개, 항목 ${(result.members.length + result.invalid.length).toLocaleString('en-US')}개 → 집계 회원 ${a.members.toLocaleString('en-US')}명`,
    `  오류 ${result.invalid.length}개 · 중복으로 뺀 회원 ${duplicatesRemoved}명 (정확한 규칙) · 확인할 중복 의심 ${suspectedPairs}쌍 (비슷한 이름)`,
    `  업종: ${a.bySector.map((r) => `${SECTOR_LABELS[r.key] ?? r.key} ${pct(r.share)}`).join(', ')}`,
    `  서비스(복수 응답): ${a.byService.slice(0, 5).map((r) => `${r.label} ${pct(r.share)}`).join(', ')}`,
    `  청구 합계 ${formatWon(a.loss.total.sum)} (중앙값 ${a.loss.total.median === null ? '-' : formatWon(a.loss.total.median)}) · 카카오 정액 구간 지급액 ${formatWon(a.fixedBandPayout)}`,
    `  카카오 기준 구간: ${a.bands.filter((b) => b.count).map((b) => `${b.label} ${b.count}명`).join(', ')}`,
    `  ${o.redact ? '개인정보를 가렸어요 (묶음은 zip에 넣지 않았어요)' : `zip에 묶음 ${packetCount}개`} · ${seconds.toFixed(1)} s (읽기·확인 ${(readMs / 1000).toFixed(1)} s, 중복·집계 ${(analyseMs / 1000).toFixed(1)} s, 내보내기 ${(seconds - (readMs + analyseMs) / 1000).toFixed(1)} s)`,
  ];
  console.log(lines.join('\n'));
  if (result.invalid.length) {
    console.log(`\n오류가 있는 항목 / invalid items (${result.invalid.length}):`);
    for (const i of result.invalid) console.log(`- ${i.file}${i.row !== undefined ? ` ${i.row}행` : ''}: ${i.reason}`);
    return 2;
  }
  return 0;
}
