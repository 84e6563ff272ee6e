import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { can } from '@/domain/auth';
import { SUBMISSION_STATES } from '@/domain/contract';
import { QueryState } from '@/client/components/query-state';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useSession } from '@/client/features/auth/api/get-session';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { useSubmissions } from '../api/get-submissions';
import { ResultSubmissionsSection } from './result-submissions-section';
import { SubmissionCard } from './submission-card';
import { SUBMISSION_STATE_LABELS } from './submission-state';
import './submissions-page.css';

const route = getRouteApi('/submissions');

/** The review queue: NISC staff review what ministries submitted; a liaison follows their own ministry's. */
export function SubmissionsPage() {
  const { t, l, lang } = useI18n();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/submissions' });
  const session = useSession().data;
  const reviewer = !!session && can(session.user.role, 'submission.review');
  const state = search.state ?? 'pending';
  const query = useSubmissions({ state: state === 'all' ? undefined : state, ministry: search.ministry });
  const ministries = useMinistries();
  const own = session?.user.ministryId
    ? ministries.data?.items.find((m) => m.id === session.user.ministryId)
    : undefined;
  return (
    <section aria-labelledby="submissions-title">
      <h1 id="submissions-title">{t('submissionsTitle')}</h1>
      <p className="sub">
        {reviewer ? t('submissionsLeadReviewer') : t('submissionsLeadLiaison')}
        {!reviewer && own && (lang === 'ja' ? `（${orgName(own, lang)}）` : ` (${orgName(own, lang)})`)}
      </p>
      <div className="queue-controls">
        <nav aria-label={t('submissionState')} className="tabs">
          {[...SUBMISSION_STATES, 'all' as const].map((s) => (
            <Link
              key={s}
              to="/submissions"
              search={(prev) => ({ ...prev, state: s === 'pending' ? undefined : s })}
              // The router marks the tab whose search matches exactly with aria-current="page".
              activeOptions={{ exact: true }}
            >
              {s === 'all' ? t('all') : l(SUBMISSION_STATE_LABELS[s])}
            </Link>
          ))}
        </nav>
        {reviewer && (
          <div className="field field--inline">
            <label htmlFor="queue-ministry">{t('ministry')}</label>
            <select
              id="queue-ministry"
              value={search.ministry ?? ''}
              onChange={(e) =>
                void navigate({ search: (prev) => ({ ...prev, ministry: e.target.value || undefined }) })
              }
            >
              <option value="">{t('all')}</option>
              {(ministries.data?.items ?? [])
                .filter((m) => m.assignable)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {orgName(m, lang)}
                  </option>
                ))}
            </select>
          </div>
        )}
      </div>
      <QueryState query={query} skeletonRows={4}>
        {({ items }) => (
          <>
            <p role="status" className="result-count">
              {items.length} {t('submissionsCount')}
            </p>
            {items.length === 0 ? (
              <p className="empty">{state === 'pending' ? t('queueEmpty') : t('noSubmissions')}</p>
            ) : (
              [...items]
                .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
                .map((s) => <SubmissionCard key={s.id} submission={s} reviewer={reviewer} />)
            )}
          </>
        )}
      </QueryState>
      <ResultSubmissionsSection
        state={state === 'all' ? undefined : state}
        ministry={search.ministry}
        reviewer={reviewer}
      />
    </section>
  );
}
