import { useState, type FormEvent } from 'react';
import { MilestoneSchema, type Milestone } from '@/domain/model';
import { ConflictView } from '@/client/components/conflict-view';
import { Dialog } from '@/client/components/dialog';
import { Field, FormError } from '@/client/components/form-field';
import { ApiError } from '@/client/lib/api-client';
import { useI18n } from '@/client/lib/i18n';
import { issuesByField } from '@/client/lib/server-text';
import { useUpdateMilestone } from '@/client/features/updates/api/update-milestone';

const FIELDS = ['start', 'end', 'reason'] as const;

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
  const { t, l, lang } = useI18n();
  const update = useUpdateMilestone();
  const [base] = useState(milestone);
  const [start, setStart] = useState(milestone.start);
  const [end, setEnd] = useState(milestone.end);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const error = update.error instanceof ApiError ? update.error : null;
  const current = error?.status === 412 ? MilestoneSchema.safeParse(error.current).data : undefined;
  const { byField, other } = issuesByField(error?.status === 422 ? error : null, FIELDS, lang);
  const errors = { ...byField, ...local };
  const body = {
    ...(start !== base.start ? { start } : {}),
    ...(end !== base.end ? { end } : {}),
    reason: reason.trim(),
  };
  const save = (version: number) => update.mutate({ id: base.id, version, body }, { onSuccess: onSaved });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!start) found.start = t('fieldRequired');
    if (!end) found.end = t('fieldRequired');
    if (start && end && end < start) found.end = t('endBeforeStart');
    if (!reason.trim()) found.reason = t('reasonRequired');
    if (start === base.start && end === base.end) found.form = t('nothingChanged');
    setLocal(found);
    if (Object.keys(found).length === 0) save(base.version);
  };

  return (
    <Dialog title={`${t('moveMilestone')}: ${l(base.title)}`} onClose={onClose}>
      {current ? (
        <ConflictView
          pending={update.isPending}
          onReapply={() => save(current.version)}
          onDiscard={onClose}
          who={t('conflictVersions')
            .replace('{base}', String(base.version))
            .replace('{current}', String(current.version))}
          rows={[
            {
              field: 'start',
              label: t('start'),
              base: base.start,
              theirs: current.start,
              mine: start,
              mineChanged: start !== base.start,
              theirsChanged: current.start !== base.start,
            },
            {
              field: 'end',
              label: t('milestoneEnd'),
              base: base.end,
              theirs: current.end,
              mine: end,
              mineChanged: end !== base.end,
              theirsChanged: current.end !== base.end,
            },
          ]}
        />
      ) : (
        <form onSubmit={onSubmit} noValidate className="dialog-form">
          <p className="sub">
            {t('editingVersion')} {base.version}
          </p>
          {(local.form || (error && error.status !== 422) || other.length > 0) && (
            <FormError error={local.form ? null : error} other={other}>
              {local.form ? <p>{local.form}</p> : undefined}
            </FormError>
          )}
          <div className="form-row">
            <Field id="ms-start" label={t('start')} error={errors.start} required>
              {(p) => <input {...p} type="date" value={start} onChange={(e) => setStart(e.target.value)} />}
            </Field>
            <Field id="ms-end" label={t('milestoneEnd')} error={errors.end} required>
              {(p) => <input {...p} type="date" value={end} onChange={(e) => setEnd(e.target.value)} />}
            </Field>
          </div>
          <Field id="ms-reason" label={t('reason')} hint={t('milestoneReasonHint')} error={errors.reason} required>
            {(p) => (
              <textarea {...p} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
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
      )}
    </Dialog>
  );
}
