import { useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type YAxisTickContentProps,
} from 'recharts';
import { PatternDefs, patternId, type SeriesStyle } from '../../../components/chart-styles';
import { useChartWidth } from '../../../components/chart-print';
import { useI18n } from '../../../lib/i18n';

export type GroupBarChartProps = {
  title: string;
  rows: readonly { key: string; label: string; values: Record<string, number> }[];
  series: readonly SeriesStyle[];
  /** Axis labels: the full label, or only the code on a narrow screen. */
  compact: boolean;
};

/** Horizontal bars, one per group, stacked by category; each segment has its pattern and symbol. */
/** One line per axis label, cut with an ellipsis to fit; the full label is its tooltip and in the table. */
function truncate(text: string, max: number): string {
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

export default function GroupBarChart({ title, rows, series, compact }: GroupBarChartProps) {
  const { l, lang } = useI18n();
  const width = useChartWidth();
  const max = compact ? 8 : lang === 'ja' ? 19 : 36;
  const prefix = useId().replace(/:/g, '');
  const data = rows.map((r) => ({ label: compact ? r.key : r.label, full: r.label, ...r.values }));
  const tick = ({ x, y, payload }: YAxisTickContentProps) => (
    <text x={x} y={y} dy="0.35em" textAnchor="end" className="chart-tick">
      <title>{String(payload.value)}</title>
      {truncate(String(payload.value), max)}
    </text>
  );
  return (
    <ResponsiveContainer width={width} height="100%">
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} title={title}>
        <PatternDefs prefix={prefix} styles={series} />
        <CartesianGrid horizontal={false} strokeDasharray="3 3" className="chart-grid" />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={compact ? 56 : 264} interval={0} tick={tick} />
        <Tooltip labelFormatter={(_, payload) => (payload[0]?.payload as { full?: string } | undefined)?.full ?? ''} />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={`${s.symbol} ${l(s.label)}`}
            stackId="all"
            fill={`url(#${patternId(prefix, s.key)})`}
            stroke="currentColor"
            strokeWidth={0.5}
            className={`chart-bar chart-bar--${s.key}`}
            isAnimationActive={false}
          >
            <LabelList
              dataKey={s.key}
              content={({ x, y, width, height, value }) =>
                Number(width) > 30 && Number(value) > 0 ? (
                  <text
                    x={Number(x) + Number(width) / 2}
                    y={Number(y) + Number(height) / 2}
                    dy="0.35em"
                    textAnchor="middle"
                    className={`chart-bar__label chart-bar__label--${s.key}`}
                  >
                    {s.symbol}
                    {String(value)}
                  </text>
                ) : null
              }
            />
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
