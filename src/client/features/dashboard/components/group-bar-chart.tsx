import type { SeriesStyle } from '@/client/components/chart-styles';
import { niceTicks, pct } from '@/client/components/nice-ticks';
import { useI18n } from '@/client/lib/i18n';
import './group-bar-chart.css';

export type GroupBarChartProps = {
  title: string;
  rows: readonly { key: string; label: string; values: Record<string, number> }[];
  series: readonly SeriesStyle[];
  /** Axis labels: the full label, or only the code on a narrow screen. */
  compact: boolean;
};

/**
 * Horizontal bars, one per group, stacked by category; each segment has its pattern (the HTML
 * swatch classes) and, where it fits, its symbol and count; the full label and every count are in
 * its tooltip and in the figure's table. HTML and CSS rather than recharts (issue 6): a dozen rows
 * cost next to nothing to draw, and the chart fits whatever width it is given, printing included.
 */
export default function GroupBarChart({ title, rows, series, compact }: GroupBarChartProps) {
  const { l } = useI18n();
  const totals = rows.map((r) => series.reduce((sum, s) => sum + (r.values[s.key] ?? 0), 0));
  const ticks = niceTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1]!;
  return (
    <div
      className={`bar-chart${compact ? ' bar-chart--compact' : ''}`}
      role="img"
      aria-label={title}
      style={{ gridTemplateRows: `repeat(${rows.length}, 34px) auto` }}
    >
      <div className="bar-chart__grid" style={{ gridRow: `1 / span ${rows.length}` }} aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} className="bar-chart__gridline" style={{ left: pct(t / top) }} />
        ))}
      </div>
      {rows.map((r, i) => (
        <div key={r.key} className="bar-chart__row" style={{ gridRow: i + 1 }}>
          <span className="bar-chart__label" title={r.label}>
            {compact ? r.key : r.label}
          </span>
          <span className="bar-chart__track">
            {series.map((s) => {
              const value = r.values[s.key] ?? 0;
              if (value <= 0) return null;
              return (
                <span
                  key={s.key}
                  className={`bar-chart__segment swatch ${s.swatch}`}
                  style={{ width: pct(value / top) }}
                  title={`${r.label}: ${s.symbol} ${l(s.label)} ${value}`}
                >
                  {/* Shown only where the segment is wide enough to hold it (a CSS container query). */}
                  <span className={`bar-chart__value bar-chart__value--${Math.min(4, String(value).length)}`}>
                    {s.symbol}
                    {value}
                  </span>
                </span>
              );
            })}
          </span>
        </div>
      ))}
      <div className="bar-chart__axis" style={{ gridRow: rows.length + 1 }} aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} className="bar-chart__tick" style={{ left: pct(t / top) }}>
            {t}
          </span>
        ))}
      </div>
    </div>
  );
}
