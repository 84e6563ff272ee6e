import { useFormContext } from 'react-hook-form';
import type { Assignment } from '@/domain/contract';
import { dateLabelShort, STATUS_LABELS } from '@/domain/plan';
import { fill, useI18n } from '@/client/lib/i18n';

/** Whether the assignment was updated after the date the dialog shows it for. */
export function newerThanShown(shown: Assignment, current: Assignment): boolean {
  return (
    shown.status !== current.status ||
    shown.progress !== current.progress ||
    shown.narrative !== current.narrative ||
    (current.lastUpdate ?? '') > (shown.lastUpdate ?? '')
  );
}

/**
 * The first lines of an assignment dialog, in plain words: whose values these are (as of the date
 * the page shows) and on what date a save is recorded.
 */
export function AsOfLead({ assignment, shownOn, today }: { assignment: Assignment; shownOn: string; today: string }) {
  const { t, lang } = useI18n();
  const last = assignment.lastUpdate ? dateLabelShort(assignment.lastUpdate, lang) : t('noUpdateYet');
  return (
    <p className="sub as-of-lead">
      {fill(t(shownOn === today ? 'asOfLeadToday' : 'asOfLead'), {
        date: dateLabelShort(shownOn, lang),
        last,
        today: dateLabelShort(today, lang),
      })}
    </p>
  );
}

/**
 * When the assignment changed after the date shown, the dialog says so with the latest values, and
 * saving needs a tick (`replaceNewer`): nobody overwrites a newer update without having seen it.
 */
export function NewerValues({
  current,
  shownOn,
  error,
  idPrefix,
}: {
  current: Assignment;
  shownOn: string;
  error?: string;
  idPrefix: string;
}) {
  const { t, l, lang } = useI18n();
  const { register } = useFormContext<{ replaceNewer: boolean }>();
  const id = `${idPrefix}-replace-newer`;
  return (
    <div className="notice notice--warning newer-values" role="group" aria-labelledby={`${id}-title`}>
      <p>
        <strong id={`${id}-title`}>{fill(t('newerTitle'), { date: dateLabelShort(shownOn, lang) })}</strong>
      </p>
      <p>
        {fill(t('newerCurrent'), {
          last: current.lastUpdate ? dateLabelShort(current.lastUpdate, lang) : t('noUpdateYet'),
          status: l(STATUS_LABELS[current.status]),
          progress: current.progress,
        })}
      </p>
      {current.narrative && <p className="narrative-cell">{current.narrative}</p>}
      <p>{t('newerReplace')}</p>
      <div className="field field--check">
        <input
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...register('replaceNewer')}
        />
        <label htmlFor={id}>{t('newerConfirm')}</label>
      </div>
      {error && (
        <p id={`${id}-error`} className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
