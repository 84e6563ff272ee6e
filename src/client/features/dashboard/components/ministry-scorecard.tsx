import { Link } from '@tanstack/react-router';
import type { Stats } from '@/domain/contract';
import { ProgressBar } from '@/client/components/badges';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import './ministry-scorecard.css';

/** Per ministry: its own assignments (lead / contributing), completed, overdue, at risk, last update. */
export function MinistryScorecard({
  stats,
  asOf,
  headingLevel = 2,
}: {
  stats: Stats;
  asOf: string | undefined;
  headingLevel?: 2 | 3;
}) {
  const { t, lang } = useI18n();
  const ministries = useMinistries();
  const orgs = new Map((ministries.data?.items ?? []).map((o) => [o.id, o]));
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="scorecard-title" className="card scorecard">
      <Heading id="scorecard-title">{t('scorecardTitle')}</Heading>
      <p className="sub">{t('scorecardCaption')}</p>
      <div className="table-wrap">
        <table role="table">
          <caption className="visually-hidden">{t('scorecardTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ministry')}</th>
              <th scope="col" className="num">
                {t('lead')}
              </th>
              <th scope="col" className="num">
                {t('contributing')}
              </th>
              <th scope="col" className="num">
                {t('figCompleted')}
              </th>
              <th scope="col" className="num">
                {t('figOverdue')}
              </th>
              <th scope="col" className="num">
                {t('figAtRisk')}
              </th>
              <th scope="col">{t('progress')}</th>
              <th scope="col">{t('lastUpdate')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {stats.byMinistry
              .filter((m) => m.lead + m.contributing > 0)
              .map((m) => {
                const name = orgName(orgs.get(m.ministryId), lang);
                return (
                  <tr key={m.ministryId} role="row">
                    <th scope="row" role="rowheader">
                      <Link to="/ministries/$ministryId" params={{ ministryId: m.ministryId }} search={{ asOf }}>
                        {name === '—' ? m.ministryId : name}
                      </Link>
                    </th>
                    <td role="cell" className="num" data-label={t('lead')}>
                      {m.lead}
                    </td>
                    <td role="cell" className="num" data-label={t('contributing')}>
                      {m.contributing}
                    </td>
                    <td role="cell" className="num" data-label={t('figCompleted')}>
                      {m.counts.byStatus.completed}
                    </td>
                    <td role="cell" className="num" data-label={t('figOverdue')}>
                      {m.counts.byHealth.overdue}
                    </td>
                    <td role="cell" className="num" data-label={t('figAtRisk')}>
                      {m.counts.byHealth.at_risk}
                    </td>
                    <td role="cell" data-label={t('progress')}>
                      <ProgressBar value={m.counts.progress} label={`${t('progress')} ${name}`} />
                    </td>
                    <td role="cell" className="nowrap" data-label={t('lastUpdate')}>
                      {m.lastUpdate ?? '—'}
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
