import type { ResultSubmission } from '@/domain/contract';
import { QueryState } from '@/client/components/query-state';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { useResultSubmissions } from '../api/result-submissions';
import { ResultSubmissionCard } from './result-submission-card';

/** The queue's second part: results texts for a fiscal year, under the same state and ministry filters. */
export function ResultSubmissionsSection({
  state,
  ministry,
  reviewer,
}: {
  state: ResultSubmission['state'] | undefined;
  ministry: string | undefined;
  reviewer: boolean;
}) {
  const { t, lang } = useI18n();
  const query = useResultSubmissions({ state, ministry });
  const orgs = new Map((useMinistries().data?.items ?? []).map((o) => [o.id, o]));
  return (
    <section aria-labelledby="result-submissions-title" className="result-submissions">
      <h2 id="result-submissions-title">{t('resultsReviewTitle')}</h2>
      <QueryState query={query} skeletonRows={2}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{state === 'pending' ? t('resultsQueueEmpty') : t('noResultSubmissions')}</p>
          ) : (
            items.map((s) => (
              <ResultSubmissionCard
                key={s.id}
                submission={s}
                ministry={orgName(orgs.get(s.ministryId), lang)}
                reviewer={reviewer}
              />
            ))
          )
        }
      </QueryState>
    </section>
  );
}
