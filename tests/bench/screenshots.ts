/**
 * `npm run bench:screenshots [-- --quick]`: how exactly the screenshot reader reads generated screenshots
 * with known contents (issue 19). For each condition (clean PNG, JPEG quality 95 to 60 with slight scaling
 * and blur) and each layout (a day's trip list, a month's summary, a card-sales table) it reports the share
 * of dates, times, counts and amounts read exactly, the share the review table flags, the share wrong but
 * NOT flagged (the one that matters), and the time to read a page of 20 trips. Targets: amounts exact >= 98%
 * on clean PNG and >= 95% at JPEG 70; wrong-and-unflagged <= 1% of fields; a 20-trip page under 5 s.
 * The machine is shared, so wall time alone is noise: beside it the bench reports the CPU time a page costs
 * (process.cpuUsage counts every thread of the process, tesseract.js's worker threads included), each
 * reading's own wall time, and the 1-minute load average while the pages were read.
 * Prints a table, then one JSON line. A bench, not a test: it never fails on a figure.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { TrueTypeFont } from '../../scripts/example-evidence/ttf';
import { cardSalesScreen, encodeScreen, monthSummaryScreen, prng, randomDays, randomTrips, tripListScreen, type Degrade, type ScreenTruth } from '../../scripts/example-evidence/trip-history';
import { createNodeOcrEngine } from '../../src/cli/ocr-engine';
import { ScreenshotError, readScreenshot, type OcrEngine, type OcrModel, type ScreenReading } from '../../src/core/screenshots';

const ROOT = join(import.meta.dirname, '..', '..');
const quick = process.argv.includes('--quick');
const font = (w: string) => new TrueTypeFont(new Uint8Array(readFileSync(join(ROOT, `node_modules/@expo-google-fonts/noto-sans-kr/${w}/NotoSansKR_${w}.ttf`))));
const fonts = { regular: font('400Regular'), bold: font('700Bold') };

const CONDITIONS: { name: string; degrade: Degrade }[] = [
  { name: 'PNG clean', degrade: {} },
  { name: 'JPEG 95', degrade: { jpegQuality: 95 } },
  { name: 'JPEG 85 scaled 0.9', degrade: { jpegQuality: 85, scale: 0.9 } },
  { name: 'JPEG 70 scaled 1.1 blur', degrade: { jpegQuality: 70, scale: 1.1, blur: true } },
  { name: 'JPEG 60 scaled 0.8 blur', degrade: { jpegQuality: 60, scale: 0.8, blur: true } },
];
// Phone resolutions: 2x (720 px wide), 3x (1080), 2.5x (900).
const DPRS = [2, 3, 2.5];
const PAGES_PER_CONDITION = quick ? 1 : 3;

type Tally = { exact: number; flagged: number; wrongUnflagged: number; total: number };
const tally = (): Tally => ({ exact: 0, flagged: 0, wrongUnflagged: 0, total: 0 });
type FieldName = 'date' | 'time' | 'count' | 'amount';

function score(truth: ScreenTruth, reading: ScreenReading | null, t: Record<FieldName, Tally>): void {
  const expected: { date: string; time?: string; count: number; amount: number }[] =
    truth.layout === 'trip-list'
      ? (() => {
          let day = 0;
          let prev = -1;
          return truth.trips.map((trip) => {
            const m = Number(trip.time.slice(0, 2)) * 60 + Number(trip.time.slice(3));
            if (prev >= 0 && m < prev - 720) day++;
            prev = m;
            const [y, mo, d] = truth.date.split('-').map(Number) as [number, number, number];
            const date = new Date(Date.UTC(y, mo - 1, d + day)).toISOString().slice(0, 10);
            return { date, time: trip.time, count: 1, amount: trip.fare };
          });
        })()
      : truth.days.map((d) => ({ date: d.date, count: d.count, amount: d.amount }));
  expected.forEach((e, i) => {
    const row = reading?.rows[i];
    type Field = [FieldName, unknown, { value: unknown; flagged: boolean } | null | undefined];
    const fields: Field[] = [['date', e.date, row?.date], ['amount', e.amount, row?.amount]];
    if (e.time !== undefined) fields.push(['time', e.time, row?.time]);
    if (truth.layout !== 'trip-list') fields.push(['count', e.count, row?.count]);
    for (const [name, want, got] of fields) {
      const f = t[name];
      f.total++;
      if (!got) continue; // not read at all: the user sees a missing row (the screen's total check fails)
      if (got.value === want) f.exact++;
      if (got.flagged) f.flagged++;
      else if (got.value !== want) f.wrongUnflagged++;
    }
  });
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');

const inner = await createNodeOcrEngine();
/** Each reading's wall time, per model, for the page being read (the two run at once in two workers). */
let readingMs: Partial<Record<OcrModel, number>> = {};
const engine: OcrEngine = {
  async recognize(image, model) {
    const started = performance.now();
    const pass = await inner.recognize(image, model);
    readingMs[model] = performance.now() - started;
    return pass;
  },
};
// A worker's first recognition costs about 1.3 s more CPU than the next ones (tesseract warms its model up):
// paid once per session, not per page, so one unscored screen is read first and its cost reported apart.
const warmCpu = process.cpuUsage();
const warmStarted = performance.now();
{
  const w = monthSummaryScreen(fonts, 2, '2022-08', randomDays(prng(999), '2022-08-01', 12));
  await readScreenshot(encodeScreen(w.raster, w.truth, {}).bytes, 'warm-up', engine);
}
const warmUp = { wallMs: performance.now() - warmStarted, cpuMs: ((u) => (u.user + u.system) / 1000)(process.cpuUsage(warmCpu)) };
const results: Record<string, unknown>[] = [];
const tripPageMs: number[] = [];
const tripPageCpuMs: number[] = [];
const readingsMs: Record<OcrModel, number[]> = { korean: [], latin: [] };
const loads: number[] = [];
const load = loadavg()[0];
let seed = 1;
for (const condition of CONDITIONS) {
  const t: Record<FieldName, Tally> = { date: tally(), time: tally(), count: tally(), amount: tally() };
  let failures = 0;
  for (let page = 0; page < PAGES_PER_CONDITION; page++) {
    const random = prng(seed++);
    const dpr = DPRS[page % DPRS.length]!;
    const screens = [
      tripListScreen(fonts, dpr, '2022-10-07', randomTrips(random, 20, 6 + Math.floor(random() * 14))),
      monthSummaryScreen(fonts, dpr, '2022-09', randomDays(random, '2022-09-01', 12)),
      cardSalesScreen(fonts, dpr, randomDays(random, '2022-09-10', 12, 80)),
    ];
    for (const s of screens) {
      const image = encodeScreen(s.raster, s.truth, condition.degrade);
      readingMs = {};
      const started = performance.now();
      const cpu = process.cpuUsage();
      let reading: ScreenReading | null = null;
      try {
        reading = await readScreenshot(image.bytes, 'bench', engine);
      } catch (err) {
        if (!(err instanceof ScreenshotError)) throw err;
        failures++;
      }
      if (s.truth.layout === 'trip-list') {
        tripPageMs.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        tripPageCpuMs.push((used.user + used.system) / 1000);
        for (const model of ['korean', 'latin'] as const) if (readingMs[model] !== undefined) readingsMs[model].push(readingMs[model]);
        loads.push(loadavg()[0] ?? 0);
      }
      score(s.truth, reading, t);
    }
    process.stderr.write(`bench: ${condition.name} page ${page + 1}/${PAGES_PER_CONDITION}\n`);
  }
  const all = Object.values(t).reduce((a, b) => ({ exact: a.exact + b.exact, flagged: a.flagged + b.flagged, wrongUnflagged: a.wrongUnflagged + b.wrongUnflagged, total: a.total + b.total }), tally());
  results.push({
    condition: condition.name,
    dates: pct(t.date.exact, t.date.total),
    times: pct(t.time.exact, t.time.total),
    counts: pct(t.count.exact, t.count.total),
    amounts: pct(t.amount.exact, t.amount.total),
    flagged: pct(all.flagged, all.total),
    wrongUnflagged: pct(all.wrongUnflagged, all.total),
    fields: all.total,
    unreadPages: failures,
  });
}
await inner.close();
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = medianOf(tripPageMs);
const cpuMedian = medianOf(tripPageCpuMs);
console.table(results);
console.log(
  `20-trip page: wall median ${s1(median)}, max ${s1(Math.max(0, ...tripPageMs))}; CPU median ${s1(cpuMedian)} (both cores together), ` +
    `readings median Korean ${s1(medianOf(readingsMs.korean))}, Latin ${s1(medianOf(readingsMs.latin))}; ` +
    `first screen of the session (warm-up, not counted) ${s1(warmUp.wallMs)} wall, ${s1(warmUp.cpuMs)} CPU; ` +
    `load average ${load?.toFixed(1)} at start, ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)} while reading trip pages, ${loadavg()[0]?.toFixed(1)} at end`,
);
console.log(
  JSON.stringify({
    bench: 'screenshots',
    quick,
    results,
    tripPageMedianMs: Math.round(median),
    tripPageCpuMedianMs: Math.round(cpuMedian),
    readingMedianMs: { korean: Math.round(medianOf(readingsMs.korean)), latin: Math.round(medianOf(readingsMs.latin)) },
    warmUpMs: { wall: Math.round(warmUp.wallMs), cpu: Math.round(warmUp.cpuMs) },
    loadAverage: load,
    loadWhileReading: loads.map((l) => Number(l.toFixed(1))),
  }),
);
