import type { MinistrySummaryView } from '@/domain/contract';
import { useI18n } from '@/client/lib/i18n';
import type { MessageKey } from '@/client/lib/messages';

/** The ministry's row of the scorecard, as figures: the same numbers as /api/stats gives. */
export function MinistryFigures({ summary }: { summary: MinistrySummaryView }) {
  const { t } = useI18n();
  const c = summary.counts;
  const figures: [MessageKey, string | number][] = [
    ['lead', c.lead],
    ['contributing', c.contributing],
    ['figCompleted', c.counts.byStatus.completed],
    ['figInProgress', c.counts.byStatus.in_progress],
    ['figNotStarted', c.counts.byStatus.not_started],
    ['figOverdue', c.counts.byHealth.overdue],
    ['figAtRisk', c.counts.byHealth.at_risk],
    ['progress', `${c.counts.progress}%`],
    ['lastUpdate', c.lastUpdate ?? '—'],
  ];
  return (
    <dl className="figures figures--compact">
      {figures.map(([key, value]) => (
        <div key={key} className={`figure figure--${key}`}>
          <dt className="figure__label">{t(key)}</dt>
          <dd className="figure__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
