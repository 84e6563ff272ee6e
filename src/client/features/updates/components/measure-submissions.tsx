import { Link } from '@tanstack/react-router';
import { can } from '@/domain/auth';
import type { Session } from '@/domain/contract';
import { STATUS_LABELS } from '@/domain/plan';
import { QueryState } from '@/client/components/query-state';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { useSubmissions } from '../api/get-submissions';
import { SubmissionStateBadge, tokyoTime } from './submission-state';
import './updates.css';

/**
 * Ministry submissions for this measure: a liaison sees their own (and why one was returned);
 * NISC staff see what waits for review. Nothing for those who may not read submissions.
 */
export function MeasureSubmissions({ measureId, session }: { measureId: string; session: Session | null | undefined }) {
  const allowed = !!session && can(session.user.role, 'submission.read');
  if (!allowed) return null;
  return <MeasureSubmissionsList measureId={measureId} reviewer={can(session.user.role, 'submission.review')} />;
}

function MeasureSubmissionsList({ measureId, reviewer }: { measureId: string; reviewer: boolean }) {
  const { t, l, lang } = useI18n();
  const query = useSubmissions({ measure: measureId });
  const ministries = useMinistries();
  const orgs = new Map((ministries.data?.items ?? []).map((o) => [o.id, o]));
  return (
    <section aria-labelledby="measure-submissions-title" className="card">
      <h2 id="measure-submissions-title">{t('measureSubmissionsTitle')}</h2>
      <QueryState query={query} skeletonRows={2}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t('noSubmissions')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('submittedAt')}</th>
                    <th scope="col">{t('ministry')}</th>
                    <th scope="col">{t('proposedValues')}</th>
                    <th scope="col">{t('submissionState')}</th>
                    <th scope="col">{t('reviewComment')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...items]
                    .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))
                    .map((s) => (
                      <tr key={s.id}>
                        <td>
                          {tokyoTime(s.submittedAt)}
                          <span className="sub">{s.submittedBy}</span>
                        </td>
                        <td>{orgName(orgs.get(s.ministryId), lang)}</td>
                        <td>
                          {l(STATUS_LABELS[s.status])} {s.progress}%
                          {s.narrative && <span className="sub narrative-cell">{s.narrative}</span>}
                        </td>
                        <td>
                          <SubmissionStateBadge state={s.state} />
                        </td>
                        <td>
                          {s.reviewComment ?? '—'}
                          {s.reviewedBy && (
                            <span className="sub">
                              {s.reviewedBy} · {tokyoTime(s.reviewedAt)}
                            </span>
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
      {reviewer && (
        <p>
          <Link to="/submissions" search={{ state: 'pending' }}>
            {t('openReviewQueue')}
          </Link>
        </p>
      )}
    </section>
  );
}
