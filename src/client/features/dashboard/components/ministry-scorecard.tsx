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
        <table>
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
          <tbody>
            {stats.byMinistry
              .filter((m) => m.lead + m.contributing > 0)
              .map((m) => {
                const name = orgName(orgs.get(m.ministryId), lang);
                return (
                  <tr key={m.ministryId}>
                    <th scope="row">
                      <Link to="/ministries/$ministryId" params={{ ministryId: m.ministryId }} search={{ asOf }}>
                        {name === '—' ? m.ministryId : name}
                      </Link>
                    </th>
                    <td className="num">{m.lead}</td>
                    <td className="num">{m.contributing}</td>
                    <td className="num">{m.counts.byStatus.completed}</td>
                    <td className="num">{m.counts.byHealth.overdue}</td>
                    <td className="num">{m.counts.byHealth.at_risk}</td>
                    <td>
                      <ProgressBar value={m.counts.progress} label={`${t('progress')} ${name}`} />
                    </td>
                    <td className="nowrap">{m.lastUpdate ?? '—'}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
