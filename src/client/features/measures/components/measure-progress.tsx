import { lazy } from 'react';
import type { MeasureDetail } from '@/domain/contract';
import { fiscalYearOf } from '@/domain/plan';
import { progressHistory } from '@/domain/plan';
import { ChartFigure } from '@/client/components/chart-figure';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import './measure-progress.css';

const MeasureProgressChart = lazy(() => import('./measure-progress-chart'));

/** Dash patterns tell the ministries' lines apart without colour. */
const DASHES = ['6 3', '2 3', '10 3 2 3', '1 2', '8 2 2 2 2 2'];

/** The progress history chart, computed from the measure's recorded updates up to the as-of date. */
export function MeasureProgress({ measure: m, asOf }: { measure: MeasureDetail; asOf: string }) {
  const { t, lang } = useI18n();
  const ministries = useMinistries();
  const orgs = new Map((ministries.data?.items ?? []).map((o) => [o.id, o]));
  const points = progressHistory(m.history, m.assignments, m.start, asOf);
  const shares = m.assignments.map((a, i) => ({
    id: a.ministryId,
    name: orgName(orgs.get(a.ministryId), lang),
    dash: DASHES[i % DASHES.length]!,
  }));
  const first = fiscalYearOf(m.start);
  const last = Math.max(fiscalYearOf(m.dueDate), fiscalYearOf(asOf));
  const fiscalYears = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const table = (
    <table>
      <caption className="visually-hidden">{t('progressHistoryTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('date')}</th>
          <th scope="col">{t('measureOverall')}</th>
          {shares.map((s) => (
            <th key={s.id} scope="col">
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.date}>
            <th scope="row">{p.date}</th>
            <td>{p.measure}%</td>
            {shares.map((s) => (
              <td key={s.id}>{p.byMinistry[s.id] ?? 0}%</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  const legend = (
    <ul className="chart-legend" aria-label={t('legend')}>
      <li>
        <span className="line-swatch line-swatch--actual" aria-hidden="true" /> {t('measureOverall')}
      </li>
      {shares.map((s) => (
        <li key={s.id}>
          <svg width="28" height="8" aria-hidden="true" className="line-swatch-svg">
            <line x1="0" y1="4" x2="28" y2="4" strokeDasharray={s.dash} />
          </svg>{' '}
          {s.name}
        </li>
      ))}
    </ul>
  );
  return (
    <ChartFigure
      id="progress-history"
      title={t('progressHistoryTitle')}
      caption={t('progressHistoryCaption')}
      legend={legend}
      table={table}
      height={260}
    >
      <MeasureProgressChart points={points} ministries={shares} dueDate={m.dueDate} fiscalYears={fiscalYears} />
    </ChartFigure>
  );
}
