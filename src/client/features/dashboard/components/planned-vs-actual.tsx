import { lazy } from 'react';
import { fiscalQuarterLabel, fiscalQuarterOf, fiscalYearOf } from '@/domain/fiscal-year';
import type { Stats } from '@/domain/contract';
import { ChartFigure } from '@/client/components/chart-figure';
import { useI18n } from '@/client/lib/i18n';
import { useMilestones } from '@/client/features/strategy/api/get-milestones';

const PlannedVsActualChart = lazy(() => import('./planned-vs-actual-chart'));

/** The plan's fiscal years and the Games': FY2015–FY2020, longer if the as-of date is later. */
function fiscalYearsOf(stats: Stats): number[] {
  const first = fiscalYearOf(stats.plannedVsActual[0]?.date ?? stats.asOf);
  const last = Math.max(2020, fiscalYearOf(stats.asOf));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function PlannedVsActual({ stats }: { stats: Stats }) {
  const { t, l, lang } = useI18n();
  const fiscalYears = fiscalYearsOf(stats);
  const from = `${fiscalYears[0]}-04-02`;
  const milestones = (useMilestones().data?.items ?? [])
    .filter((m) => m.start >= from)
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((m, i) => ({ ...m, n: i + 1 }));
  const key = (
    <ol className="chart-key" aria-label={t('milestoneLine')}>
      {milestones.map((m) => (
        <li key={m.id}>
          <span className="chart-key__n">{m.n}</span> {l(m.title)} <span className="sub-inline">{m.start}</span>
        </li>
      ))}
    </ol>
  );
  const legend = (
    <ul className="chart-legend" aria-label={t('legend')}>
      <li>
        <span className="line-swatch line-swatch--planned" aria-hidden="true" /> {t('planned')}
      </li>
      <li>
        <span className="line-swatch line-swatch--actual" aria-hidden="true" /> {t('actual')}
      </li>
      <li>
        <span className="line-swatch line-swatch--asof" aria-hidden="true" /> {t('asOfLine')} ({stats.asOf})
      </li>
    </ul>
  );
  const table = (
    <table>
      <caption className="visually-hidden">{t('plannedVsActualTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('date')}</th>
          <th scope="col">{t('planned')}</th>
          <th scope="col">{t('actual')}</th>
          <th scope="col">{t('gap')}</th>
        </tr>
      </thead>
      <tbody>
        {stats.plannedVsActual.map((p) => (
          <tr key={p.date}>
            <th scope="row">
              {p.date} <span className="sub-inline">{fiscalQuarterLabel(fiscalQuarterOf(p.date), lang)}</span>
            </th>
            <td>{p.planned}</td>
            <td>{p.actual ?? '—'}</td>
            <td>{p.actual === null ? '—' : p.actual - p.planned}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure
      id="planned-vs-actual"
      title={t('plannedVsActualTitle')}
      caption={t('plannedVsActualCaption')}
      legend={
        <>
          {legend}
          {key}
        </>
      }
      table={table}
      height={320}
    >
      <PlannedVsActualChart
        points={stats.plannedVsActual}
        milestones={milestones}
        asOf={stats.asOf}
        fiscalYears={fiscalYears}
      />
    </ChartFigure>
  );
}
