import { dayNumber } from '@/domain/dates';
import { dateLabelShort, fiscalYearEnd, fiscalYearShortLabel, fiscalYearStart } from '@/domain/fiscal-year';
import { niceTicks, pct } from '@/client/components/nice-ticks';
import { useI18n } from '@/client/lib/i18n';
import './planned-vs-actual-chart.css';

export type PlannedVsActualChartProps = {
  points: readonly { date: string; planned: number; actual: number | null }[];
  /** Numbered in date order; the numbers are keyed beside the chart. */
  milestones: readonly { n: number; id: string; start: string }[];
  asOf: string;
  fiscalYears: readonly number[];
};

/** SVG user units across and down the plot; the SVG stretches to the plot's box. */
const SIZE = 1000;

/**
 * Cumulative completions expected by the deadlines (dashed step) against actual ones (solid, dots),
 * on a time axis of fiscal years (alternate years shaded), with the milestones and the as-of date.
 *
 * Self-drawn rather than recharts (issue 6): recharts laid this chart out in one task of 100–200 ms
 * of CPU as the overview opened. The lines are one SVG stretched to the plot (strokes do not scale);
 * everything with text or a round shape — axis labels, milestone numbers, the as-of label, the dots —
 * is HTML placed by percentage, so the chart fits any width, printing included. Each dot's tooltip
 * gives its date and both counts; the figure's table has every number.
 */
export default function PlannedVsActualChart({ points, milestones, asOf, fiscalYears }: PlannedVsActualChartProps) {
  const { t, lang } = useI18n();
  const first = fiscalYears[0]!;
  const last = fiscalYears[fiscalYears.length - 1]!;
  const start = dayNumber(fiscalYearStart(first));
  const span = dayNumber(fiscalYearEnd(last)) + 1 - start;
  /** Where a date falls across the plot: 0–1 inside the axis. */
  const at = (date: string) => (dayNumber(date) - start) / span;
  const x = (date: string) => Math.min(1, Math.max(0, at(date)));
  const inside = (date: string) => at(date) >= 0 && at(date) <= 1;
  const yTicks = niceTicks(Math.max(0, ...points.map((p) => Math.max(p.planned, p.actual ?? 0))));
  const top = yTicks[yTicks.length - 1]!;
  /** How high a count stands, 0–1. */
  const y = (v: number) => v / top;
  const sx = (date: string) => (x(date) * SIZE).toFixed(1);
  const sy = (v: number) => ((1 - y(v)) * SIZE).toFixed(1);

  // Planned: a step after each date (the count holds until the next date).
  const planned = points
    .map((p, i) => (i === 0 ? `M${sx(p.date)} ${sy(p.planned)}` : `H${sx(p.date)} V${sy(p.planned)}`))
    .join(' ');
  const actualPoints = points.filter((p): p is typeof p & { actual: number } => p.actual !== null);
  const actual = actualPoints.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.date)} ${sy(p.actual)}`).join(' ');

  return (
    <div className="line-chart" role="img" aria-label={t('plannedVsActualTitle')}>
      <div className="line-chart__plot">
        <svg
          className="line-chart__svg"
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          {fiscalYears
            .filter((_, i) => i % 2 === 0)
            .map((fy) => (
              <rect
                key={fy}
                className="line-chart__band"
                x={sx(fiscalYearStart(fy))}
                width={((x(fiscalYearEnd(fy)) - x(fiscalYearStart(fy))) * SIZE).toFixed(1)}
                y={0}
                height={SIZE}
              />
            ))}
          {yTicks.map((v) => (
            <line
              key={v}
              className="line-chart__grid"
              x1={0}
              x2={SIZE}
              y1={sy(v)}
              y2={sy(v)}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          <path className="line-chart__planned" d={planned} vectorEffect="non-scaling-stroke" />
          <path className="line-chart__actual" d={actual} vectorEffect="non-scaling-stroke" />
        </svg>
        {yTicks.map((v) => (
          <span key={v} className="line-chart__ytick" style={{ bottom: pct(y(v)) }}>
            {v}
          </span>
        ))}
        {fiscalYears.map((fy) => (
          <span key={fy} className="line-chart__xtick" style={{ left: pct(x(`${fy}-10-01`)) }}>
            {fiscalYearShortLabel(fy, lang)}
          </span>
        ))}
        {milestones
          .filter((m) => inside(m.start))
          .map((m) => (
            <span key={m.id} className="line-chart__milestone" style={{ left: pct(x(m.start)) }}>
              <span className="line-chart__milestone-n">{m.n}</span>
            </span>
          ))}
        {inside(asOf) && (
          <span className="line-chart__asof" style={{ left: pct(x(asOf)) }}>
            {/* Beside its line, on whichever side has room. */}
            <span className={`line-chart__asof-label${x(asOf) > 0.85 ? ' line-chart__asof-label--left' : ''}`}>
              {t('asOfLine')}
            </span>
          </span>
        )}
        {actualPoints.map((p) => (
          <span
            key={p.date}
            className="line-chart__dot"
            style={{ left: pct(x(p.date)), bottom: pct(y(p.actual)) }}
            title={`${dateLabelShort(p.date, lang)} — ${t('planned')} ${p.planned}, ${t('actual')} ${p.actual}`}
          />
        ))}
      </div>
    </div>
  );
}
