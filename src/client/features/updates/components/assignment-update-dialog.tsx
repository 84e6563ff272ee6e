import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { MeasureDetailSchema, type Assignment, type MeasureDetail } from '@/domain/contract';
import type { AssignmentPatchBody } from '@/domain/contract-updates';
import { Dialog } from '@/client/components/dialog';
import { Field, FormError } from '@/client/components/form-field';
import { QueryState } from '@/client/components/query-state';
import { ApiError } from '@/client/lib/api-client';
import { useI18n } from '@/client/lib/i18n';
import { issuesByField } from '@/client/lib/server-text';
import { useMeasure } from '@/client/features/measures/api/get-measure';
import { invalidatePlan } from '../api/invalidate';
import { useUpdateAssignment } from '../api/update-assignment';
import { AssignmentConflict } from './assignment-conflict';
import { ProgressFields, progressErrors, type ProgressValues } from './progress-fields';

type Props = { measureId: string; ministryId: string; ministryName: string; onClose: () => void; onSaved: () => void };

/** NISC staff update one ministry's assignment. The dialog reads the current state when it opens. */
export function AssignmentUpdateDialog(props: Props) {
  const { t } = useI18n();
  // Today's state, whatever date the page shows: an update is recorded as of today.
  const query = useMeasure(props.measureId, undefined);
  return (
    <Dialog title={`${t('updateAssignmentTitle')}: ${props.ministryName}`} onClose={props.onClose} wide>
      <QueryState query={query} skeletonRows={4}>
        {(m) => {
          const a = m.assignments.find((x) => x.ministryId === props.ministryId);
          return a ? <AssignmentUpdateForm {...props} measure={m} assignment={a} /> : null;
        }}
      </QueryState>
    </Dialog>
  );
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

function AssignmentUpdateForm({
  measure,
  assignment,
  ministryId,
  onClose,
  onSaved,
}: Props & { measure: MeasureDetail; assignment: Assignment }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const update = useUpdateAssignment();
  // The version the user sees is fixed when the form opens: a background refetch must not move it.
  const [base] = useState(assignment);
  const [values, setValues] = useState<ProgressValues>({
    status: assignment.status,
    progress: String(assignment.progress),
    narrative: assignment.narrative,
  });
  const [confirm, setConfirm] = useState(false);
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});

  const error = update.error instanceof ApiError ? update.error : null;
  const stale = error?.status === 412 ? MeasureDetailSchema.safeParse(error.current).data : undefined;
  const current = stale?.assignments.find((a) => a.ministryId === ministryId);
  const { byField, other } = issuesByField(error?.status === 422 ? error : null, FIELDS, lang);
  const errors = { ...byField, ...local };
  const patch = changedFields(base, values, confirm);

  const save = (version: number) =>
    update.mutate(
      { measureId: measure.id, ministryId, version, body: { ...patch, comment: comment.trim() } },
      { onSuccess: onSaved },
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = progressErrors(values, t, lang);
    if (!comment.trim()) found.comment = t('commentRequired');
    if (Object.keys(patch).length === 0) found.form = t('nothingChanged');
    setLocal(found);
    if (Object.keys(found).length === 0) save(base.version);
  };

  if (stale && current) {
    return (
      <AssignmentConflict
        base={base}
        current={current}
        history={stale.history.filter((h) => h.ministryId === ministryId)}
        mine={values}
        patch={patch}
        pending={update.isPending}
        onReapply={() => save(current.version)}
        onDiscard={() => {
          void invalidatePlan(queryClient);
          onClose();
        }}
      />
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="dialog-form">
      <p className="sub">
        {t('editingVersion')} {base.version}
      </p>
      {(local.form || (error && error.status !== 422) || other.length > 0) && (
        <FormError error={local.form ? null : error} other={other}>
          {local.form ? <p>{local.form}</p> : undefined}
        </FormError>
      )}
      <ProgressFields idPrefix="upd" values={values} onChange={setValues} errors={errors} />
      {assignment.provenance === 'proposed' && !base.confirmed && (
        <div className="field field--check">
          <input id="upd-confirm" type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />
          <label htmlFor="upd-confirm">{t('confirmProposed')}</label>
        </div>
      )}
      <Field id="upd-comment" label={t('comment')} hint={t('commentHint')} error={errors.comment} required>
        {(p) => (
          <textarea {...p} rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={update.isPending}>
          {update.isPending ? t('saving') : t('save')}
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
