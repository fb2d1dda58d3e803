/**
 * The bench's figures, their budgets (docs/benchmarks.md) and the printed table. A figure is a measured
 * number, or null with the reason it is missing; a missing figure is never replaced by a guess.
 */

export type FigureKey =
  | 'estimateMs'
  | 'import100kMs'
  | 'packetMs'
  | 'packetBytes'
  | 'batch10kMs'
  | 'batchFloorRatio'
  | 'firstRenderMs'
  | 'bulkPut100kMs'
  | 'gridPageDownMs'
  | 'gridTypeMs'
  | 'peakRssMb';

export type Budget = { limit: number; kind: 'under' | 'above'; text: string };

/** The budgets. 300 KB is read as 300,000 bytes and 2 GB as 2,048 MB. */
export const BUDGETS: Record<FigureKey, Budget> = {
  estimateMs: { limit: 5, kind: 'under', text: '< 5 ms' },
  import100kMs: { limit: 3_000, kind: 'under', text: '< 3 s' },
  packetMs: { limit: 1_500, kind: 'under', text: '< 1.5 s' },
  packetBytes: { limit: 300_000, kind: 'under', text: '< 300 KB' },
  batch10kMs: { limit: 60_000, kind: 'under', text: '< 60 s' },
  batchFloorRatio: { limit: 0.3, kind: 'above', text: '> 0.3' },
  firstRenderMs: { limit: 1_500, kind: 'under', text: '< 1.5 s' },
  bulkPut100kMs: { limit: 5_000, kind: 'under', text: '< 5 s' },
  peakRssMb: { limit: 2_048, kind: 'under', text: '< 2 GB' },
  // Were wall-clock limits inside the e2e test "two years of hourly records" (issue 13).
  gridPageDownMs: { limit: 5_000, kind: 'under', text: '< 5 s' },
  gridTypeMs: { limit: 3_000, kind: 'under', text: '< 3 s' },
};

export const FIGURE_ORDER: FigureKey[] = [
  'estimateMs',
  'import100kMs',
  'packetMs',
  'packetBytes',
  'batch10kMs',
  'batchFloorRatio',
  'peakRssMb',
  'firstRenderMs',
  'bulkPut100kMs',
  'gridPageDownMs',
  'gridTypeMs',
];

export type Figure = {
  key: FigureKey;
  /** What was measured, with the size actually used (quick mode uses small sizes). */
  label: string;
  value: number | null;
  unit: 'ms' | 'B' | 'MB' | 'ratio';
  /** Why the value is null: "not yet available: ..." or the harness error. */
  missing?: string;
  /** The harness failed for this figure (as opposed to a feature not built yet). */
  error?: boolean;
  /** Extra facts worth a line in the table (samples, spread, sizes). */
  note?: string;
};

export type Verdict = 'pass' | 'FAIL' | 'n/a';

/** Budgets are judged at full size only: a quick run measures 1/10th of the work. */
export function verdict(figure: Figure, quick: boolean): Verdict {
  if (figure.value === null || quick) return 'n/a';
  const b = BUDGETS[figure.key];
  return (b.kind === 'under' ? figure.value < b.limit : figure.value > b.limit) ? 'pass' : 'FAIL';
}

export function formatValue(f: Figure): string {
  if (f.value === null) return f.error ? 'error' : '—';
  switch (f.unit) {
    case 'ms':
      return f.value >= 1_000 ? `${(f.value / 1_000).toFixed(2)} s` : `${f.value.toFixed(f.value < 10 ? 2 : 0)} ms`;
    case 'B':
      return `${Math.round(f.value / 1_000).toLocaleString('en-US')} KB (${f.value.toLocaleString('en-US')} B)`;
    case 'MB':
      return `${f.value.toFixed(0)} MB`;
    case 'ratio':
      return f.value.toFixed(2);
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function renderTable(figures: Figure[], quick: boolean): string {
  const rows = [['figure', 'measured', 'value', 'budget', 'result']];
  const notes: string[] = [];
  for (const f of figures) {
    rows.push([f.key, f.label, formatValue(f), BUDGETS[f.key].text, f.value === null ? (f.error ? 'ERROR' : 'not yet available') : verdict(f, quick)]);
    if (f.missing) notes.push(`  ${f.key}: ${f.missing}`);
    else if (f.note) notes.push(`  ${f.key}: ${f.note}`);
  }
  const head = quick ? 'Outage Loss Desk bench (QUICK: small sizes, budgets not judged)' : 'Outage Loss Desk bench';
  return [head, '', table(rows), '', 'notes:', ...notes].join('\n');
}

/** The JSON object printed as the last line: every key present, null where not measured. */
export function jsonLine(figures: Figure[], extra: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const key of FIGURE_ORDER) {
    const f = figures.find((x) => x.key === key);
    out[key] = f?.value === null || f === undefined ? null : Number(f.value.toFixed(key === 'batchFloorRatio' ? 3 : key === 'estimateMs' ? 3 : 1));
  }
  const budgets: Record<string, Verdict> = {};
  for (const f of figures) budgets[f.key] = verdict(f, extra.quick === true);
  const missing = Object.fromEntries(figures.filter((f) => f.missing).map((f) => [f.key, f.missing]));
  return JSON.stringify({ ...out, budgets, missing, ...extra });
}
