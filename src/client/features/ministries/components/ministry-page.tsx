import { getRouteApi, Link } from '@tanstack/react-router';
import { AsOfControl } from '@/client/components/as-of-control';
import { PlanActualFigure } from '@/client/components/plan-actual-figure';
import { QueryState } from '@/client/components/query-state';
import { ApiError } from '@/client/lib/api-client';
import { useI18n } from '@/client/lib/i18n';
import { useMinistrySummary } from '../api/get-ministry-summary';
import { MinistryAssignmentsTable } from './ministry-assignments-table';
import { MinistryDueNext } from './ministry-due-next';
import { MinistryFigures } from './ministry-figures';
import { MinistryHistory } from './ministry-history';

const route = getRouteApi('/ministries/$ministryId');

/** What one ministry leads and contributes to, what it owes next, and what it reported. */
export function MinistryPage() {
  const { t, l, lang } = useI18n();
  const { ministryId } = route.useParams();
  const { asOf } = route.useSearch();
  const query = useMinistrySummary(ministryId, asOf);
  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <section>
        <h1>{t('notFoundMinistry')}</h1>
        <Link to="/ministries" search={{ asOf }}>
          {t('backToMinistries')}
        </Link>
      </section>
    );
  }
  return (
    <QueryState query={query} skeletonRows={8}>
      {(s) => (
        <article aria-labelledby="ministry-title" className="ministry">
          <nav aria-label="breadcrumb" className="breadcrumb">
            <ol>
              <li>
                <Link to="/ministries" search={{ asOf }}>
                  {t('ministriesTitle')}
                </Link>
              </li>
              <li>{l(s.ministry.name)}</li>
            </ol>
          </nav>
          <div className="page-head">
            <h1 id="ministry-title">
              {l(s.ministry.name)}
              {lang === 'en' && (
                <span className="original-title" lang="ja">
                  {' '}
                  {s.ministry.name.ja}
                </span>
              )}
            </h1>
            <AsOfControl />
          </div>
          <MinistryFigures summary={s} />
          <PlanActualFigure
            id="ministry-plan-actual"
            name="ministry-plan-actual"
            title={t('ministryProgressTitle')}
            caption={t('ministryProgressCaption')}
            points={s.progressSeries}
            asOf={s.asOf}
            height={260}
          />
          <MinistryDueNext summary={s} asOf={asOf} />
          <MinistryAssignmentsTable id="leads-title" title={t('ministryLeads')} rows={s.lead} asOf={asOf} />
          <MinistryAssignmentsTable
            id="contributes-title"
            title={t('ministryContributes')}
            rows={s.contributing}
            asOf={asOf}
          />
          <MinistryHistory summary={s} asOf={asOf} />
        </article>
      )}
    </QueryState>
  );
}
