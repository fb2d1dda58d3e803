import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../charts/ChartFrame';
import '../charts/charts.css';

export type ShareRow = { key: string; label: string; share: number };

interface Props {
  title: string;
  description: string;
  rows: readonly ShareRow[];
  color: string;
  formatShare: (share: number) => string;
}

/** Horizontal bars of shares (%), one per group; the exact counts sit in the table beside it. */
export function ShareChart({ title, description, rows, color, formatShare }: Props) {
  const data = rows.map((r) => ({ ...r, pct: Math.round(r.share * 1000) / 10 }));
  const height = Math.max(120, 34 + rows.length * 26);
  const top = Math.max(10, Math.ceil(Math.max(0, ...data.map((d) => d.pct)) / 10) * 10);
  return (
    <figure className="desk-chart batch-chart">
      <figcaption>
        <span className="desk-chart-title">{title}</span>
        <span className="desk-chart-description">{description}</span>
      </figcaption>
      <ChartFrame height={height} fallbackWidth={520}>
        {({ width, height: h }) => (
          <BarChart width={width} height={h} data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 8 }} title={title} desc={description}>
            <CartesianGrid stroke="#ebe8e0" horizontal={false} />
            <XAxis type="number" domain={[0, top]} tickFormatter={(v: number) => `${v}%`} tick={{ fill: '#4a5563', fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={150} tick={{ fill: '#1d2530', fontSize: 12 }} interval={0} />
            <Tooltip formatter={(_v, _n, item) => [formatShare((item as { payload?: ShareRow }).payload?.share ?? 0), title]} />
            <Bar dataKey="pct" fill={color} maxBarSize={18} isAnimationActive={false}>
              <LabelList dataKey="share" position="right" formatter={(v: unknown) => (typeof v === 'number' ? formatShare(v) : '')} fill="#4a5563" fontSize={11} />
            </Bar>
          </BarChart>
        )}
      </ChartFrame>
    </figure>
  );
}
