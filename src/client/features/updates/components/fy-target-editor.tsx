import { useState } from 'react';
import type { MeasureDetail } from '@/domain/contract';
import { fiscalYearLabel } from '@/domain/plan';
import { useSaveNotice } from '@/client/components/save-notice';
import { ApiError } from '@/client/lib/api-client';
import { useI18n } from '@/client/lib/i18n';
import { useSession } from '@/client/features/auth/api/get-session';
import { useSetFyTargets } from '../api/set-fy-targets';

/**
 * 年度末目標 for one fiscal year, on the measure's annual-plan panel (NISC staff only): the expected
 * line runs through it. Empty clears the year's target. Versioned like every write: a stale page is refused.
 */
export function FyTargetEditor({ measure, fy }: { measure: MeasureDetail; fy: number }) {
  const role = useSession().data?.user?.role;
  if (measure.due.kind === 'continuous' || (role !== 'nisc_staff' && role !== 'nisc_admin')) return null;
  return <TargetForm key={`${fy}-${measure.version}`} measure={measure} fy={fy} />;
}

function TargetForm({ measure, fy }: { measure: MeasureDetail; fy: number }) {
  const { t, lang } = useI18n();
  const current = measure.fyTargets.find((x) => x.fy === fy)?.percent;
  const [value, setValue] = useState(current === undefined ? '' : String(current));
  const [comment, setComment] = useState('');
  const save = useSetFyTargets();
  const notify = useSaveNotice();
  const error = save.error instanceof ApiError ? save.error.message : null;
  const submit = () => {
    const others = measure.fyTargets.filter((x) => x.fy !== fy);
    const targets = value.trim() === '' ? others : [...others, { fy, percent: Number(value) }];
    save.mutate(
      { measureId: measure.id, version: measure.version, body: { targets, comment } },
      { onSuccess: () => notify(t('fyTargetsSaved')) },
    );
  };
  return (
    <fieldset className="fy-target">
      <legend>
        {fiscalYearLabel(fy, lang)} {t('fyTarget')}
      </legend>
      <p className="sub" id="fy-target-help">
        {t('fyTargetHelp')}
      </p>
      <div className="field">
        <label htmlFor="fy-target-percent">{t('fyTargetPercent')}</label>
        <input
          id="fy-target-percent"
          type="number"
          min={0}
          max={100}
          step={1}
          value={value}
          aria-describedby={`fy-target-help${error ? ' fy-target-error' : ''}`}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <div className="field field--wide">
        <label htmlFor="fy-target-comment">{t('comment')}</label>
        <input id="fy-target-comment" value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {error && (
        <p className="error-text" id="fy-target-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" disabled={save.isPending} onClick={submit}>
        {t('save')}
      </button>
    </fieldset>
  );
}
