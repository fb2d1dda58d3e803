import type { CanvasElement, Content } from 'pdfmake/interfaces';
import { formatBucket, formatNumber } from './format';
import type { ReportBucket, ReportWeek } from './report-data';

/**
 * Charts drawn as PDF vectors (pdfmake `canvas`) straight from the estimate's numbers, so they stay sharp when
 * printed and add no image bytes. Labels are text placed with `relativePosition` beside the plot.
 */

export const CHART_COLORS = {
  expected: '#1f4e9c',
  band: '#9db8e6',
  actual: '#e07b2a',
  axis: '#555555',
  grid: '#dddddd',
  best: '#1f4e9c',
  outage: '#c0392b',
  used: '#8fa8cf',
  skipped: '#cccccc',
} as const;

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten, at least the data's maximum. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

/**
 * A round value axis: a step of 1, 2 or 5 times a power of ten, at most `maxSteps` steps from 0 to a max that
 * is at least `top`. `headroom` (a fraction of the plot's height) keeps that much free above `top`, for a value
 * label over the tallest bar. Every tick is a multiple of the step, so none reads as a rounded oddity (13만).
 */
export function niceAxis(top: number, opts: { maxSteps?: number; headroom?: number } = {}): { max: number; step: number; ticks: number[] } {
  const maxSteps = Math.max(1, opts.maxSteps ?? 4);
  const headroom = Math.min(0.5, Math.max(0, opts.headroom ?? 0));
  if (!(top > 0) || !Number.isFinite(top)) return { max: 1, step: 1, ticks: [0, 1] };
  const target = top / (1 - headroom);
  let power = 10 ** Math.floor(Math.log10(target / maxSteps));
  for (;;) {
    for (const m of [1, 2, 5]) {
      const step = m * power;
      const n = Math.ceil(target / step - 1e-9);
      if (n <= maxSteps) {
        const ticks = Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
        return { max: ticks[n]!, step, ticks };
      }
    }
    power *= 10;
  }
}

/** Tick labels in one unit: all in 만 when every tick is a whole 만 (`0`, `5만`, `10만`), else plain numbers. */
export function axisTickLabels(ticks: ReadonlyArray<number>): string[] {
  const man = ticks.every((t) => t % 10_000 === 0) && ticks.some((t) => t >= 10_000);
  const decimals = (t: number) => Math.min(3, (String(t).split('.')[1] ?? '').length);
  return ticks.map((t) => (t === 0 ? '0' : man ? `${formatNumber(t / 10_000)}만` : formatNumber(t, decimals(t))));
}

/** `120만`, `4,610만`, `35,000` for axis labels. */
export function axisLabel(value: number): string {
  if (value >= 10_000 && value % 10_000 === 0) return `${formatNumber(value / 10_000)}만`;
  if (value >= 100_000) return `${formatNumber(Math.round(value / 1_000) / 10)}만`;
  return formatNumber(value);
}

/** `anchor`: where x points on the label: its left edge, centre or right edge. */
type Label = { text: string; x: number; y: number; anchor: 'left' | 'center' | 'right' };

/**
 * Approximate width of a label in Noto Sans KR: a Hangul syllable is one em, digits and Latin about 0.55 em.
 * pdfmake cannot align a detached (relativePosition) text, so labels are placed by their estimated width.
 */
export function labelWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u4e00-\u9fff]/.test(ch) ? 1 : ch === ' ' ? 0.26 : 0.56;
  return em * fontSize;
}

function labelContent(labels: Label[], fontSize: number): Content[] {
  return labels.map((l) => {
    const w = labelWidth(l.text, fontSize);
    const x = l.anchor === 'left' ? l.x : l.anchor === 'center' ? l.x - w / 2 : l.x - w;
    return { text: l.text, fontSize, color: CHART_COLORS.axis, relativePosition: { x: Math.max(0, x), y: l.y } };
  });
}

function legend(items: { color: string; text: string; line?: boolean }[]): Content {
  return {
    columns: items.map((item) => ({
      width: 'auto',
      columns: [
        {
          width: 14,
          canvas: item.line
            ? [{ type: 'line', x1: 0, y1: 6, x2: 12, y2: 6, lineWidth: 2, lineColor: item.color }]
            : [{ type: 'rect', x: 0, y: 2, w: 10, h: 8, color: item.color }],
        },
        { width: 'auto', text: item.text, fontSize: 8, margin: [0, 0, 12, 0] },
      ],
    })),
    margin: [0, 4, 0, 0],
  };
}

const GUTTER = 44;
const LABEL_BAND = 16;

/** Value labels above a bar need this much of the plot free above the tallest one (a 7 pt label and a gap). */
const VALUE_LABEL_ROOM = 12;

/** Horizontal grid lines and their tick labels, one per tick of a round axis. */
function axisGrid(ticks: ReadonlyArray<number>, y: (v: number) => number, width: number): { shapes: CanvasElement[]; labels: Label[] } {
  const names = axisTickLabels(ticks);
  return {
    shapes: ticks.map((t): CanvasElement => ({ type: 'line', x1: GUTTER, y1: y(t), x2: width, y2: y(t), lineWidth: 0.5, lineColor: t === 0 ? CHART_COLORS.axis : CHART_COLORS.grid })),
    labels: ticks.map((t, i): Label => ({ text: names[i]!, x: GUTTER - 4, y: y(t) - 5, anchor: 'right' })),
  };
}

/**
 * Expected (line) against actual (bars) per bucket; the shaded band is each bucket's spread over its
 * reference dates when the estimate supplies it. One bucket alone is two bars side by side (a line needs two
 * points), each with its value above it.
 */
export function bucketChart(buckets: ReadonlyArray<ReportBucket>, width: number, height: number, title?: Content, earnings = '매출', expectedBasis = '기준일 평균'): Content {
  if (buckets.length === 1) return singleBucketChart(buckets[0]!, width, height, title, earnings, expectedBasis);
  const plotW = width - GUTTER;
  const plotH = height - LABEL_BAND;
  const top = Math.max(0, ...buckets.map((b) => Math.max(b.expected, b.actual, b.high ?? 0)));
  const axis = niceAxis(top, { maxSteps: 4, headroom: 0.04 });
  const yMax = axis.max;
  const n = Math.max(1, buckets.length);
  const slot = plotW / n;
  const x = (i: number) => GUTTER + slot * (i + 0.5);
  const y = (v: number) => plotH - (v / yMax) * plotH;
  const grid = axisGrid(axis.ticks, y, width);
  const shapes: CanvasElement[] = [...grid.shapes];
  const banded = buckets.filter((b) => b.low !== undefined && b.high !== undefined);
  if (banded.length === buckets.length && buckets.length > 1) {
    const upper = buckets.map((b, i) => ({ x: x(i), y: y(b.high ?? b.expected) }));
    const lower = buckets.map((b, i) => ({ x: x(i), y: y(b.low ?? b.expected) })).reverse();
    shapes.push({ type: 'polyline', points: [...upper, ...lower], closePath: true, color: CHART_COLORS.band, fillOpacity: 0.45, lineWidth: 0 });
  }
  const barW = Math.min(18, slot * 0.5);
  buckets.forEach((b, i) => {
    const h = (b.actual / yMax) * plotH;
    if (h > 0) shapes.push({ type: 'rect', x: x(i) - barW / 2, y: plotH - h, w: barW, h, color: CHART_COLORS.actual });
  });
  if (buckets.length > 1) {
    shapes.push({ type: 'polyline', points: buckets.map((b, i) => ({ x: x(i), y: y(b.expected) })), lineWidth: 1.8, lineColor: CHART_COLORS.expected });
  }
  buckets.forEach((b, i) => {
    shapes.push({ type: 'ellipse', x: x(i), y: y(b.expected), r1: 2, r2: 2, color: CHART_COLORS.expected });
  });

  const labels: Label[] = [...grid.labels];
  // Label every bucket while they fit (about 50 pt each), else every n-th.
  const every = Math.max(1, Math.ceil(52 / slot));
  buckets.forEach((b, i) => {
    if (i % every === 0) labels.push({ text: formatBucket(b.bucket), x: x(i), y: plotH + 3, anchor: 'center' });
  });
  return {
    stack: [...(title ? [title] : []), { stack: [...labelContent(labels, 7), { canvas: shapes }] }, { text: ' ', fontSize: 7, margin: [0, 2, 0, 0] }, legend([
      { color: CHART_COLORS.expected, text: `예상 ${earnings}(${expectedBasis})`, line: true },
      { color: CHART_COLORS.actual, text: `실제 ${earnings}` },
      ...(banded.length === buckets.length ? [{ color: CHART_COLORS.band, text: '기준일 값의 범위' }] : []),
    ])],
    unbreakable: true,
  };
}

/** One bucket: the expected and the actual figure as two bars, the reference spread as a whisker on the first. */
function singleBucketChart(b: ReportBucket, width: number, height: number, title: Content | undefined, earnings: string, expectedBasis: string): Content {
  const plotW = width - GUTTER;
  const plotH = height - LABEL_BAND;
  const top = Math.max(0, b.expected, b.actual, b.high ?? 0);
  const axis = niceAxis(top, { maxSteps: 4, headroom: VALUE_LABEL_ROOM / plotH });
  const y = (v: number) => plotH - (v / axis.max) * plotH;
  const grid = axisGrid(axis.ticks, y, width);
  const shapes: CanvasElement[] = [...grid.shapes];
  const labels: Label[] = [...grid.labels];
  const barW = Math.min(60, plotW / 6);
  const banded = b.low !== undefined && b.high !== undefined;
  const bars = [
    { value: b.expected, color: CHART_COLORS.expected, name: `예상 ${earnings}`, cx: GUTTER + plotW * 0.35 },
    { value: b.actual, color: CHART_COLORS.actual, name: `실제 ${earnings}`, cx: GUTTER + plotW * 0.65 },
  ];
  for (const bar of bars) {
    const h = (Math.max(0, bar.value) / axis.max) * plotH;
    if (h > 0) shapes.push({ type: 'rect', x: bar.cx - barW / 2, y: plotH - h, w: barW, h, color: bar.color });
    labels.push({ text: formatNumber(bar.value), x: bar.cx, y: plotH - h - 11, anchor: 'center' });
    labels.push({ text: bar.name, x: bar.cx, y: plotH + 3, anchor: 'center' });
  }
  if (banded) {
    const cx = bars[0]!.cx + barW / 2 + 8;
    const lo = y(b.low ?? b.expected);
    const hi = y(b.high ?? b.expected);
    shapes.push(
      { type: 'line', x1: cx, y1: lo, x2: cx, y2: hi, lineWidth: 2, lineColor: CHART_COLORS.band },
      { type: 'line', x1: cx - 3, y1: lo, x2: cx + 3, y2: lo, lineWidth: 1, lineColor: CHART_COLORS.band },
      { type: 'line', x1: cx - 3, y1: hi, x2: cx + 3, y2: hi, lineWidth: 1, lineColor: CHART_COLORS.band },
    );
  }
  return {
    stack: [...(title ? [title] : []), { stack: [...labelContent(labels, 7), { canvas: shapes }] }, { text: ' ', fontSize: 7, margin: [0, 2, 0, 0] }, legend([
      { color: CHART_COLORS.expected, text: `예상 ${earnings}(${expectedBasis})` },
      { color: CHART_COLORS.actual, text: `실제 ${earnings}` },
      ...(banded ? [{ color: CHART_COLORS.band, text: '기준일 값의 범위', line: true }] : []),
    ])],
    unbreakable: true,
  };
}

/**
 * Weekly totals for the best-week rule: the outage week, the best week and the others. The axis is round and
 * leaves room above the tallest bar, so every week's total sits above its bar, never under the next shape.
 */
export function weeklyBarChart(weeks: ReadonlyArray<ReportWeek>, width: number, height: number, title?: Content): Content {
  const plotW = width - GUTTER;
  const plotH = height - LABEL_BAND * 2;
  const axis = niceAxis(Math.max(0, ...weeks.map((w) => w.total ?? 0)), { maxSteps: 4, headroom: VALUE_LABEL_ROOM / plotH });
  const yMax = axis.max;
  const n = Math.max(1, weeks.length);
  const slot = plotW / n;
  const barW = Math.min(36, slot * 0.6);
  const grid = axisGrid(axis.ticks, (v) => plotH - (v / yMax) * plotH, width);
  const shapes: CanvasElement[] = [...grid.shapes];
  const labels: Label[] = [...grid.labels];
  weeks.forEach((w, i) => {
    const cx = GUTTER + slot * (i + 0.5);
    const color = CHART_COLORS[w.role === 'after' ? 'skipped' : w.role];
    if (w.total !== null && w.total > 0) {
      const h = (w.total / yMax) * plotH;
      shapes.push({ type: 'rect', x: cx - barW / 2, y: plotH - h, w: barW, h, color });
      labels.push({ text: axisLabel(w.total), x: cx, y: plotH - h - 11, anchor: 'center' });
    } else {
      shapes.push({ type: 'rect', x: cx - barW / 2, y: plotH - 2, w: barW, h: 2, color: CHART_COLORS.skipped });
    }
    labels.push({ text: w.label, x: cx, y: plotH + 3, anchor: 'center' });
  });
  return {
    stack: [...(title ? [title] : []), { stack: [...labelContent(labels, 7), { canvas: shapes }] }, { text: ' ', fontSize: 7, margin: [0, 14, 0, 0] }, legend([
      { color: CHART_COLORS.best, text: '가장 높은 주' },
      { color: CHART_COLORS.outage, text: '장애 주간' },
      { color: CHART_COLORS.used, text: '비교한 주' },
      { color: CHART_COLORS.skipped, text: '제외한 주' },
    ])],
    unbreakable: true,
  };
}
