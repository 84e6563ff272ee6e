import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import type { PlanItem, ResultSubmission } from '@/domain/contract';
import { ReadOnlyField } from '@/client/components/read-only-field';
import { useSaveNotice } from '@/client/components/save-notice';
import { ApiError } from '@/client/lib/api-client';
import { fill, useI18n } from '@/client/lib/i18n';
import { serverText } from '@/client/lib/server-text';
import { useCreateResultSubmission } from '@/client/features/updates/api/result-submissions';
import { SubmissionStateBadge, tokyoTime } from '@/client/features/updates/components/submission-state';
import { useSavePlan } from '../api/annual-plan';
import './annual-result.css';

type Result = PlanItem['results'][number];

/**
 * One ministry's results for the year (decision record 020). `direct`: NISC staff edit the record
 * (audited). `submit`: the liaison of that ministry submits for NISC review, and sees the latest
 * submission's state. `read`: plain text, nothing that looks editable.
 */
export function AnnualResult(p: {
  fy: number;
  measureId: string;
  result: Result;
  label: string;
  mode: 'direct' | 'submit' | 'read';
  latest: ResultSubmission | undefined;
}) {
  const { t } = useI18n();
  if (p.mode === 'read') return <ReadOnlyField label={p.label} text={p.result.text} empty={t('noTextYet')} />;
  if (p.mode === 'direct') return <DirectResult {...p} />;
  if (p.latest?.state === 'pending') return <PendingResult {...p} pending={p.latest} />;
  // Remounted when the latest submission arrives, so that a returned text fills the box.
  return <SubmitResult key={p.latest?.id ?? 'none'} {...p} />;
}

function DirectResult({ fy, measureId, result, label, latest }: Parameters<typeof AnnualResult>[0]) {
  const { t } = useI18n();
  const save = useSavePlan(fy, measureId);
  const notify = useSaveNotice();
  const [text, setText] = useState(result.text);
  const id = useId();
  return (
    <div className="field field--wide annual-result">
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={`${id}-hint`}>
        {t('staffResultHint')}
      </span>
      {latest?.state === 'pending' && (
        <p className="notice notice--warning">
          {t('resultPendingForStaff')}{' '}
          <Link to="/submissions" search={{ ministry: result.ministryId }}>
            {t('reviewIt')}
          </Link>
        </p>
      )}
      <textarea
        id={id}
        rows={3}
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form-actions">
        <button
          type="button"
          disabled={save.isPending}
          onClick={() =>
            save.mutate(
              { kind: 'result', ministryId: result.ministryId, text, version: result.version },
              { onSuccess: () => notify(fill(t('resultSaved'), { ministry: label })) },
            )
          }
        >
          {t('save')}
        </button>
      </div>
      <ErrorText error={save.error} />
    </div>
  );
}

function PendingResult({ result, label, pending }: Parameters<typeof AnnualResult>[0] & { pending: ResultSubmission }) {
  const { t } = useI18n();
  return (
    <section className="annual-result annual-result--pending" aria-label={label}>
      <p className="annual-result__head">
        <strong>{label}</strong> <SubmissionStateBadge state="pending" />
      </p>
      <p>{fill(t('resultPending'), { at: tokyoTime(pending.submittedAt) })}</p>
      <ReadOnlyField label={t('submittedResults')} text={pending.text} empty={t('noTextYet')} />
      <ReadOnlyField label={t('recordedResults')} text={result.text} empty={t('noTextYet')} />
    </section>
  );
}

function SubmitResult({ fy, measureId, result, label, latest }: Parameters<typeof AnnualResult>[0]) {
  const { t } = useI18n();
  const submit = useCreateResultSubmission();
  const notify = useSaveNotice();
  const returned = latest?.state === 'returned' ? latest : undefined;
  // A returned text comes back to be revised rather than typed again.
  const [text, setText] = useState(returned?.text ?? result.text);
  const id = useId();
  return (
    <div className="field field--wide annual-result">
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={`${id}-hint`}>
        {t('liaisonResultHint')}
      </span>
      {returned && (
        <div className="notice notice--warning" role="note">
          <p>
            <SubmissionStateBadge state="returned" />{' '}
            {fill(t('resultReturned'), { by: returned.reviewedBy ?? '—', at: tokyoTime(returned.reviewedAt) })}
          </p>
          {returned.reviewComment && (
            <p>
              <span className="label">{t('reviewComment')}: </span>
              {returned.reviewComment}
            </p>
          )}
        </div>
      )}
      <textarea
        id={id}
        rows={3}
        value={text}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form-actions">
        <button
          type="button"
          disabled={submit.isPending}
          onClick={() =>
            submit.mutate(
              { fy, measureId, ministryId: result.ministryId, baseVersion: result.version, text, note: '' },
              { onSuccess: () => notify(fill(t('resultSubmitted'), { ministry: label })) },
            )
          }
        >
          {t('submitForReview')}
        </button>
      </div>
      <ErrorText error={submit.error} />
    </div>
  );
}

function ErrorText({ error }: { error: Error | null }) {
  const { lang } = useI18n();
  if (!error) return null;
  return (
    <p className="error-box" role="alert">
      {error instanceof ApiError ? serverText(error.message, lang) : error.message}
    </p>
  );
}
