import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './ChartFrame';
import './charts.css';
import { CHART_COLORS } from './ExpectedActualChart';

export type WeekKind = 'best' | 'outage' | 'used' | 'skipped';

export interface WeeklyTotal {
  /** The week's first day, e.g. `2022-10-08`. */
  key: string;
  /** Label in text (table, tooltip), e.g. `10.8~10.14`. */
  label: string;
  /** The axis label as lines (e.g. `10.8~` and `10.14`), so long labels never run into each other. */
  axisLines?: readonly string[];
  /** Whole won; null for a skipped week (it has no total the rule may use). */
  sales: number | null;
  kind: WeekKind;
  /** Why a week was skipped, or empty. */
  note: string;
}

export interface WeeklyTotalsTexts {
  title: string;
  description: string;
  best: string;
  outage: string;
  used: string;
  skipped: string;
  week: string;
  sales: string;
  status: string;
  tableCaption: string;
  /** Label of the best-week line, e.g. `최고 461만`. */
  bestLine: string;
}

interface Props {
  weeks: readonly WeeklyTotal[];
  texts: WeeklyTotalsTexts;
  formatMoney: (won: number) => string;
  formatAxis: (won: number) => string;
  /** Labels on top of the bars and on the best-week line (short, e.g. 461만). */
  formatLabel?: (won: number) => string;
  height?: number;
  fallbackWidth?: number;
  /** The page already shows the title as a heading: keep it for screen readers only. */
  titleHidden?: boolean;
}

export const WEEK_COLORS: Record<WeekKind, string> = {
  best: CHART_COLORS.expected,
  outage: CHART_COLORS.actual,
  used: '#a9b8c8',
  skipped: '#8a8f98',
};

interface TickProps {
  x?: number;
  y?: number;
  index?: number;
  payload?: { value?: unknown; index?: number };
  weeks: readonly WeeklyTotal[];
}

/** An axis label in one or more lines (recharts passes x, y and the tick's index). */
function WeekTick({ x = 0, y = 0, payload, index, weeks }: TickProps) {
  const week = weeks[payload?.index ?? index ?? -1];
  const lines = week?.axisLines ?? [String(payload?.value ?? '')];
  return (
    <text x={x} y={y + 4} textAnchor="middle" fill={CHART_COLORS.axis} fontSize={12} className="recharts-text recharts-cartesian-axis-tick-value">
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? '0.71em' : '1.2em'}>{line}</tspan>
      ))}
    </text>
  );
}

/**
 * Weekly totals for a best-week rule: the best week and the outage week highlighted, skipped weeks
 * drawn as hatched grey columns without a number (the rule has no total for them) and their reason.
 */
export function WeeklyTotalsChart({ weeks, texts, formatMoney, formatAxis, height = 300, fallbackWidth, titleHidden, formatLabel = formatAxis }: Props) {
  const tableId = useId();
  const hatchId = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const values = weeks.map((w) => w.sales ?? 0);
  const top = Math.max(1, ...values);
  const best = weeks.find((w) => w.kind === 'best');
  // A skipped week fills the plot's height so it reads as "not counted", not as a small total.
  const data = weeks.map((w) => ({ ...w, placeholder: w.kind === 'skipped' ? top : null }));
  const kindText = (k: WeekKind) => texts[k];
  return (
    <figure className="desk-chart" aria-describedby={tableId}>
      <figcaption>
        <span className={titleHidden ? 'visually-hidden' : 'desk-chart-title'}>{texts.title}</span>
        <span className="desk-chart-description">{texts.description}</span>
      </figcaption>
      <ChartFrame height={height} fallbackWidth={fallbackWidth}>
        {({ width, height: h }) => (
          <BarChart width={width} height={h} data={data} margin={{ top: 28, right: 88, bottom: 8, left: 8 }} title={texts.title} desc={texts.description}>
            <defs>
              <pattern id={hatchId} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="8" height="8" fill="#f1f0ec" />
                <line x1="0" y1="0" x2="0" y2="8" stroke={WEEK_COLORS.skipped} strokeWidth="2" />
              </pattern>
            </defs>
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis dataKey="label" tick={<WeekTick weeks={weeks} />} interval={0} height={40} />
            <YAxis tickFormatter={formatAxis} tick={{ fill: CHART_COLORS.axis, fontSize: 12 }} width={76} domain={[0, 'auto']} />
            <Tooltip
              formatter={(value, _name, item) => {
                const week = (item as { payload?: WeeklyTotal }).payload;
                if (!week) return [String(value), ''];
                return week.sales === null ? [week.note, kindText(week.kind)] : [formatMoney(week.sales), kindText(week.kind)];
              }}
            />
            {best?.sales != null && (
              <ReferenceLine
                y={best.sales}
                stroke={WEEK_COLORS.best}
                strokeDasharray="5 4"
                label={{ value: texts.bestLine, position: 'right', fill: WEEK_COLORS.best, fontSize: 12, fontWeight: 600 }}
              />
            )}
            <Bar dataKey="sales" stackId="week" maxBarSize={56} isAnimationActive={false}>
              {data.map((w) => (
                <Cell key={w.key} fill={WEEK_COLORS[w.kind]} className={`week-bar week-${w.kind}`} />
              ))}
              <LabelList dataKey="sales" position="top" formatter={(v: unknown) => (typeof v === 'number' ? formatLabel(v) : '')} fill={CHART_COLORS.axis} fontSize={11} stroke="#ffffff" strokeWidth={4} paintOrder="stroke" strokeLinejoin="round" />
            </Bar>
            <Bar dataKey="placeholder" stackId="week" maxBarSize={56} isAnimationActive={false} fill={`url(#${hatchId})`} stroke={WEEK_COLORS.skipped} strokeDasharray="3 3" />
          </BarChart>
        )}
      </ChartFrame>
      <ul className="desk-chart-legend">
        {(['best', 'outage', 'used', 'skipped'] as const)
          .filter((k) => weeks.some((w) => w.kind === k))
          .map((k) => (
            <li key={k}>
              <span className={`desk-chart-swatch desk-chart-swatch-${k}`} style={k === 'skipped' ? undefined : { background: WEEK_COLORS[k] }} aria-hidden="true" />
              {texts[k]}
            </li>
          ))}
      </ul>
      <table className="visually-hidden" id={tableId} data-testid="weekly-table">
        <caption>{texts.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.week}</th>
            <th scope="col">{texts.sales}</th>
            <th scope="col">{texts.status}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.key} data-kind={w.kind}>
              <th scope="row">{w.label}</th>
              <td>{w.sales === null ? w.note : formatMoney(w.sales)}</td>
              <td>{kindText(w.kind)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
