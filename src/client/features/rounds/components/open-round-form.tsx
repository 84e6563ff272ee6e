import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { DEFAULT_REMINDER_DAYS, type RoundKind } from '@/domain/rounds';
import { Field, FormError } from '@/client/components/form-field';
import { useDefaultDates } from '@/client/features/strategy/api/get-meta';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { useStrategy } from '@/client/features/strategy/api/get-strategy';
import { fiscalYearChoices } from '@/client/lib/fiscal-years';
import { fill, useI18n } from '@/client/lib/i18n';
import { useOpenRound } from '../api/rounds';

/** What the reminder field says: the days before the due date, or why they cannot be used. */
export type ReminderDays = { days: number[] } | { error: 'format' | 'range' | 'count' };

/**
 * "7, 3, 1" (also 「７、３、１」 or spaces) → the days before the due date on which the ministries that
 * have not answered are reminded; empty means none. The server checks the same rules (1–60, at most 5).
 */
export function parseReminderDays(text: string): ReminderDays {
  const parts = text
    .normalize('NFKC')
    .split(/[\s,、]+/)
    .filter(Boolean);
  if (parts.some((p) => !/^\d{1,3}$/.test(p))) return { error: 'format' };
  const days = [...new Set(parts.map(Number))].sort((a, b) => b - a);
  if (days.some((d) => d < 1 || d > 60)) return { error: 'range' };
  if (days.length > 5) return { error: 'count' };
  return { days };
}

type Scope = 'all' | 'some';
type Errors = Partial<Record<'ministries' | 'sections' | 'reminders', string>>;

/** NISC staff open a round: what it asks, of whom (ministries, sections), by when and with which reminders. */
export function OpenRoundForm() {
  const { t, l } = useI18n();
  const open = useOpenRound();
  const defaults = useDefaultDates();
  const strategy = useStrategy().data;
  const ministries = (useMinistries().data?.items ?? []).filter(
    (m) => m.assignable && m.leadCount + m.contributingCount > 0,
  );
  const [kind, setKind] = useState<RoundKind>('quarterly');
  const [ministryScope, setMinistryScope] = useState<Scope>('all');
  const [sectionScope, setSectionScope] = useState<Scope>('all');
  const [errors, setErrors] = useState<Errors>({});
  const fy = defaults?.fy ?? 2016;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = f.get(k);
      return typeof v === 'string' ? v : '';
    };
    const picked = (k: string) => f.getAll(k).filter((v): v is string => typeof v === 'string');
    const ministryIds = ministryScope === 'some' ? picked('ministry') : [];
    const sectionCodes = sectionScope === 'some' ? picked('section') : [];
    const reminders = parseReminderDays(text('reminderDays'));
    const next: Errors = {};
    if (ministryScope === 'some' && ministryIds.length === 0) next.ministries = t('pickOneMinistry');
    if (sectionScope === 'some' && sectionCodes.length === 0) next.sections = t('pickOneSection');
    if ('error' in reminders) next.reminders = t(`reminderDaysError_${reminders.error}`);
    setErrors(next);
    if (Object.keys(next).length > 0 || 'error' in reminders) return;
    open.mutate({
      title: text('title'),
      kind,
      fy: Number(text('fy')),
      asOf: text('asOf'),
      dueOn: text('dueOn'),
      instructions: text('instructions'),
      ministryIds,
      sectionCodes,
      reminderDays: reminders.days,
    });
  };

  return (
    <details className="open-round" open={open.isError || Object.keys(errors).length > 0 || undefined}>
      <summary>{t('openRound')}</summary>
      <form onSubmit={submit} className="open-round__form">
        <label>
          {t('roundTitleLabel')}
          <input name="title" required maxLength={200} />
        </label>
        <label>
          {t('roundKind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as RoundKind)} name="kind">
            <option value="quarterly">{t('kindQuarterly')}</option>
            <option value="annual">{t('kindAnnual')}</option>
          </select>
        </label>
        <label>
          {t('roundFiscalYear')}
          {/* keyed by the default so the select opens on the data's year once the meta arrives */}
          <select name="fy" key={fy} defaultValue={fy}>
            {fiscalYearChoices(fy).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('asOfDate')}
          <input name="asOf" type="date" required key={defaults?.asOf} defaultValue={defaults?.asOf} />
        </label>
        <label>
          {t('dueDate')}
          <input name="dueOn" type="date" required />
        </label>
        <Field
          id="round-reminders"
          className="open-round__wide"
          label={t('reminderDaysLabel')}
          hint={t('reminderDaysHint')}
          error={errors.reminders}
        >
          {(props) => (
            <input {...props} name="reminderDays" inputMode="numeric" defaultValue={DEFAULT_REMINDER_DAYS.join(', ')} />
          )}
        </Field>

        <ScopeFieldset
          name="ministryScope"
          legend={t('ministriesAsked')}
          allLabel={fill(t('roundAllMinistriesCount'), { n: ministries.length })}
          someLabel={t('roundSomeMinistries')}
          scope={ministryScope}
          onScope={setMinistryScope}
          error={errors.ministries}
        >
          <div className="open-round__choices">
            {ministries.map((m) => (
              <label key={m.id} className="open-round__choice">
                <input type="checkbox" name="ministry" value={m.id} />
                {l(m.short ?? m.name)}
              </label>
            ))}
          </div>
        </ScopeFieldset>

        <ScopeFieldset
          name="sectionScope"
          legend={t('sectionsAsked')}
          allLabel={t('roundAllSections')}
          someLabel={t('roundSomeSections')}
          scope={sectionScope}
          onScope={setSectionScope}
          error={errors.sections}
        >
          {strategy?.areas.map((a) => (
            <div key={a.code} className="open-round__area">
              <p className="open-round__area-title">
                {a.code} {l(a.title)}
              </p>
              <div className="open-round__choices">
                {strategy.sections
                  .filter((s) => s.areaCode === a.code)
                  .map((s) => (
                    <label key={s.code} className="open-round__choice">
                      <input type="checkbox" name="section" value={s.code} />
                      {s.code} {l(s.title)}
                    </label>
                  ))}
              </div>
            </div>
          ))}
        </ScopeFieldset>

        <label className="open-round__wide">
          {t('instructions')}
          <textarea name="instructions" rows={3} maxLength={5000} />
        </label>
        <div className="open-round__wide">
          <FormError error={open.error} />
          {open.data && (
            <p role="status">
              {t('roundOpened')}{' '}
              <Link to="/rounds/$roundId" params={{ roundId: open.data.round.id }}>
                {open.data.round.title}
              </Link>
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={open.isPending}>
            {t('openRound')}
          </button>
        </div>
      </form>
    </details>
  );
}

/** "Every …" or "Choose …", with the choices shown only when choosing. */
function ScopeFieldset({
  name,
  legend,
  allLabel,
  someLabel,
  scope,
  onScope,
  error,
  children,
}: {
  name: string;
  legend: string;
  allLabel: string;
  someLabel: string;
  scope: Scope;
  onScope: (s: Scope) => void;
  error?: string;
  children: React.ReactNode;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset
      className={`open-round__wide open-round__scope ${error ? 'field--invalid' : ''}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{legend}</legend>
      <label className="open-round__choice">
        <input type="radio" name={name} checked={scope === 'all'} onChange={() => onScope('all')} />
        {allLabel}
      </label>
      <label className="open-round__choice">
        <input type="radio" name={name} checked={scope === 'some'} onChange={() => onScope('some')} />
        {someLabel}
      </label>
      {scope === 'some' && children}
      {error && (
        <span id={errorId} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </span>
      )}
    </fieldset>
  );
}
