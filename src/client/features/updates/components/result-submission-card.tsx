import { Link } from '@tanstack/react-router';
import { lazyForm } from '@/client/components/lazy-form';
import type { ResultSubmission } from '@/domain/contract';
import { fiscalYearLabel } from '@/domain/plan';
import { useI18n } from '@/client/lib/i18n';
import { useMeasure } from '@/client/features/measures/api/get-measure';
import { ReviewOutcome, SubmissionStateBadge, tokyoTime } from './submission-state';
import './updates.css';
import './submission-card.css';

const ReviewForm = lazyForm(() => import('./review-form').then((m) => m.ReviewForm));

/** A submitted results text: the recorded text beside the submitted one, and the review (decision record 020). */
export function ResultSubmissionCard({
  submission: s,
  ministry,
  reviewer,
}: {
  submission: ResultSubmission;
  ministry: string;
  reviewer: boolean;
}) {
  const { t, l, lang } = useI18n();
  const measure = useMeasure(s.measureId, undefined);
  const titleId = `result-submission-${s.id}`;
  return (
    <article className="card submission" aria-labelledby={titleId}>
      <header className="submission__head">
        <h3 id={titleId}>
          <Link to="/measures/$measureId" params={{ measureId: s.measureId }} search={{}}>
            <span className="code">{measure.data?.code ?? s.measureId}</span>{' '}
            {measure.data ? l(measure.data.title) : ''}
          </Link>
        </h3>
        <SubmissionStateBadge state={s.state} />
      </header>
      <p className="sub">
        {t('fiscalYear')}: <strong>{fiscalYearLabel(s.fy, lang)}</strong> · {t('ministry')}: <strong>{ministry}</strong>{' '}
        · {t('submittedBy')}: {s.submittedBy} · {t('submittedAt')}: {tokyoTime(s.submittedAt)}
      </p>
      <div className="table-wrap">
        <table className="compare">
          <caption className="visually-hidden">
            {t('resultCompareCaption')} {ministry}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('recordedResults')}</th>
              <th scope="col">{t('submittedResults')}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="changed">
              <td>
                <span className="narrative-cell">{s.previousText || t('noTextYet')}</span>
              </td>
              <td>
                <span className="narrative-cell">{s.text || t('noTextYet')}</span>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {s.note && (
        <p>
          <span className="label">{t('submitterNote')}: </span>
          {s.note}
        </p>
      )}
      <ReviewOutcome submission={s} />
      {reviewer && s.state === 'pending' && <ReviewForm submission={s} ministry={ministry} kind="result" />}
    </article>
  );
}
