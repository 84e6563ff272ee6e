import { Link } from '@tanstack/react-router';
import type { Dashboard } from '@/domain/contract';
import type { HeadlineKey } from '@/domain/dashboard';
import { dateLabelShort } from '@/domain/plan';
import type { MessageKey } from '@/client/lib/messages';
import { useI18n } from '@/client/lib/i18n';
import './headline-figures.css';

const LABELS: Record<HeadlineKey, MessageKey> = {
  total: 'figTotal',
  completed: 'figCompleted',
  inProgress: 'figInProgress',
  notStarted: 'figNotStarted',
  overdue: 'figOverdue',
  atRisk: 'figAtRisk',
  progress: 'figProgress',
};

/** Where each figure's measures are listed, at the same date. */
const FILTERS: Partial<Record<HeadlineKey, Record<string, string>>> = {
  total: {},
  completed: { status: 'completed' },
  inProgress: { status: 'in_progress' },
  notStarted: { status: 'not_started' },
  overdue: { health: 'overdue' },
  atRisk: { health: 'at_risk' },
};

function Change({ change, unit }: { change: number; unit: string }) {
  const { t } = useI18n();
  const symbol = change > 0 ? '▲' : change < 0 ? '▼' : '±';
  // The heading names the date compared with; screen readers hear it on each figure too.
  return (
    <span className="figure__change">
      <span aria-hidden="true">{symbol} </span>
      {change === 0 ? t('noChange') : `${change > 0 ? '+' : '−'}${Math.abs(change)}${unit}`}
      <span className="visually-hidden"> ({t('changeSinceShort')})</span>
    </span>
  );
}

/** Seven figures for the as-of date, each with its change since the previous fiscal quarter end. */
export function HeadlineFigures({ data, asOf }: { data: Dashboard; asOf: string | undefined }) {
  const { t, lang } = useI18n();
  const since = dateLabelShort(data.previousAsOf, lang);
  return (
    <section aria-labelledby="headline-title" className="headline">
      <h2 id="headline-title">
        {t('headlineTitle')}
        <span className="sub headline__since">
          {lang === 'ja'
            ? `（増減は前四半期末 ${since} との比較）`
            : ` (changes since the previous quarter end, ${since})`}
        </span>
      </h2>
      <div className="figures">
        {data.headline.map((f) => {
          const filter = FILTERS[f.key];
          const unit = f.key === 'progress' ? (lang === 'ja' ? 'ポイント' : ' pts') : '';
          return (
            <div key={f.key} role="group" aria-labelledby={`fig-${f.key}`} className={`figure figure--${f.key}`}>
              <span id={`fig-${f.key}`} className="figure__label">
                {filter ? (
                  <Link to="/measures" search={{ ...filter, asOf }}>
                    {t(LABELS[f.key])}
                  </Link>
                ) : (
                  t(LABELS[f.key])
                )}
              </span>
              <span className="figure__value">
                {f.value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB')}
                {f.key === 'progress' ? '%' : <span className="figure__unit">{t('count')}</span>}
              </span>
              <Change change={f.change} unit={unit} />
            </div>
          );
        })}
      </div>
    </section>
  );
}
