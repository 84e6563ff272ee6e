import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ReturnBodySchema } from '@/domain/contract';
import { STATUS_LABELS, StatusSchema } from '@/domain/plan';
import { DialogForm, useDialogForm } from '@/client/components/form-dialog';
import { useSaveNotice } from '@/client/components/save-notice';
import { Field, FormError } from '@/client/components/form-field';
import { type ApiError } from '@/client/lib/api-client';
import { useI18n, type Translate } from '@/client/lib/i18n';
import { useApproveSubmission } from '../api/approve-submission';
import { invalidatePlan } from '../api/invalidate';
import { useReturnSubmission } from '../api/return-submission';
import './review-form.css';

/** With a 409 the server sends the record as it stands: the assignment, or the already-reviewed submission. */
const CurrentSchema = z.object({
  status: StatusSchema.optional(),
  progress: z.int().optional(),
  version: z.int(),
  state: z.string().optional(),
  reviewedBy: z.string().nullable().optional(),
});

const ValuesSchema = z.object({ comment: z.string() });
type Values = z.infer<typeof ValuesSchema>;

/** Returning needs the contract's comment; approving takes it as it is. */
const returnSchema = (t: Translate) =>
  ValuesSchema.superRefine((v, ctx) => {
    if (!ReturnBodySchema.shape.comment.safeParse(v.comment).success)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: t('returnNeedsComment') });
  });

/** A refusal is shown by the form from the mutation's state. */
const ignore = () => undefined;

/** Approve (comment optional) or return (comment required), with If-Match on the submission's version. */
export function ReviewForm({
  submission: s,
  ministry,
  kind = 'progress',
}: {
  submission: { id: string; version: number };
  ministry: string;
  /** A progress submission, or a results text for a fiscal year (decision record 020). */
  kind?: 'progress' | 'result';
}) {
  const { t, l } = useI18n();
  const queryClient = useQueryClient();
  const approve = useApproveSubmission();
  const giveBack = useReturnSubmission();
  const notify = useSaveNotice();
  const state = useDialogForm<Values>({
    schema: returnSchema(t),
    defaultValues: { comment: '' },
    mutation: { error: approve.error ?? giveBack.error, isPending: approve.isPending || giveBack.isPending },
    serverFields: [],
  });
  const { form, error, errors, pending } = state;
  const id = `review-${s.id}`;

  const onApprove = () => {
    giveBack.reset();
    form.clearErrors();
    // The approved card leaves the queue as soon as the plan is read again: a promise, not a
    // callback of this (by then unmounted) form, says it is done.
    approve
      .mutateAsync({ id: s.id, version: s.version, comment: form.getValues('comment'), kind })
      .then(() => notify(`${t('submissionApproved')} ${ministry}`), ignore);
  };
  const onReturn = (v: Values) => {
    approve.reset();
    giveBack
      .mutateAsync({ id: s.id, version: s.version, comment: v.comment.trim(), kind })
      .then(() => notify(`${t('submissionReturned')} ${ministry}`), ignore);
  };

  return (
    <DialogForm
      state={state}
      onValid={onReturn}
      onInvalid={() => approve.reset()}
      className="review-form"
      label={`${t('reviewFor')} ${ministry}`}
      summary={error && <ReviewError error={error} onRefresh={() => void invalidatePlan(queryClient)} l={l} t={t} />}
      actions={
        <div className="form-actions">
          <button type="button" onClick={onApprove} disabled={pending}>
            {t('approve')}
          </button>
          <button type="submit" className="button-secondary" disabled={pending}>
            {t('returnSubmission')}
          </button>
        </div>
      }
    >
      <Field id={id} label={t('reviewComment')} hint={t('reviewCommentHint')} error={errors.comment}>
        {(p) => <textarea {...p} rows={2} maxLength={2000} {...form.register('comment')} />}
      </Field>
    </DialogForm>
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
  if (error.code === 'result_changed') {
    return (
      <FormError error={error}>
        <p>{t('approveResultChanged')}</p>
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
