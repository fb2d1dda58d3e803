/**
 * In-process figures (tinybench): the estimate, a big CP949 import and one packet. Each input is checked
 * before it is timed, so a bench that measures the wrong thing fails instead of printing a number.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describeClaim } from '../../../src/core/packet/facts';
import { renderPdf, reportDocument } from '../../../src/core/packet/pdf';
import { resolveProfile } from '../../../src/core/packet/build';
import { estimateClaim } from '../../../src/core/estimate/index';
import { importActivityFile } from '../../../src/core/io/index';
import { iconvCp949Decoder } from '../../../src/core/io/cp949-iconv';
import { buildPacket } from '../../../src/core/packet/build';
import { readPacketFonts } from '../../../src/cli/commands/packet';
import type { Figure } from './report';
import { BENCH_CHANNELS, estimateBenchClaim, posCsvCp949 } from './inputs';

export type Sizes = { importRows: number; estimateTimeMs: number; packetRuns: number; importRuns: number };

function p50(bench: Bench, name: string): { median: number; samples: number; min: number; max: number } {
  const task = bench.getTask(name);
  const r = task?.result;
  if (!r) throw new Error(`${name}: no result`);
  if (r.state === 'errored') throw r.error;
  if (r.state !== 'completed') throw new Error(`${name}: ${r.state}`);
  return { median: r.latency.p50, samples: r.latency.samplesCount, min: r.latency.min, max: r.latency.max };
}

export async function estimateFigure(sizes: Sizes): Promise<Figure> {
  const claim = estimateBenchClaim();
  const first = estimateClaim(claim);
  // The figure is defined for 8 reference weeks, hourly, 5 channels: prove the claim is that.
  if (first.referenceDates.k !== 8) throw new Error(`estimate bench claim used K=${first.referenceDates.k}, not 8`);
  if (first.granularity !== 'hourly' || first.channels.length !== BENCH_CHANNELS.length) throw new Error('estimate bench claim is not hourly with 5 channels');
  if (first.lostProfit <= 0) throw new Error('estimate bench claim finds no loss: the synthetic outage is wrong');
  const bench = new Bench({ time: sizes.estimateTimeMs, iterations: 50, warmup: true, warmupTime: Math.min(500, sizes.estimateTimeMs) });
  bench.add('estimate', () => {
    estimateClaim(claim);
  });
  await bench.run();
  const r = p50(bench, 'estimate');
  return {
    key: 'estimateMs',
    label: `estimateClaim, ${first.claimWindow.bucketCount} window hours x ${first.channels.length} channels, K=8, ${claim.records.length.toLocaleString('en-US')} records (median)`,
    value: r.median,
    unit: 'ms',
    note: `median of ${r.samples} runs after warm-up, min ${r.min.toFixed(2)} ms, max ${r.max.toFixed(2)} ms; claim total ${first.claimTotal.toLocaleString('en-US')} won`,
  };
}

export async function importFigures(sizes: Sizes, tmp: string): Promise<Figure[]> {
  const path = join(tmp, `pos-hourly-${sizes.importRows}.csv`);
  await writeFile(path, posCsvCp949(sizes.importRows));
  const once = async () => {
    const bytes = new Uint8Array(await readFile(path));
    return importActivityFile(bytes, { fileName: 'POS_시간대별.csv', decodeCp949: iconvCp949Decoder });
  };
  const check = await once();
  if (check.encoding !== 'cp949') throw new Error(`import bench CSV decoded as ${check.encoding}, not cp949`);
  if (check.records.length !== sizes.importRows || check.errors.length) {
    throw new Error(`import bench CSV gave ${check.records.length} records and ${check.errors.length} row errors, expected ${sizes.importRows} and 0`);
  }
  // The floor: the same file read, decoded by iconv-lite and split by papaparse, nothing else.
  const floor = async () => {
    const bytes = await readFile(path);
    return Papa.parse<string[]>(iconv.decode(bytes, 'cp949'), { header: false, skipEmptyLines: false });
  };
  const floorRows = (await floor()).data.length;
  if (floorRows < sizes.importRows + 1) throw new Error(`import floor split ${floorRows} rows, expected ${sizes.importRows + 1} or more`);
  const bench = new Bench({ time: 0, iterations: sizes.importRuns, warmup: false });
  bench.add('import', async () => {
    await once();
  });
  bench.add('floor', async () => {
    await floor();
  });
  const load = loadavg()[0]!;
  await bench.run();
  const r = p50(bench, 'import');
  const f = p50(bench, 'floor');
  const size = (await readFile(path)).length;
  return [
    {
      key: 'import100kMs',
      label: `${sizes.importRows.toLocaleString('en-US')}-row CP949 POS CSV (${(size / 1e6).toFixed(1)} MB) file to validated records (median)`,
      value: r.median,
      unit: 'ms',
      note: `median of ${r.samples} runs after one untimed check run, min ${r.min.toFixed(0)} ms, max ${r.max.toFixed(0)} ms`,
    },
    {
      key: 'importRatio',
      label: 'that import / papaparse + iconv-lite alone on the same file (read, decode, split)',
      value: r.median / f.median,
      unit: 'ratio',
      load1m: load,
      note: `floor median ${f.median.toFixed(0)} ms (${f.samples} runs); the rest is header detection, number and date parsing, zod per row`,
    },
  ];
}

export async function packetFigures(sizes: Sizes): Promise<Figure[]> {
  const claim = estimateBenchClaim();
  // Fonts are read once, as the app and the CLI keep them loaded; the figure is the build itself.
  const fonts = await readPacketFonts();
  const build = () =>
    buildPacket({ claim, channel: 'kakao-2022-smb-documents', evidenceFiles: new Map(), fonts, appVersion: 'bench', now: new Date('2022-11-01T09:00:00+09:00') });
  const first = await build();
  if (!first.manifest.files.some((f) => f.path === 'report.pdf')) throw new Error('packet bench: no report.pdf in the packet');
  // The floor: pdfmake (through the packet's own font setup) rendering the same report document, alone.
  const profile = resolveProfile('kakao-2022-smb-documents');
  const doc = () => reportDocument(describeClaim(claim, profile).report, profile, new Date('2022-11-01T09:00:00+09:00'));
  const floorPdf = await renderPdf(doc(), fonts);
  if (floorPdf.length < 1000) throw new Error('packet floor: pdfmake gave no PDF');
  const docs = Array.from({ length: sizes.packetRuns + 1 }, doc);
  const bench = new Bench({ time: 0, iterations: sizes.packetRuns, warmup: true, warmupIterations: 1 });
  bench.add('packet', async () => {
    await build();
  });
  bench.add('pdfmake', async () => {
    // A fresh copy each time: pdfmake annotates the definition it is given.
    await renderPdf(docs.pop() ?? doc(), fonts);
  });
  const load = loadavg()[0]!;
  await bench.run();
  const r = p50(bench, 'packet');
  const f = p50(bench, 'pdfmake');
  const pdf = first.manifest.files.find((f) => f.path === 'report.pdf')!.size;
  const csv = first.manifest.files.find((f) => f.path === 'records.csv')?.size ?? 0;
  const label = `kakao-2022-smb-documents packet, no evidence, ${claim.records.length.toLocaleString('en-US')} records`;
  return [
    { key: 'packetMs', label: `${label} (median)`, value: r.median, unit: 'ms', note: `median of ${r.samples} builds after one warm-up, min ${r.min.toFixed(0)} ms, max ${r.max.toFixed(0)} ms (fonts read once beforehand)` },
    { key: 'packetBytes', label: 'zip size of that packet', value: first.bytes.length, unit: 'B', note: `report.pdf ${pdf.toLocaleString('en-US')} B, records.csv ${csv.toLocaleString('en-US')} B before compression` },
    {
      key: 'packetRatio',
      label: 'that packet / pdfmake rendering the same report document alone',
      value: r.median / f.median,
      unit: 'ratio',
      load1m: load,
      note: `pdfmake alone median ${f.median.toFixed(0)} ms (${f.samples} runs); the rest is the estimate, the other files, hashes and the zip`,
    },
  ];
}
