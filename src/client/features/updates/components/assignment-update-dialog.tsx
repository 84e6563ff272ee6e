import { useState } from 'react';
import { z } from 'zod';
import { DialogForm, useDialogForm } from '@/client/components/form-dialog';
import { Field } from '@/client/components/form-field';
import { useI18n, type Translate } from '@/client/lib/i18n';
import { MeasureDetailSchema, type Assignment } from '@/domain/contract';
import { AssignmentPatchBodySchema, type AssignmentPatchBody } from '@/domain/contract';
import type { Lang } from '@/domain/plan';
import { useUpdateAssignment } from '../api/update-assignment';
import { AsOfLead, NewerValues, newerThanShown } from './as-of-lead';
import { AssignmentConflict } from './assignment-conflict';
import {
  AssignmentDialog,
  useDiscardChange,
  type AssignmentDialogProps,
  type AssignmentFormProps,
} from './assignment-dialog';
import { checkProgress, ProgressFields, ProgressValuesSchema, type ProgressValues } from './progress-fields';

/** NISC staff update one ministry's assignment. The dialog reads the current state when it opens. */
export function AssignmentUpdateDialog(props: AssignmentDialogProps) {
  const { t } = useI18n();
  return <AssignmentDialog {...props} title={t('updateAssignmentTitle')} form={AssignmentUpdateForm} />;
}

const FIELDS = ['status', 'progress', 'narrative', 'confirmed', 'comment'] as const;

/** The fields the user changed from what they started with: only these are sent (and reapplied). */
export function changedFields(base: Assignment, values: ProgressValues, confirm: boolean) {
  const patch: Omit<AssignmentPatchBody, 'comment'> = {};
  if (values.status !== base.status) patch.status = values.status;
  if (Number(values.progress) !== base.progress) patch.progress = Number(values.progress);
  if (values.narrative !== base.narrative) patch.narrative = values.narrative;
  if (confirm && !base.confirmed) patch.confirmed = true;
  return patch;
}

type Values = ProgressValues & { confirm: boolean; comment: string; replaceNewer: boolean };

/**
 * The contract's comment rule with the form's own words, the progress checks, "something changed"
 * (against what the server holds now), and the tick that replacing a newer update needs.
 */
function updateSchema(current: Assignment, newer: boolean, t: Translate, lang: Lang) {
  return ProgressValuesSchema.extend({
    confirm: z.boolean(),
    comment: z.string(),
    replaceNewer: z.boolean(),
  }).superRefine((v, ctx) => {
    checkProgress(v, ctx, t, lang);
    if (!AssignmentPatchBodySchema.shape.comment.safeParse(v.comment).success)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: t('commentRequired') });
    if (Object.keys(changedFields(current, v, v.confirm)).length === 0)
      ctx.addIssue({ code: 'custom', path: ['form'], message: t('nothingChanged') });
    if (newer && !v.replaceNewer)
      ctx.addIssue({ code: 'custom', path: ['replaceNewer'], message: t('newerConfirmRequired') });
  });
}

function AssignmentUpdateForm(props: AssignmentFormProps) {
  const { measure, assignment, ministryId, onClose, onSaved } = props;
  const { t, lang } = useI18n();
  const discard = useDiscardChange(onClose);
  const update = useUpdateAssignment();
  // What the user starts from (the values as of the page's date) and what the server holds now
  // (whose version the write names) are fixed when the form opens: a background refetch must not move them.
  const [shown] = useState(assignment);
  const [base] = useState(props.current);
  const newer = newerThanShown(shown, base);
  const state = useDialogForm<Values>({
    schema: updateSchema(base, newer, t, lang),
    defaultValues: {
      status: shown.status,
      progress: String(shown.progress),
      narrative: shown.narrative,
      confirm: false,
      comment: '',
      replaceNewer: false,
    },
    mutation: update,
    serverFields: FIELDS,
  });
  const { form, error, errors } = state;
  const stale = error?.status === 412 ? MeasureDetailSchema.safeParse(error.current).data : undefined;
  const current = stale?.assignments.find((a) => a.ministryId === ministryId);

  const save = (values: Values, version: number) =>
    update.mutate(
      {
        measureId: measure.id,
        ministryId,
        version,
        body: { ...changedFields(base, values, values.confirm), comment: values.comment.trim() },
      },
      { onSuccess: onSaved },
    );

  const mine = form.getValues();
  return (
    <DialogForm
      state={state}
      onValid={(values) => save(values, base.version)}
      lead={<AsOfLead assignment={shown} shownOn={props.shownOn} today={props.today} />}
      conflict={
        stale &&
        current && (
          <AssignmentConflict
            base={base}
            current={current}
            history={stale.history.filter((h) => h.ministryId === ministryId)}
            mine={mine}
            patch={changedFields(base, mine, mine.confirm)}
            pending={update.isPending}
            onReapply={() => save(mine, current.version)}
            onDiscard={discard}
          />
        )
      }
    >
      {newer && <NewerValues current={base} shownOn={props.shownOn} error={errors.replaceNewer} idPrefix="upd" />}
      <ProgressFields idPrefix="upd" errors={errors} />
      {assignment.provenance === 'proposed' && !base.confirmed && (
        <div className="field field--check">
          <input id="upd-confirm" type="checkbox" {...form.register('confirm')} />
          <label htmlFor="upd-confirm">{t('confirmProposed')}</label>
        </div>
      )}
      <Field id="upd-comment" label={t('comment')} hint={t('commentHint')} error={errors.comment} required>
        {(p) => <textarea {...p} rows={2} maxLength={2000} {...form.register('comment')} />}
      </Field>
    </DialogForm>
  );
}
