import { Link } from '@tanstack/react-router';
import { lazyForm } from '@/client/components/lazy-form';
import type { Submission } from '@/domain/contract';
import { STATUS_LABELS } from '@/domain/plan';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMeasure } from '@/client/features/measures/api/get-measure';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { ReviewOutcome, SubmissionStateBadge, tokyoTime } from './submission-state';
import './updates.css';
import './submission-card.css';

// Loaded when first opened (see lazy-form.tsx).
const ReviewForm = lazyForm(() => import('./review-form').then((m) => m.ReviewForm));

/** One submission: what the ministry proposes beside what is recorded now, and the review. */
export function SubmissionCard({ submission: s, reviewer }: { submission: Submission; reviewer: boolean }) {
  const { t, l, lang } = useI18n();
  const measure = useMeasure(s.measureId, undefined);
  const ministries = useMinistries();
  const ministry = orgName(
    ministries.data?.items.find((o) => o.id === s.ministryId),
    lang,
  );
  const current = measure.data?.assignments.find((a) => a.ministryId === s.ministryId);
  const titleId = `submission-${s.id}`;
  const moved = current && current.version !== s.baseVersion && s.state === 'pending';
  const row = (label: string, now: string | undefined, proposed: string, narrative = false) => (
    <tr className={now !== undefined && now !== proposed ? 'changed' : undefined}>
      <th scope="row">{label}</th>
      <td>{narrative ? <span className="narrative-cell">{now ?? '…'}</span> : (now ?? '…')}</td>
      <td>{narrative ? <span className="narrative-cell">{proposed || '—'}</span> : proposed || '—'}</td>
    </tr>
  );
  return (
    <article className="card submission" aria-labelledby={titleId}>
      <header className="submission__head">
        <h2 id={titleId}>
          <Link to="/measures/$measureId" params={{ measureId: s.measureId }} search={{}}>
            <span className="code">{measure.data?.code ?? s.measureId}</span>{' '}
            {measure.data ? l(measure.data.title) : ''}
          </Link>
        </h2>
        <SubmissionStateBadge state={s.state} />
      </header>
      <p className="sub">
        {t('ministry')}: <strong>{ministry}</strong> · {t('submittedBy')}: {s.submittedBy} · {t('submittedAt')}:{' '}
        {tokyoTime(s.submittedAt)}
      </p>
      <div className="table-wrap">
        <table className="compare">
          <caption className="visually-hidden">
            {t('compareCaption')} {ministry}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('conflictField')}</th>
              <th scope="col">{t('currentValues')}</th>
              <th scope="col">{t('proposedValues')}</th>
            </tr>
          </thead>
          <tbody>
            {row(t('status'), current && l(STATUS_LABELS[current.status]), l(STATUS_LABELS[s.status]))}
            {row(t('progress'), current && `${current.progress}%`, `${s.progress}%`)}
            {row(t('narrative'), current?.narrative, s.narrative, true)}
          </tbody>
        </table>
      </div>
      {s.evidence && (
        <p>
          <span className="label">{t('evidence')}: </span>
          {s.evidence}
        </p>
      )}
      {moved && (
        <p className="notice notice--warning">
          {t('assignmentMovedSince')
            .replace('{base}', String(s.baseVersion))
            .replace('{current}', String(current.version))}
        </p>
      )}
      <ReviewOutcome submission={s} />
      {reviewer && s.state === 'pending' && <ReviewForm submission={s} ministry={ministry} />}
    </article>
  );
}
