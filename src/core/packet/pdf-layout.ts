import type { Content, Node, NodeQueries } from 'pdfmake/interfaces';
import { labelWidth } from './chart';
import type { ReportBucket } from './report-data';

/**
 * Layout helpers for report.pdf that pdfmake does not do by itself: Korean words kept whole in table cells,
 * file names broken only at their separators, runs of all-zero buckets folded into one row, and headings kept
 * with what follows them.
 */

/** A piece of a cell's text that pdfmake must not break inside. */
type Piece = { text: string; noWrap: true };

/**
 * pdfmake (Unicode line breaking) may break between any two Hangul syllables, so a narrow cell reads
 * "평균 객단 / 가". Split after the spaces (and `breakAfter`) and mark every piece noWrap: pdfmake then
 * breaks only between pieces. A piece wider than the cell (`width`, estimated) would run out of it, so then
 * the text is left as it was and pdfmake breaks it where it must.
 */
export function keepWords(text: string, width: number, fontSize: number, breakAfter: RegExp = / /): string | Piece[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of text) {
    current += ch;
    if (breakAfter.test(ch) || ch === ' ') {
      pieces.push(current);
      current = '';
    }
  }
  if (current) pieces.push(current);
  // Trailing spaces of a piece hang at a line's end, so they do not count.
  if (pieces.length === 0 || pieces.some((p) => labelWidth(p.trimEnd(), fontSize) > width)) return text;
  return pieces.map((p) => ({ text: p, noWrap: true }));
}

/**
 * A file name that may break only after `/`, `_`, `-`, a space or a dot before the extension
 * (`evidence/소상공인확인서_` / `예시.pdf`), never inside a word or before its extension.
 */
export function keepFileName(name: string, width: number, fontSize: number): string | Piece[] {
  const ext = name.lastIndexOf('.');
  const pieces = keepWords(ext > 0 ? name.slice(0, ext) : name, width, fontSize, /[/_\-.]/);
  if (typeof pieces === 'string') return name;
  if (ext <= 0) return pieces;
  const last = pieces[pieces.length - 1]!;
  const joined = `${last.text}${name.slice(ext)}`;
  if (labelWidth(joined, fontSize) > width) return name;
  return [...pieces.slice(0, -1), { text: joined, noWrap: true }];
}

export type BucketRow = { kind: 'bucket'; bucket: ReportBucket } | { kind: 'zeros'; first: ReportBucket; last: ReportBucket; count: number };

const allZero = (b: ReportBucket) => b.expected === 0 && b.actual === 0 && b.expectedCount === 0 && b.actualCount === 0;

/**
 * The bucket table's rows with every run of at least `minRun` buckets that are 0 in every column (expected and
 * actual, counts and amounts) folded into one row. The totals are the estimate's own, so they do not change.
 */
export function collapseZeroRuns(buckets: ReadonlyArray<ReportBucket>, minRun = 2): BucketRow[] {
  const rows: BucketRow[] = [];
  let run: ReportBucket[] = [];
  const flush = () => {
    if (run.length >= minRun) rows.push({ kind: 'zeros', first: run[0]!, last: run[run.length - 1]!, count: run.length });
    else rows.push(...run.map((bucket): BucketRow => ({ kind: 'bucket', bucket })));
    run = [];
  };
  for (const b of buckets) {
    if (allZero(b)) {
      run.push(b);
    } else {
      flush();
      rows.push({ kind: 'bucket', bucket: b });
    }
  }
  flush();
  return rows;
}

/** Marks a heading that must not be left at the foot of a page (see `keepHeadingsWithContent`). */
export const KEEP_WITH_NEXT = 1;
/** Marks a heading that starts a page unless it already stands first on one. */
export const NEW_PAGE = 2;

/** Below this distance from a heading's first line, what follows it on the page is at most one line. */
const ONE_LINE = 24;

/**
 * pdfmake's `pageBreakBefore` callback: a heading marked `headlineLevel: KEEP_WITH_NEXT` starts a new page when
 * nothing, or a single line, follows it on its page. The footer (below the page's inner height) does not
 * count. Only headings outside unbreakable blocks carry the mark (a block keeps its own heading with it).
 * Layout only: the same document gives the same pages. Use it through `withChartsReset`.
 *
 * `NEW_PAGE` is `pageBreak: 'before'` that leaves no blank page: when the content before it fills its page to
 * the foot, pdfmake has already moved on to a new page, and a fixed page break would add a second one.
 */
export function keepHeadingsWithContent(node: Node, nodes: NodeQueries): boolean {
  if (node.headlineLevel === NEW_PAGE) return nodes.getPreviousNodesOnPage().some(isContent);
  if (node.headlineLevel !== KEEP_WITH_NEXT || !node.startPosition) return false;
  const start = node.startPosition;
  const after = nodes.getFollowingNodesOnPage().filter((n) => isContent(n) && n.startPosition.verticalRatio <= 1);
  if (after.length === 0) return nodes.getNodesOnNextPage().length > 0;
  return after.every((n) => n.startPosition.top - start.top < ONE_LINE) && nodes.getNodesOnNextPage().length > 0;
}

type Point = { x: number; y: number };

/**
 * Wraps a `pageBreakBefore` callback so the charts survive the layout it asks for. When the callback asks for
 * a break, pdfmake lays the whole document out again after putting every vector back where it was, except a
 * polyline's points: they keep the offsets of the last layout and the next one adds its own, so the line and
 * the band of a chart drift down and off the plot (or off the page). The points are put back here, before
 * that next layout.
 */
export function withChartsReset(content: unknown, callback: (node: Node, nodes: NodeQueries) => boolean): (node: Node, nodes: NodeQueries) => boolean {
  const saved: { point: Point; x: number; y: number }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const v = value as { type?: unknown; points?: unknown };
    if (v.type === 'polyline' && Array.isArray(v.points)) {
      for (const point of v.points as Point[]) saved.push({ point, x: point.x, y: point.y });
      return;
    }
    Object.values(value).forEach(walk);
  };
  walk(content);
  return (node, nodes) => {
    const breakHere = callback(node, nodes);
    if (breakHere) {
      for (const s of saved) {
        s.point.x = s.x;
        s.point.y = s.y;
      }
    }
    return breakHere;
  };
}

/** A leaf the reader sees (text, a drawing), not a container that spans pages around it. */
function isContent(n: Node): boolean {
  return !n.stack && !n.ul && !n.ol && !n.table && !n.columns && Boolean(n.startPosition);
}

/** A heading kept with what follows it, or (`newPage`) one that starts a page. */
export function keptHeading(content: Content & object, newPage = false): Content {
  return { ...content, headlineLevel: newPage ? NEW_PAGE : KEEP_WITH_NEXT } as Content;
}
