import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { dayNumber, fromDayNumber } from '../../../../domain/dates';
import { dateLabelShort, fiscalYearEnd, fiscalYearShortLabel, fiscalYearStart } from '../../../../domain/fiscal-year';
import { useChartWidth } from '../../../components/chart-print';
import { useI18n } from '../../../lib/i18n';

export type PlannedVsActualChartProps = {
  points: readonly { date: string; planned: number; actual: number | null }[];
  /** Numbered in date order; the numbers are keyed beside the chart. */
  milestones: readonly { n: number; id: string; start: string }[];
  asOf: string;
  fiscalYears: readonly number[];
};

/** Cumulative completions expected by the deadlines (dashed step) against actual ones (solid, dots). */
export default function PlannedVsActualChart({ points, milestones, asOf, fiscalYears }: PlannedVsActualChartProps) {
  const { t, lang } = useI18n();
  const width = useChartWidth();
  const data = points.map((p) => ({ x: dayNumber(p.date), planned: p.planned, actual: p.actual }));
  const first = fiscalYears[0]!;
  const last = fiscalYears[fiscalYears.length - 1]!;
  const domain = [dayNumber(fiscalYearStart(first)), dayNumber(fiscalYearEnd(last))];
  // A tick in the middle of each fiscal year (1 October) names it; the bands mark its bounds.
  const ticks = fiscalYears.map((fy) => dayNumber(`${fy}-10-01`));
  return (
    <ResponsiveContainer width={width} height="100%">
      <ComposedChart data={data} margin={{ top: 24, right: 24, bottom: 4, left: 4 }} title={t('plannedVsActualTitle')}>
        {fiscalYears
          .filter((_, i) => i % 2 === 0)
          .map((fy) => (
            <ReferenceArea
              key={fy}
              x1={dayNumber(fiscalYearStart(fy))}
              x2={dayNumber(fiscalYearEnd(fy))}
              className="chart-band"
              ifOverflow="hidden"
            />
          ))}
        <CartesianGrid vertical={false} strokeDasharray="3 3" className="chart-grid" />
        <XAxis
          type="number"
          dataKey="x"
          domain={domain}
          ticks={ticks}
          tickLine={false}
          tickFormatter={(x: number) => fiscalYearShortLabel(first + ticks.indexOf(x), lang)}
        />
        <YAxis allowDecimals={false} width={48} />
        <Tooltip
          labelFormatter={(x) => dateLabelShort(fromDayNumber(Number(x)), lang)}
          formatter={(v, name) => [v, name === 'planned' ? t('planned') : t('actual')]}
        />
        {milestones.map((m) => (
          <ReferenceLine
            key={m.id}
            x={dayNumber(m.start)}
            className="chart-milestone"
            strokeDasharray="2 3"
            label={{ value: String(m.n), position: 'top', className: 'chart-milestone__label' }}
          />
        ))}
        <ReferenceLine
          x={dayNumber(asOf)}
          className="chart-asof"
          // Inside the plot, beside the line; the milestone numbers sit above the plot.
          label={{ value: t('asOfLine'), position: 'insideTopLeft', className: 'chart-asof__label' }}
        />
        <Line
          type="stepAfter"
          dataKey="planned"
          name="planned"
          className="chart-line--planned"
          stroke="currentColor"
          strokeDasharray="7 4"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="linear"
          dataKey="actual"
          name="actual"
          className="chart-line--actual"
          stroke="currentColor"
          strokeWidth={3}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
