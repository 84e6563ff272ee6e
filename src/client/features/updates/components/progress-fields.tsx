import { useFormContext } from 'react-hook-form';
import { z } from 'zod';
import { STATUS_LABELS, STATUSES, StatusSchema, type Status } from '@/domain/plan';
import { statusProgressIssues } from '@/domain/contract';
import type { FormErrors } from '@/client/components/form-dialog';
import { Field } from '@/client/components/form-field';
import type { Lang } from '@/domain/plan';
import { useI18n, type Translate } from '@/client/lib/i18n';
import { serverText } from '@/client/lib/server-text';

export type ProgressValues = { status: Status; progress: string; narrative: string };

/** The status, progress and narrative (成果・進捗状況) fields shared by staff updates and liaison submissions. */
export function ProgressFields({ idPrefix, errors }: { idPrefix: string; errors: FormErrors }) {
  const { t, l } = useI18n();
  const { register, getValues, setValue } = useFormContext<ProgressValues>();
  return (
    <>
      <div className="form-row">
        <Field id={`${idPrefix}-status`} label={t('status')} error={errors.status} required>
          {(p) => (
            <select
              {...p}
              {...register('status', {
                onChange: () => {
                  const status = getValues('status');
                  // 完了 is 100 %, 未着手 0 % (src/domain/updates.ts): follow the choice rather than refuse it.
                  if (status === 'completed') setValue('progress', '100');
                  if (status === 'not_started') setValue('progress', '0');
                },
              })}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {l(STATUS_LABELS[s])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${idPrefix}-progress`}
          label={`${t('progress')} (%)`}
          hint={t('progressHint')}
          error={errors.progress}
          required
        >
          {(p) => (
            <input {...p} type="number" inputMode="numeric" min={0} max={100} step={1} {...register('progress')} />
          )}
        </Field>
      </div>
      <Field id={`${idPrefix}-narrative`} label={t('narrative')} hint={t('narrativeHint')} error={errors.narrative}>
        {(p) => <textarea {...p} rows={5} maxLength={10_000} {...register('narrative')} />}
      </Field>
    </>
  );
}

/** The same checks the server makes, before the round trip: a whole number 0–100 that agrees with the status. */
export function checkProgress(values: ProgressValues, ctx: z.RefinementCtx, t: Translate, lang: Lang) {
  const n = Number(values.progress);
  if (values.progress.trim() === '' || !Number.isInteger(n) || n < 0 || n > 100) {
    ctx.addIssue({ code: 'custom', path: ['progress'], message: t('progressRange') });
    return;
  }
  for (const issue of statusProgressIssues(values.status, n))
    ctx.addIssue({ code: 'custom', path: [issue.path], message: serverText(issue.message, lang) });
}

/** The progress fields as the form holds them: the contract's status, the rest as typed. */
export const ProgressValuesSchema = z.object({ status: StatusSchema, progress: z.string(), narrative: z.string() });
