import { useId } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './ChartFrame';
import './charts.css';

export interface ExpectedActualPoint {
  /** The bucket's name (`2022-10-15T20:00+09:00`), a stable key. */
  key: string;
  /** Axis label in KST, e.g. `15일 20시`. */
  label: string;
  expected: number;
  actual: number;
  /** The shaded band around `expected` (its meaning is stated in `texts.band`); null draws none. */
  band: [number, number] | null;
}

export interface ExpectedActualTexts {
  title: string;
  description: string;
  expected: string;
  actual: string;
  /** What the band is, in words (e.g. min–max of the reference values); never left implicit. */
  band: string;
  bucket: string;
  tableCaption: string;
  /** Shown in the table where a bucket has no band. */
  none: string;
}

interface Props {
  points: readonly ExpectedActualPoint[];
  texts: ExpectedActualTexts;
  /** Exact money for the tooltip and the table (e.g. 210,750원). */
  formatMoney: (won: number) => string;
  /** Short money for the axis (e.g. 32.5만 원). */
  formatAxis: (won: number) => string;
  height?: number;
  fallbackWidth?: number;
  /** The page already shows the title as a heading: keep it for screen readers only. */
  titleHidden?: boolean;
}

export const CHART_COLORS = {
  expected: '#1f4e79',
  band: '#9dbbd8',
  actual: '#c2541c',
  grid: '#ebe8e0',
  axis: '#4a5563',
} as const;

/**
 * Expected revenue (line) against actual revenue (bars) per window bucket, with a band whose meaning
 * the caller names. A visually hidden table carries the same numbers for screen readers.
 */
export function ExpectedActualChart({ points, texts, formatMoney, formatAxis, height = 300, fallbackWidth, titleHidden }: Props) {
  const tableId = useId();
  const hasBand = points.some((p) => p.band !== null);
  const data = points.map((p) => ({ ...p }));
  const many = points.length > 12;
  return (
    <figure className="desk-chart" aria-describedby={tableId}>
      <figcaption>
        <span className={titleHidden ? 'visually-hidden' : 'desk-chart-title'}>{texts.title}</span>
        <span className="desk-chart-description">{texts.description}</span>
      </figcaption>
      <ChartFrame height={height} fallbackWidth={fallbackWidth}>
        {({ width, height: h }) => (
          <ComposedChart
            width={width}
            height={h}
            data={data}
            margin={{ top: 12, right: 16, bottom: many ? 28 : 8, left: 8 }}
            title={texts.title}
            desc={texts.description}
          >
            <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
            <XAxis
              dataKey="label"
              tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
              interval="preserveStartEnd"
              minTickGap={12}
              angle={many ? -30 : 0}
              textAnchor={many ? 'end' : 'middle'}
              height={many ? 48 : 28}
            />
            <YAxis tickFormatter={formatAxis} tick={{ fill: CHART_COLORS.axis, fontSize: 12 }} width={76} />
            <Tooltip
              formatter={(value, name) => {
                const text = Array.isArray(value) ? `${formatMoney(Number(value[0]))} ~ ${formatMoney(Number(value[1]))}` : formatMoney(Number(value));
                return [text, name];
              }}
            />
            {hasBand && (
              <Area
                dataKey="band"
                name={texts.band}
                stroke="none"
                fill={CHART_COLORS.band}
                fillOpacity={0.45}
                isAnimationActive={false}
                connectNulls={false}
              />
            )}
            <Bar dataKey="actual" name={texts.actual} fill={CHART_COLORS.actual} fillOpacity={0.8} maxBarSize={36} isAnimationActive={false} />
            <Line
              dataKey="expected"
              name={texts.expected}
              stroke={CHART_COLORS.expected}
              strokeWidth={2.5}
              dot={{ r: 3, fill: CHART_COLORS.expected }}
              isAnimationActive={false}
              className="chart-expected-line"
            />
          </ComposedChart>
        )}
      </ChartFrame>
      <ul className="desk-chart-legend">
        <li><span className="desk-chart-swatch desk-chart-swatch-line" style={{ background: CHART_COLORS.expected }} aria-hidden="true" />{texts.expected}</li>
        <li><span className="desk-chart-swatch" style={{ background: CHART_COLORS.actual, opacity: 0.8 }} aria-hidden="true" />{texts.actual}</li>
        {hasBand && <li><span className="desk-chart-swatch" style={{ background: CHART_COLORS.band, opacity: 0.6 }} aria-hidden="true" />{texts.band}</li>}
      </ul>
      <table className="visually-hidden" id={tableId} data-testid="expected-actual-table">
        <caption>{texts.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.bucket}</th>
            <th scope="col">{texts.expected}</th>
            <th scope="col">{texts.actual}</th>
            <th scope="col">{texts.band}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.key}>
              <th scope="row">{p.label}</th>
              <td>{formatMoney(p.expected)}</td>
              <td>{formatMoney(p.actual)}</td>
              <td>{p.band ? `${formatMoney(p.band[0])} ~ ${formatMoney(p.band[1])}` : texts.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
