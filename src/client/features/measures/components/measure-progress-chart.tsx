import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { dayNumber, fromDayNumber } from '@/domain/plan';
import { dateLabelShort, fiscalYearShortLabel, fiscalYearStart } from '@/domain/plan';
import type { ProgressHistoryPoint } from '@/domain/plan';
import { useChartWidth } from '@/client/components/chart-print';
import { useI18n } from '@/client/lib/i18n';
import './measure-progress-chart.css';

export type MeasureProgressChartProps = {
  points: readonly ProgressHistoryPoint[];
  ministries: readonly { id: string; name: string; dash: string }[];
  dueDate: string;
  fiscalYears: readonly number[];
};

/** The measure's progress (thick) and each ministry's share (thin, dashed differently), as steps. */
export default function MeasureProgressChart({ points, ministries, dueDate, fiscalYears }: MeasureProgressChartProps) {
  const { t, lang } = useI18n();
  const width = useChartWidth();
  const data = points.map((p) => ({ x: dayNumber(p.date), measure: p.measure, ...p.byMinistry }));
  const ticks = fiscalYears.map((fy) => dayNumber(fiscalYearStart(fy)));
  const domain = [ticks[0]!, Math.max(dayNumber(dueDate), data[data.length - 1]?.x ?? 0) + 30];
  const names = new Map(ministries.map((m) => [m.id, m.name]));
  return (
    <ResponsiveContainer width={width} height="100%">
      <LineChart data={data} margin={{ top: 16, right: 24, bottom: 4, left: 12 }} title={t('progressHistoryTitle')}>
        <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
        <XAxis
          type="number"
          dataKey="x"
          domain={domain}
          ticks={ticks}
          tickFormatter={(x: number) => fiscalYearShortLabel(fiscalYears[ticks.indexOf(x)] ?? 0, lang)}
        />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" width={48} />
        <Tooltip
          labelFormatter={(x) => dateLabelShort(fromDayNumber(Number(x)), lang)}
          formatter={(v, name) => [
            `${String(v)}%`,
            name === 'measure' ? t('measureOverall') : (names.get(String(name)) ?? name),
          ]}
        />
        <ReferenceLine
          x={dayNumber(dueDate)}
          className="chart-due"
          strokeDasharray="4 3"
          label={{ value: t('due'), position: 'insideTopRight' }}
        />
        {ministries.map((m) => (
          <Line
            key={m.id}
            type="stepAfter"
            dataKey={m.id}
            name={m.id}
            className="chart-line--share"
            stroke="currentColor"
            strokeDasharray={m.dash}
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        <Line
          type="stepAfter"
          dataKey="measure"
          name="measure"
          className="chart-line--actual"
          stroke="currentColor"
          strokeWidth={3}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
