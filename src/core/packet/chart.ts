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

/**
 * Expected (line) against actual (bars) per bucket; the shaded band is each bucket's spread over its
 * reference dates when the estimate supplies it.
 */
export function bucketChart(buckets: ReadonlyArray<ReportBucket>, width: number, height: number, title?: Content, earnings = '매출', expectedBasis = '기준일 평균'): Content {
  const plotW = width - GUTTER;
  const plotH = height - LABEL_BAND;
  const top = Math.max(0, ...buckets.map((b) => Math.max(b.expected, b.actual, b.high ?? 0)));
  const yMax = niceCeiling(top);
  const n = Math.max(1, buckets.length);
  const slot = plotW / n;
  const x = (i: number) => GUTTER + slot * (i + 0.5);
  const y = (v: number) => plotH - (v / yMax) * plotH;
  const shapes: CanvasElement[] = [];
  for (const frac of [0, 0.25, 0.5, 0.75, 1]) {
    shapes.push({ type: 'line', x1: GUTTER, y1: y(yMax * frac), x2: width, y2: y(yMax * frac), lineWidth: 0.5, lineColor: frac === 0 ? CHART_COLORS.axis : CHART_COLORS.grid });
  }
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

  const labels: Label[] = [0, 0.5, 1].map((frac) => ({ text: axisLabel(yMax * frac), x: GUTTER - 4, y: y(yMax * frac) - 5, anchor: 'right' }));
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

/** Weekly totals for the best-week rule: the outage week, the best week and the others. */
export function weeklyBarChart(weeks: ReadonlyArray<ReportWeek>, width: number, height: number, title?: Content): Content {
  const plotW = width - GUTTER;
  const plotH = height - LABEL_BAND * 2;
  const yMax = niceCeiling(Math.max(0, ...weeks.map((w) => w.total ?? 0)));
  const n = Math.max(1, weeks.length);
  const slot = plotW / n;
  const barW = Math.min(36, slot * 0.6);
  const shapes: CanvasElement[] = [];
  for (const frac of [0, 0.5, 1]) {
    const yy = plotH - frac * plotH;
    shapes.push({ type: 'line', x1: GUTTER, y1: yy, x2: width, y2: yy, lineWidth: 0.5, lineColor: frac === 0 ? CHART_COLORS.axis : CHART_COLORS.grid });
  }
  const labels: Label[] = [0, 0.5, 1].map((frac) => ({ text: axisLabel(yMax * frac), x: GUTTER - 4, y: plotH - frac * plotH - 5, anchor: 'right' }));
  weeks.forEach((w, i) => {
    const cx = GUTTER + slot * (i + 0.5);
    const color = CHART_COLORS[w.role === 'after' ? 'skipped' : w.role];
    if (w.total !== null && w.total > 0) {
      const h = (w.total / yMax) * plotH;
      shapes.push({ type: 'rect', x: cx - barW / 2, y: plotH - h, w: barW, h, color });
      labels.push({ text: axisLabel(w.total), x: cx, y: Math.max(0, plotH - h - 10), anchor: 'center' });
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
