import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import type { Assignment, MeasureDetail } from '@/domain/contract';
import { StatusSchema } from '@/domain/status';
import { Dialog } from '@/client/components/dialog';
import { Field, FormError } from '@/client/components/form-field';
import { QueryState } from '@/client/components/query-state';
import { ApiError } from '@/client/lib/api-client';
import { useI18n } from '@/client/lib/i18n';
import { issuesByField } from '@/client/lib/server-text';
import { useMeasure } from '@/client/features/measures/api/get-measure';
import { useCreateSubmission } from '../api/create-submission';
import { useSubmissions } from '../api/get-submissions';
import { invalidatePlan } from '../api/invalidate';
import { AssignmentConflict } from './assignment-conflict';
import { changedFields } from './assignment-update-dialog';
import { ProgressFields, progressErrors, type ProgressValues } from './progress-fields';

type Props = { measureId: string; ministryId: string; ministryName: string; onClose: () => void; onSaved: () => void };

/** With a 412 the server sends the assignment as stored now. */
const CurrentAssignmentSchema = z.object({
  status: StatusSchema,
  progress: z.int(),
  narrative: z.string(),
  confirmed: z.boolean(),
  version: z.int(),
});

/** A liaison reports progress for their own ministry's assignment; NISC staff review it before it applies. */
export function SubmissionDialog(props: Props) {
  const { t } = useI18n();
  const query = useMeasure(props.measureId, undefined);
  return (
    <Dialog title={`${t('submitProgressTitle')}: ${props.ministryName}`} onClose={props.onClose} wide>
      <QueryState query={query} skeletonRows={4}>
        {(m) => {
          const a = m.assignments.find((x) => x.ministryId === props.ministryId);
          return a ? <SubmissionForm {...props} measure={m} assignment={a} /> : null;
        }}
      </QueryState>
    </Dialog>
  );
}

const FIELDS = ['status', 'progress', 'narrative', 'evidence'] as const;

function SubmissionForm({
  measure,
  assignment,
  ministryId,
  onClose,
  onSaved,
}: Props & { measure: MeasureDetail; assignment: Assignment }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const create = useCreateSubmission();
  const waiting = useSubmissions({ measure: measure.id, state: 'pending' }).data?.items.filter(
    (s) => s.ministryId === ministryId,
  ).length;
  const [base] = useState(assignment);
  const [values, setValues] = useState<ProgressValues>({
    status: assignment.status,
    progress: String(assignment.progress),
    narrative: assignment.narrative,
  });
  const [evidence, setEvidence] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const error = create.error instanceof ApiError ? create.error : null;
  const current = error?.status === 412 ? CurrentAssignmentSchema.safeParse(error.current).data : undefined;
  const { byField, other } = issuesByField(error?.status === 422 ? error : null, FIELDS, lang);
  const errors = { ...byField, ...local };

  const send = (baseVersion: number) =>
    create.mutate(
      {
        measureId: measure.id,
        ministryId,
        baseVersion,
        status: values.status,
        progress: Number(values.progress),
        narrative: values.narrative,
        evidence: evidence.trim(),
      },
      { onSuccess: onSaved },
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = progressErrors(values, t, lang);
    setLocal(found);
    if (Object.keys(found).length === 0) send(base.version);
  };

  if (current) {
    return (
      <AssignmentConflict
        base={base}
        current={current}
        history={[]}
        mine={values}
        patch={changedFields(base, values, false)}
        pending={create.isPending}
        onReapply={() => send(current.version)}
        reapplyLabel={t('conflictResubmit')}
        onDiscard={() => {
          void invalidatePlan(queryClient);
          onClose();
        }}
      />
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="dialog-form">
      <p className="sub">{t('submitProgressLead')}</p>
      {waiting ? <p className="notice notice--warning">{t('alreadyPending').replace('{n}', String(waiting))}</p> : null}
      {((error && error.status !== 422) || other.length > 0) && <FormError error={error} other={other} />}
      <ProgressFields idPrefix="sub" values={values} onChange={setValues} errors={errors} />
      <Field id="sub-evidence" label={t('evidence')} hint={t('evidenceHint')} error={errors.evidence}>
        {(p) => (
          <textarea {...p} rows={2} maxLength={2000} value={evidence} onChange={(e) => setEvidence(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? t('saving') : t('submitProgress')}
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
