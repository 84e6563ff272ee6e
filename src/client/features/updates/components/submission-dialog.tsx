import { useState } from 'react';
import { z } from 'zod';
import { DialogForm, useDialogForm } from '@/client/components/form-dialog';
import { Field } from '@/client/components/form-field';
import { useI18n, type Translate } from '@/client/lib/i18n';
import { SubmissionCreateBodySchema } from '@/domain/contract';
import type { Lang } from '@/domain/plan';
import { StatusSchema } from '@/domain/plan';
import { useCreateSubmission } from '../api/create-submission';
import { useSubmissions } from '../api/get-submissions';
import { AsOfLead, NewerValues, newerThanShown } from './as-of-lead';
import { AssignmentConflict } from './assignment-conflict';
import {
  AssignmentDialog,
  useDiscardChange,
  type AssignmentDialogProps,
  type AssignmentFormProps,
} from './assignment-dialog';
import { changedFields } from './assignment-update-dialog';
import { checkProgress, ProgressFields, ProgressValuesSchema } from './progress-fields';

/** With a 412 the server sends the assignment as stored now. */
const CurrentAssignmentSchema = z.object({
  status: StatusSchema,
  progress: z.int(),
  narrative: z.string(),
  confirmed: z.boolean(),
  version: z.int(),
});

/** A liaison reports progress for their own ministry's assignment; NISC staff review it before it applies. */
export function SubmissionDialog(props: AssignmentDialogProps) {
  const { t } = useI18n();
  return <AssignmentDialog {...props} title={t('submitProgressTitle')} form={SubmissionForm} />;
}

const FIELDS = ['status', 'progress', 'narrative', 'evidence'] as const;

const ValuesSchema = ProgressValuesSchema.extend({
  evidence: SubmissionCreateBodySchema.shape.evidence.unwrap(),
  replaceNewer: z.boolean(),
});
type Values = z.infer<typeof ValuesSchema>;
const submissionSchema = (newer: boolean, t: Translate, lang: Lang) =>
  ValuesSchema.superRefine((v, ctx) => {
    checkProgress(v, ctx, t, lang);
    if (newer && !v.replaceNewer)
      ctx.addIssue({ code: 'custom', path: ['replaceNewer'], message: t('newerConfirmRequired') });
  });

function SubmissionForm(props: AssignmentFormProps) {
  const { measure, assignment, ministryId, onClose, onSaved } = props;
  const { t, lang } = useI18n();
  const discard = useDiscardChange(onClose);
  const create = useCreateSubmission();
  const waiting = useSubmissions({ measure: measure.id, state: 'pending' }).data?.items.filter(
    (s) => s.ministryId === ministryId,
  ).length;
  // Starts from the values as of the page's date; names the version the server holds now.
  const [shown] = useState(assignment);
  const [base] = useState(props.current);
  const newer = newerThanShown(shown, base);
  const state = useDialogForm<Values>({
    schema: submissionSchema(newer, t, lang),
    defaultValues: {
      status: shown.status,
      progress: String(shown.progress),
      narrative: shown.narrative,
      evidence: '',
      replaceNewer: false,
    },
    mutation: create,
    serverFields: FIELDS,
  });
  const { form, error, errors } = state;
  const current = error?.status === 412 ? CurrentAssignmentSchema.safeParse(error.current).data : undefined;

  const send = (values: Values, baseVersion: number) =>
    create.mutate(
      {
        measureId: measure.id,
        ministryId,
        baseVersion,
        status: values.status,
        progress: Number(values.progress),
        narrative: values.narrative,
        evidence: values.evidence.trim(),
      },
      { onSuccess: onSaved },
    );

  const mine = form.getValues();
  return (
    <DialogForm
      state={state}
      onValid={(values) => send(values, base.version)}
      submitLabel={t('submitProgress')}
      lead={
        <>
          <AsOfLead assignment={shown} shownOn={props.shownOn} today={props.today} />
          <p className="sub">{t('submitProgressLead')}</p>
        </>
      }
      notice={
        waiting ? <p className="notice notice--warning">{t('alreadyPending').replace('{n}', String(waiting))}</p> : null
      }
      conflict={
        current && (
          <AssignmentConflict
            base={base}
            current={current}
            history={[]}
            mine={mine}
            patch={changedFields(base, mine, false)}
            pending={create.isPending}
            onReapply={() => send(mine, current.version)}
            reapplyLabel={t('conflictResubmit')}
            onDiscard={discard}
          />
        )
      }
    >
      {newer && <NewerValues current={base} shownOn={props.shownOn} error={errors.replaceNewer} idPrefix="sub" />}
      <ProgressFields idPrefix="sub" errors={errors} />
      <Field id="sub-evidence" label={t('evidence')} hint={t('evidenceHint')} error={errors.evidence}>
        {(p) => <textarea {...p} rows={2} maxLength={2000} {...form.register('evidence')} />}
      </Field>
    </DialogForm>
  );
}
