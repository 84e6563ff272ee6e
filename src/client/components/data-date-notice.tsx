import { dateLabelShort, fiscalYearLabel, type DefaultDates, type Lang } from '@/domain/plan';
import { fill, useI18n } from '@/client/lib/i18n';
import { useDefaultDates, useMeta } from '@/client/features/strategy/api/get-meta';

/**
 * Says why a page shows the date (or fiscal year) it does when the URL names none and today lies
 * past the plan period (docs/decisions/017-dates-from-the-data.md). Nothing within the plan period.
 */
export function DataDateNotice({ what = 'date' }: { what?: 'date' | 'fy' }) {
  const { t, lang } = useI18n();
  const meta = useMeta().data;
  const d = useDefaultDates();
  if (!meta || !d || d.basis === 'today') return null;
  const values = {
    date: dateLabelShort(d.asOf, lang),
    today: dateLabelShort(meta.today, lang),
    period: planYearsLabel(d.planYears, lang),
    fy: fiscalYearLabel(d.fy, lang),
  };
  return (
    <p className="notice data-date-notice" data-basis={d.basis}>
      {fill(t(d.basis === 'data' ? 'dataDateNotice' : 'planEndNotice'), values)}
      {what === 'fy' && ` ${fill(t('dataFyNotice'), values)}`}
    </p>
  );
}

/** 2015年度（平成27年度）〜2017年度（平成29年度）. */
export function planYearsLabel({ first, last }: DefaultDates['planYears'], lang: Lang): string {
  return `${fiscalYearLabel(first, lang)}${lang === 'ja' ? '〜' : '–'}${fiscalYearLabel(last, lang)}`;
}
