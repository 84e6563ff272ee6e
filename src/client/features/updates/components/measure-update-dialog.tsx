import { useState, type ChangeEvent } from 'react';
import { z } from 'zod';
import { DialogForm, FormDialog, useDialogForm } from '@/client/components/form-dialog';
import { Field } from '@/client/components/form-field';
import { useI18n, type Translate } from '@/client/lib/i18n';
import { MeasureDetailSchema, type MeasureDetail } from '@/domain/contract';
import { MeasurePatchBodySchema, type MeasurePatchBody } from '@/domain/contract';
import { DUE_KINDS, DUE_KIND_LABELS, DueKindSchema, kindHasDate, type DueKind } from '@/domain/plan';
import { RAG_LABELS, RAGS, type Rag } from '@/domain/plan';
import { RagOverrideSchema } from '@/domain/plan';
import { useMeasure } from '@/client/features/measures/api/get-measure';
import { useUpdateMeasure } from '../api/update-measure';
import { useDiscardChange } from './assignment-dialog';
import { MeasureConflict } from './measure-conflict';
import './measure-update-dialog.css';

type Props = { measureId: string; onClose: () => void; onSaved: () => void };
export type RagMode = 'keep' | 'set' | 'clear';
export type DueValues = { wording: string; kind: DueKind; date: string };

/** NISC staff set or clear the RAG override (with a reason) and restate the deadline, with a comment. */
export function MeasureUpdateDialog(props: Props) {
  const { t } = useI18n();
  const query = useMeasure(props.measureId, undefined);
  return (
    <FormDialog title={t('updateMeasureTitle')} onClose={props.onClose} wide query={query}>
      {(m) => <MeasureUpdateForm {...props} measure={m} />}
    </FormDialog>
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

const ValuesSchema = z.object({
  ragMode: z.enum(['keep', 'set', 'clear']),
  rating: RagOverrideSchema.shape.rating,
  reason: z.string(),
  changeDue: z.boolean(),
  due: z.object({ wording: z.string(), kind: DueKindSchema, date: z.string() }),
  comment: z.string(),
});
type Values = z.infer<typeof ValuesSchema>;
const patchOf = (v: Values) => measurePatch(v.ragMode, v.rating, v.reason, v.changeDue ? v.due : null);

/** Errors carry the server's issue paths (rag.reason, due.date …) so both land beside the same field. */
function updateSchema(t: Translate) {
  return ValuesSchema.superRefine((v, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: path.split('.'), message });
    if (v.ragMode === 'set' && !v.reason.trim()) add('rag.reason', t('ragReasonRequired'));
    if (v.changeDue && kindHasDate(v.due.kind) && !v.due.date) add('due.date', t('dueDateRequired'));
    if (v.changeDue && v.due.kind !== 'plan_period' && !v.due.wording.trim())
      add('due.wording', t('dueWordingRequired'));
    if (!MeasurePatchBodySchema.shape.comment.safeParse(v.comment).success) add('comment', t('commentRequired'));
    if (v.ragMode === 'keep' && !v.changeDue) add('form', t('nothingChanged'));
  });
}

function MeasureUpdateForm({ measure, onClose, onSaved }: Props & { measure: MeasureDetail }) {
  const { t, l } = useI18n();
  const discard = useDiscardChange(onClose);
  const update = useUpdateMeasure();
  const [base] = useState(measure);
  const state = useDialogForm<Values>({
    schema: updateSchema(t),
    defaultValues: {
      ragMode: 'keep',
      rating: measure.rag?.rating ?? 'amber',
      reason: measure.rag?.reason ?? '',
      changeDue: false,
      due: { wording: measure.due.wording ?? '', kind: measure.due.kind, date: measure.due.date ?? '' },
      comment: '',
    },
    mutation: update,
    serverFields: FIELDS,
  });
  const { form, error, errors } = state;
  const { register } = form;
  const [ragMode, changeDue, kind, wording, date] = form.watch([
    'ragMode',
    'changeDue',
    'due.kind',
    'due.wording',
    'due.date',
  ]);
  // Where the deadline's kind has no wording or date the input shows blank and is disabled, but
  // keeps what the user typed, so switching the kind back restores it.
  const kept = (name: 'due.wording' | 'due.date', value: string, blank: boolean) => ({
    disabled: blank,
    value: blank ? '' : value,
    onChange: (e: ChangeEvent<HTMLInputElement>) => form.setValue(name, e.target.value),
  });
  const current = error?.status === 412 ? MeasureDetailSchema.safeParse(error.current).data : undefined;

  const save = (values: Values, version: number) =>
    update.mutate(
      { measureId: measure.id, version, body: { ...patchOf(values), comment: values.comment.trim() } },
      { onSuccess: onSaved },
    );

  return (
    <DialogForm
      state={state}
      onValid={(values) => save(values, base.version)}
      editing={{ version: base.version, of: measure.code }}
      conflict={
        current && (
          <MeasureConflict
            base={base}
            current={current}
            patch={patchOf(form.getValues())}
            pending={update.isPending}
            onReapply={() => save(form.getValues(), current.version)}
            onDiscard={discard}
          />
        )
      }
    >
      <fieldset className="fieldset">
        <legend>{t('ragOverride')}</legend>
        <p className="sub">
          {t('ragNow')}: {base.rag ? `${l(RAG_LABELS[base.rag.rating])} — ${base.rag.reason}` : t('ragNone')}
        </p>
        <div className="radio-row">
          {(['keep', 'set', 'clear'] as const).map((mode) => (
            <label key={mode} className="radio">
              <input type="radio" value={mode} disabled={mode === 'clear' && !base.rag} {...register('ragMode')} />
              {t(mode === 'keep' ? 'ragKeep' : mode === 'set' ? 'ragSet' : 'ragClear')}
            </label>
          ))}
        </div>
        {ragMode === 'set' && (
          <div className="form-row">
            <Field id="rag-rating" label={t('ragRating')} required>
              {(p) => (
                <select {...p} {...register('rating')}>
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
              {(p) => <input {...p} maxLength={2000} {...register('reason')} />}
            </Field>
          </div>
        )}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('due')}</legend>
        <div className="field field--check">
          <input id="due-change" type="checkbox" {...register('changeDue')} />
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
                <select {...p} {...register('due.kind')}>
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
              {(p) => <input {...p} maxLength={200} {...kept('due.wording', wording, kind === 'plan_period')} />}
            </Field>
            <Field id="due-date" label={t('deadlineDate')} error={errors['due.date']}>
              {(p) => <input {...p} type="date" {...kept('due.date', date, !kindHasDate(kind))} />}
            </Field>
          </div>
        )}
      </fieldset>
      <Field id="measure-comment" label={t('comment')} hint={t('commentHint')} error={errors.comment} required>
        {(p) => <textarea {...p} rows={2} maxLength={2000} {...register('comment')} />}
      </Field>
    </DialogForm>
  );
}
