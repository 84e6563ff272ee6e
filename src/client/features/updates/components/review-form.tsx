import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import type { Submission } from '@/domain/contract-updates';
import { STATUS_LABELS, StatusSchema } from '@/domain/status';
import { Field, FormError } from '@/client/components/form-field';
import { ApiError } from '@/client/lib/api-client';
import { useI18n } from '@/client/lib/i18n';
import { useApproveSubmission } from '../api/approve-submission';
import { invalidatePlan } from '../api/invalidate';
import { useReturnSubmission } from '../api/return-submission';

/** With a 409 the server sends the record as it stands: the assignment, or the already-reviewed submission. */
const CurrentSchema = z.object({
  status: StatusSchema.optional(),
  progress: z.int().optional(),
  version: z.int(),
  state: z.string().optional(),
  reviewedBy: z.string().nullable().optional(),
});

/** Approve (comment optional) or return (comment required), with If-Match on the submission's version. */
export function ReviewForm({ submission: s, ministry }: { submission: Submission; ministry: string }) {
  const { t, l } = useI18n();
  const queryClient = useQueryClient();
  const approve = useApproveSubmission();
  const giveBack = useReturnSubmission();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const id = `review-${s.id}`;
  const error = (approve.error ?? giveBack.error) as unknown;
  const pending = approve.isPending || giveBack.isPending;

  const onApprove = () => {
    giveBack.reset();
    setMissing(false);
    approve.mutate({ id: s.id, version: s.version, comment });
  };
  const onReturn = (event: FormEvent) => {
    event.preventDefault();
    approve.reset();
    if (!comment.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    giveBack.mutate({ id: s.id, version: s.version, comment: comment.trim() });
  };

  return (
    <form className="review-form" onSubmit={onReturn} noValidate aria-label={`${t('reviewFor')} ${ministry}`}>
      {error instanceof ApiError && (
        <ReviewError error={error} onRefresh={() => void invalidatePlan(queryClient)} l={l} t={t} />
      )}
      <Field
        id={id}
        label={t('reviewComment')}
        hint={t('reviewCommentHint')}
        error={missing ? t('returnNeedsComment') : undefined}
      >
        {(p) => (
          <textarea {...p} rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="button" onClick={onApprove} disabled={pending}>
          {t('approve')}
        </button>
        <button type="submit" className="button-secondary" disabled={pending}>
          {t('returnSubmission')}
        </button>
      </div>
    </form>
  );
}

function ReviewError({
  error,
  onRefresh,
  t,
  l,
}: {
  error: ApiError;
  onRefresh: () => void;
  t: ReturnType<typeof useI18n>['t'];
  l: ReturnType<typeof useI18n>['l'];
}) {
  const current = CurrentSchema.safeParse(error.current).data;
  if (error.code === 'assignment_changed') {
    return (
      <FormError error={error}>
        <p>{t('approveAssignmentChanged')}</p>
        {current?.status && (
          <p>
            {t('currentValues')}: {l(STATUS_LABELS[current.status])} {current.progress}% ({t('version')}{' '}
            {current.version})
          </p>
        )}
        <button type="button" className="button-secondary" onClick={onRefresh}>
          {t('refresh')}
        </button>
      </FormError>
    );
  }
  if (error.code === 'not_pending' || error.code === 'stale_version') {
    return (
      <FormError error={error}>
        <p>{t('alreadyReviewed')}</p>
        <button type="button" className="button-secondary" onClick={onRefresh}>
          {t('refresh')}
        </button>
      </FormError>
    );
  }
  return <FormError error={error} />;
}
