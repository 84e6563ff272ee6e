import { lazy, type ReactNode } from 'react';
import type { ProgressPoint } from '@/domain/contract';
import { fiscalQuarterLabel, fiscalQuarterOf, fiscalYearOf } from '@/domain/plan';
import { useI18n } from '../lib/i18n';
import { ChartFigure } from './chart-figure';
import type { PlanActualChartProps } from './plan-actual-chart';

const PlanActualChart = lazy(() => import('./plan-actual-chart'));

/** The fiscal years a series spans, at least up to FY2020 (the Games). */
export function fiscalYearsOf(points: readonly ProgressPoint[], asOf: string, until = 2020): number[] {
  const first = fiscalYearOf(points[0]?.date ?? asOf);
  const last = Math.max(until, fiscalYearOf(points[points.length - 1]?.date ?? asOf));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The point on the as-of date (the series always holds it), or the last one before it. */
export function pointAt(points: readonly ProgressPoint[], date: string): ProgressPoint | undefined {
  return points.filter((p) => p.date <= date).at(-1);
}

type Props = Omit<PlanActualChartProps, 'label' | 'fiscalYears'> & {
  id: string;
  title: string;
  caption: ReactNode;
  /** Extra legend entries (milestone key) after the series. */
  extraLegend?: ReactNode;
};

/** Plan vs actual as a figure: caption, legend (line and bar patterns), the chart, and the same numbers as a table. */
export function PlanActualFigure({ id, title, caption, extraLegend, ...chart }: Props) {
  const { t, lang } = useI18n();
  const fiscalYears = fiscalYearsOf(chart.points, chart.asOf);
  const legend = (
    <>
      <ul className="chart-legend" aria-label={t('legend')}>
        <li>
          <span className="line-swatch line-swatch--planned" aria-hidden="true" /> {t('expectedProgress')}
        </li>
        <li>
          <span className="line-swatch line-swatch--actual" aria-hidden="true" /> {t('actualProgress')}
        </li>
        {!chart.compact && chart.counts !== false && (
          <>
            <li>
              <span className="bar-swatch bar-swatch--expected" aria-hidden="true" /> {t('expectedCompleted')}
            </li>
            <li>
              <span className="bar-swatch bar-swatch--done" aria-hidden="true" /> {t('completedCount')}
            </li>
          </>
        )}
        {chart.forecast && (
          <li>
            <span className="line-swatch line-swatch--forecast" aria-hidden="true" /> {t('forecastLine')}
          </li>
        )}
        <li>
          <span className="line-swatch line-swatch--asof" aria-hidden="true" /> {t('asOfLine')} ({chart.asOf})
        </li>
      </ul>
      {extraLegend}
    </>
  );
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  const table = (
    <table>
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('date')}</th>
          <th scope="col">{t('expectedProgress')}</th>
          <th scope="col">{t('actualProgress')}</th>
          <th scope="col">{t('gap')}</th>
          <th scope="col">{t('expectedCompleted')}</th>
          <th scope="col">{t('completedCount')}</th>
        </tr>
      </thead>
      <tbody>
        {chart.points.map((p) => (
          <tr key={p.date}>
            <th scope="row">
              {p.date} <span className="sub-inline">{fiscalQuarterLabel(fiscalQuarterOf(p.date), lang)}</span>
            </th>
            <td>{pct(p.expectedProgress)}</td>
            <td>{pct(p.actualProgress)}</td>
            <td>{p.actualProgress === null ? '—' : (p.actualProgress - p.expectedProgress).toFixed(1)}</td>
            <td>{p.expectedCompleted}</td>
            <td>{p.completed ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure id={id} title={title} caption={caption} legend={legend} table={table} height={chart.height}>
      <PlanActualChart {...chart} label={title} fiscalYears={fiscalYears} />
    </ChartFigure>
  );
}
