import { useState } from 'react';
import { z } from 'zod';
import { conflictRow, ConflictView } from '@/client/components/conflict-view';
import { DialogForm, FormDialog, useDialogForm } from '@/client/components/form-dialog';
import { Field } from '@/client/components/form-field';
import { useI18n, type Translate } from '@/client/lib/i18n';
import { MilestonePatchBodySchema } from '@/domain/contract';
import { MilestoneSchema, type Milestone } from '@/domain/plan';
import { useUpdateMilestone } from '@/client/features/updates/api/update-milestone';

const FIELDS = ['start', 'end', 'reason'] as const;

const ValuesSchema = z.object({ start: z.string(), end: z.string(), reason: z.string() });
type Values = z.infer<typeof ValuesSchema>;

function milestoneSchema(base: Milestone, t: Translate) {
  return ValuesSchema.superRefine((v, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!v.start) add('start', t('fieldRequired'));
    if (!v.end) add('end', t('fieldRequired'));
    if (v.start && v.end && v.end < v.start) add('end', t('endBeforeStart'));
    if (!MilestonePatchBodySchema.shape.reason.safeParse(v.reason).success) add('reason', t('reasonRequired'));
    if (v.start === base.start && v.end === base.end) add('form', t('nothingChanged'));
  });
}

/** Move a milestone's dates, with the reason recorded in the audit trail. */
export function MilestoneDialog({
  milestone,
  onClose,
  onSaved,
}: {
  milestone: Milestone;
  onClose: () => void;
  onSaved: (m: Milestone) => void;
}) {
  const { t, l } = useI18n();
  const update = useUpdateMilestone();
  const [base] = useState(milestone);
  const state = useDialogForm<Values>({
    schema: milestoneSchema(base, t),
    defaultValues: { start: milestone.start, end: milestone.end, reason: '' },
    mutation: update,
    serverFields: FIELDS,
  });
  const { form, error, errors } = state;
  const current = error?.status === 412 ? MilestoneSchema.safeParse(error.current).data : undefined;
  const save = (v: Values, version: number) =>
    update.mutate(
      {
        id: base.id,
        version,
        body: {
          ...(v.start !== base.start ? { start: v.start } : {}),
          ...(v.end !== base.end ? { end: v.end } : {}),
          reason: v.reason.trim(),
        },
      },
      { onSuccess: onSaved },
    );
  const mine = form.getValues();

  return (
    <FormDialog title={`${t('moveMilestone')}: ${l(base.title)}`} onClose={onClose}>
      <DialogForm
        state={state}
        onValid={(v) => save(v, base.version)}
        editing={{ version: base.version }}
        conflict={
          current && (
            <ConflictView
              pending={update.isPending}
              onReapply={() => save(mine, current.version)}
              onDiscard={onClose}
              versions={{ base: base.version, current: current.version }}
              rows={[
                conflictRow('start', t('start'), { base: base.start, theirs: current.start, mine: mine.start }, String),
                conflictRow('end', t('milestoneEnd'), { base: base.end, theirs: current.end, mine: mine.end }, String),
              ]}
            />
          )
        }
      >
        <div className="form-row">
          <Field id="ms-start" label={t('start')} error={errors.start} required>
            {(p) => <input {...p} type="date" {...form.register('start')} />}
          </Field>
          <Field id="ms-end" label={t('milestoneEnd')} error={errors.end} required>
            {(p) => <input {...p} type="date" {...form.register('end')} />}
          </Field>
        </div>
        <Field id="ms-reason" label={t('reason')} hint={t('milestoneReasonHint')} error={errors.reason} required>
          {(p) => <textarea {...p} rows={2} maxLength={2000} {...form.register('reason')} />}
        </Field>
      </DialogForm>
    </FormDialog>
  );
}
