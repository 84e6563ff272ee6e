import { HEALTH_ORDER, HEALTH_STYLES } from '@/client/components/chart-styles';
import { useI18n } from '@/client/lib/i18n';
import type { NumberedMilestone } from './timeline-axis';
import './timeline-legend.css';

/** What the bars, symbols and lines mean; milestones are numbered on the axis and named here. */
export function TimelineLegend({ milestones }: { milestones: NumberedMilestone[] }) {
  const { t, l } = useI18n();
  return (
    <div className="tl-legend">
      <ul className="chart-legend" aria-label={t('legend')}>
        {HEALTH_ORDER.map((h) => (
          <li key={h}>
            <span className={`swatch ${HEALTH_STYLES[h].swatch}`} aria-hidden="true" />
            <span aria-hidden="true">{HEALTH_STYLES[h].symbol}</span> {l(HEALTH_STYLES[h].label)}
          </li>
        ))}
        <li>
          <span className="swatch swatch--open" aria-hidden="true" /> {t('openEnded')}
        </li>
        <li>
          <span className="line-swatch line-swatch--asof" aria-hidden="true" /> {t('asOfLine')}
        </li>
        <li>
          <span className="line-swatch line-swatch--milestone" aria-hidden="true" /> {t('milestoneLine')}
        </li>
      </ul>
      {milestones.length > 0 && (
        <ol className="chart-key" aria-label={t('milestoneLine')}>
          {milestones.map((m) => (
            <li key={m.id}>
              <span className="chart-key__n">{m.n}</span> {l(m.title)} <span className="sub-inline">{m.start}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
