import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { MeasureDetailSchema, type MeasureDetail } from '@/domain/contract';
import type { MeasurePatchBody } from '@/domain/contract-updates';
import { DUE_KINDS, DUE_KIND_LABELS, kindHasDate, type DueKind } from '@/domain/deadline';
import { RAG_LABELS, RAGS, type Rag } from '@/domain/status';
import { Dialog } from '@/client/components/dialog';
import { Field, FormError } from '@/client/components/form-field';
import { QueryState } from '@/client/components/query-state';
import { ApiError } from '@/client/lib/api-client';
import { useI18n } from '@/client/lib/i18n';
import { issuesByField } from '@/client/lib/server-text';
import { useMeasure } from '@/client/features/measures/api/get-measure';
import { invalidatePlan } from '../api/invalidate';
import { useUpdateMeasure } from '../api/update-measure';
import { MeasureConflict } from './measure-conflict';

type Props = { measureId: string; onClose: () => void; onSaved: () => void };
export type RagMode = 'keep' | 'set' | 'clear';
export type DueValues = { wording: string; kind: DueKind; date: string };

/** NISC staff set or clear the RAG override (with a reason) and restate the deadline, with a comment. */
export function MeasureUpdateDialog(props: Props) {
  const { t } = useI18n();
  const query = useMeasure(props.measureId, undefined);
  return (
    <Dialog title={t('updateMeasureTitle')} onClose={props.onClose} wide>
      <QueryState query={query} skeletonRows={4}>
        {(m) => <MeasureUpdateForm {...props} measure={m} />}
      </QueryState>
    </Dialog>
  );
}

const FIELDS = ['rag.reason', 'rag', 'due.wording', 'due.kind', 'due.date', 'due', 'comment'] as const;

export function measurePatch(ragMode: RagMode, rating: Rag, reason: string, due: DueValues | null) {
  const patch: Omit<MeasurePatchBody, 'comment'> = {};
  if (ragMode === 'set') patch.rag = { rating, reason: reason.trim() };
  if (ragMode === 'clear') patch.rag = null;
  if (due)
    patch.due = {
      wording: due.kind === 'plan_period' ? null : due.wording.trim() || null,
      kind: due.kind,
      date: kindHasDate(due.kind) ? due.date || null : null,
    };
  return patch;
}

function MeasureUpdateForm({ measure, onClose, onSaved }: Props & { measure: MeasureDetail }) {
  const { t, l, lang } = useI18n();
  const queryClient = useQueryClient();
  const update = useUpdateMeasure();
  const [base] = useState(measure);
  const [ragMode, setRagMode] = useState<RagMode>('keep');
  const [rating, setRating] = useState<Rag>(measure.rag?.rating ?? 'amber');
  const [reason, setReason] = useState(measure.rag?.reason ?? '');
  const [changeDue, setChangeDue] = useState(false);
  const [due, setDue] = useState<DueValues>({
    wording: measure.due.wording ?? '',
    kind: measure.due.kind,
    date: measure.due.date ?? '',
  });
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const error = update.error instanceof ApiError ? update.error : null;
  const current = error?.status === 412 ? MeasureDetailSchema.safeParse(error.current).data : undefined;
  const { byField, other } = issuesByField(error?.status === 422 ? error : null, FIELDS, lang);
  const errors = { ...byField, ...local };
  const patch = measurePatch(ragMode, rating, reason, changeDue ? due : null);

  const save = (version: number) =>
    update.mutate(
      { measureId: measure.id, version, body: { ...patch, comment: comment.trim() } },
      { onSuccess: onSaved },
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (ragMode === 'set' && !reason.trim()) found['rag.reason'] = t('ragReasonRequired');
    if (changeDue && kindHasDate(due.kind) && !due.date) found['due.date'] = t('dueDateRequired');
    if (changeDue && due.kind !== 'plan_period' && !due.wording.trim()) found['due.wording'] = t('dueWordingRequired');
    if (!comment.trim()) found.comment = t('commentRequired');
    if (ragMode === 'keep' && !changeDue) found.form = t('nothingChanged');
    setLocal(found);
    if (Object.keys(found).length === 0) save(base.version);
  };

  if (current) {
    return (
      <MeasureConflict
        base={base}
        current={current}
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
        {measure.code} · {t('editingVersion')} {base.version}
      </p>
      {(local.form || (error && error.status !== 422) || other.length > 0) && (
        <FormError error={local.form ? null : error} other={other}>
          {local.form ? <p>{local.form}</p> : undefined}
        </FormError>
      )}
      <fieldset className="fieldset">
        <legend>{t('ragOverride')}</legend>
        <p className="sub">
          {t('ragNow')}: {base.rag ? `${l(RAG_LABELS[base.rag.rating])} — ${base.rag.reason}` : t('ragNone')}
        </p>
        <div className="radio-row">
          {(['keep', 'set', 'clear'] as const).map((mode) => (
            <label key={mode} className="radio">
              <input
                type="radio"
                name="rag-mode"
                value={mode}
                checked={ragMode === mode}
                disabled={mode === 'clear' && !base.rag}
                onChange={() => setRagMode(mode)}
              />
              {t(mode === 'keep' ? 'ragKeep' : mode === 'set' ? 'ragSet' : 'ragClear')}
            </label>
          ))}
        </div>
        {ragMode === 'set' && (
          <div className="form-row">
            <Field id="rag-rating" label={t('ragRating')} required>
              {(p) => (
                <select {...p} value={rating} onChange={(e) => setRating(e.target.value as Rag)}>
                  {RAGS.map((r) => (
                    <option key={r} value={r}>
                      {l(RAG_LABELS[r])}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="rag-reason"
              label={t('ragReason')}
              error={errors['rag.reason'] ?? errors.rag}
              required
              className="field--grow"
            >
              {(p) => <input {...p} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
          </div>
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('due')}</legend>
        <div className="field field--check">
          <input id="due-change" type="checkbox" checked={changeDue} onChange={(e) => setChangeDue(e.target.checked)} />
          <label htmlFor="due-change">{t('dueChange')}</label>
        </div>
        {changeDue && (
          <div className="form-row">
            <Field
              id="due-kind"
              label={t('deadlineKind')}
              error={errors['due.kind'] ?? errors.due}
              required
              className="field--grow"
            >
              {(p) => (
                <select {...p} value={due.kind} onChange={(e) => setDue({ ...due, kind: e.target.value as DueKind })}>
                  {DUE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {l(DUE_KIND_LABELS[k])}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="due-wording"
              label={t('deadlineWording')}
              hint={t('dueWordingHint')}
              error={errors['due.wording']}
              className="field--grow"
            >
              {(p) => (
                <input
                  {...p}
                  maxLength={200}
                  disabled={due.kind === 'plan_period'}
                  value={due.kind === 'plan_period' ? '' : due.wording}
                  onChange={(e) => setDue({ ...due, wording: e.target.value })}
                />
              )}
            </Field>
            <Field id="due-date" label={t('deadlineDate')} error={errors['due.date']}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  disabled={!kindHasDate(due.kind)}
                  value={kindHasDate(due.kind) ? due.date : ''}
                  onChange={(e) => setDue({ ...due, date: e.target.value })}
                />
              )}
            </Field>
          </div>
        )}
      </fieldset>
      <Field id="measure-comment" label={t('comment')} hint={t('commentHint')} error={errors.comment} required>
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
