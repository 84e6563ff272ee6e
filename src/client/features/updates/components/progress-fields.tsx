import { STATUS_LABELS, STATUSES, type Status } from '@/domain/status';
import { statusProgressIssues } from '@/domain/updates';
import { Field } from '@/client/components/form-field';
import type { Lang } from '@/domain/i18n';
import { useI18n } from '@/client/lib/i18n';
import { serverText } from '@/client/lib/server-text';

export type ProgressValues = { status: Status; progress: string; narrative: string };

/** The status, progress and narrative (成果・進捗状況) fields shared by staff updates and liaison submissions. */
export function ProgressFields({
  idPrefix,
  values,
  onChange,
  errors,
}: {
  idPrefix: string;
  values: ProgressValues;
  onChange: (next: ProgressValues) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t, l } = useI18n();
  const set = (patch: Partial<ProgressValues>) => onChange({ ...values, ...patch });
  return (
    <>
      <div className="form-row">
        <Field id={`${idPrefix}-status`} label={t('status')} error={errors.status} required>
          {(p) => (
            <select
              {...p}
              value={values.status}
              onChange={(e) => {
                const status = e.target.value as Status;
                // 完了 is 100 %, 未着手 0 % (src/domain/updates.ts): follow the choice rather than refuse it.
                const progress = status === 'completed' ? '100' : status === 'not_started' ? '0' : values.progress;
                set({ status, progress });
              }}
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
            <input
              {...p}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={values.progress}
              onChange={(e) => set({ progress: e.target.value })}
            />
          )}
        </Field>
      </div>
      <Field id={`${idPrefix}-narrative`} label={t('narrative')} hint={t('narrativeHint')} error={errors.narrative}>
        {(p) => (
          <textarea
            {...p}
            rows={5}
            maxLength={10_000}
            value={values.narrative}
            onChange={(e) => set({ narrative: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}

/** The same checks the server makes, before the round trip: a whole number 0–100 that agrees with the status. */
export function progressErrors(values: ProgressValues, t: ReturnType<typeof useI18n>['t'], lang: Lang) {
  const errors: Record<string, string> = {};
  const n = Number(values.progress);
  if (values.progress.trim() === '' || !Number.isInteger(n) || n < 0 || n > 100) {
    errors.progress = t('progressRange');
    return errors;
  }
  for (const issue of statusProgressIssues(values.status, n)) errors[issue.path] = serverText(issue.message, lang);
  return errors;
}
