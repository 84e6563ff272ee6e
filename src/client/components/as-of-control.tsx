import { useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { isIsoDate } from '@/domain/plan';
import { dateLabel, fiscalQuarterLabel, fiscalQuarterOf, fiscalYearEnd } from '@/domain/plan';
import { useMeta } from '../features/strategy/api/get-meta';
import { fill, useI18n } from '../lib/i18n';
import { DataDateNotice } from './data-date-notice';
import './as-of-control.css';

/** Quick picks: the ends of the fiscal years the plan and the Games span. */
const FY_ENDS = [2015, 2016, 2017, 2018, 2019, 2020];

/**
 * The reporting date (基準日) of every figure on the page, read from and written to the URL's
 * `asOf`. Without one the API answers for its default date, which /api/meta tells us: today, or
 * once today lies past the plan period the data's last update (docs/decisions/017-dates-from-the-data.md).
 */
export function AsOfControl() {
  const { t, lang } = useI18n();
  const id = useId();
  const { asOf } = useSearch({ strict: false });
  const navigate = useNavigate();
  const meta = useMeta().data;
  const today = meta?.today;
  const fromData = meta ? meta.defaults.basis !== 'today' : false;
  const value = asOf ?? meta?.defaults.asOf ?? '';
  const set = (next: string | undefined) =>
    void navigate({ to: '.', search: (prev) => ({ ...prev, asOf: next }), replace: true });
  return (
    <div className="as-of">
      <label id={`${id}-label`} htmlFor={`${id}-date`} className="as-of__label">
        {t('asOf')}
      </label>
      <input
        id={`${id}-date`}
        type="date"
        value={value}
        min="2015-04-01"
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          if (!e.target.value) set(undefined);
          else if (isIsoDate(e.target.value)) set(e.target.value);
        }}
      />
      <select aria-label={t('asOfPick')} value="" onChange={(e) => e.target.value && set(e.target.value)}>
        <option value="">{t('asOfPick')}</option>
        {FY_ENDS.map((fy) => (
          <option key={fy} value={fiscalYearEnd(fy)}>
            {lang === 'ja' ? `${fy}年度末（${fiscalYearEnd(fy)}）` : `FY${fy} end (${fiscalYearEnd(fy)})`}
          </option>
        ))}
      </select>
      <button type="button" className="button-secondary" onClick={() => set(undefined)} disabled={!asOf}>
        {fromData ? t('asOfDefaultData') : t('asOfToday')}
      </button>
      {fromData && today && (
        <button type="button" className="button-secondary" onClick={() => set(today)} disabled={asOf === today}>
          {fill(t('asOfUseToday'), { today })}
        </button>
      )}
      <p id={`${id}-hint`} className="as-of__hint">
        {value && `${dateLabel(value, lang)} · ${fiscalQuarterLabel(fiscalQuarterOf(value), lang)} — `}
        {t('asOfHint')}
      </p>
      {!asOf && <DataDateNotice />}
    </div>
  );
}
