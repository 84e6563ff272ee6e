import type { Stats } from '@/domain/contract';
import { PlanActualFigure, pointAt } from '@/client/components/plan-actual-figure';
import { useI18n } from '@/client/lib/i18n';
import { useMilestones } from '@/client/features/strategy/api/get-milestones';

/** Milestones from the series' start, numbered in date order for the key beside the chart. */
export function useNumberedMilestones(from: string) {
  return (useMilestones().data?.items ?? [])
    .filter((m) => m.start >= from)
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((m, i) => ({ ...m, n: i + 1 }));
}

/** The overview's headline for progress: expected and actual on the as-of date, and the gap. */
export function ProgressHeadline({ stats }: { stats: Stats }) {
  const { t, lang } = useI18n();
  const p = pointAt(stats.plannedVsActual, stats.asOf);
  if (!p || p.actualProgress === null) return null;
  const gap = Math.round((p.actualProgress - p.expectedProgress) * 10) / 10;
  const c = stats.continuous;
  return (
    <p className="plan-headline" id="progress-headline">
      {stats.asOf}
      {t('progressHeadline')}
      {t('expectedVsActual')} <strong>{p.expectedProgress}%</strong>
      {lang === 'ja' ? '、' : ', '}
      {t('actualShort')} <strong>{p.actualProgress}%</strong> （{Math.abs(gap)} {t('pointsBehind')}
      {gap < 0 ? t('behind') : t('ahead')}）
      <span className="sub-inline">
        {' '}
        {t('continuousApart')}: {c.total} {t('continuousSummary')} {c.progress}%
      </span>
    </p>
  );
}

export function PlannedVsActual({ stats }: { stats: Stats }) {
  const { t, l } = useI18n();
  const milestones = useNumberedMilestones(stats.plannedVsActual[0]?.date ?? stats.asOf);
  const key = (
    <ol className="chart-key" aria-label={t('milestoneLine')}>
      {milestones.map((m) => (
        <li key={m.id}>
          <span className="chart-key__n">{m.n}</span> {l(m.title)} <span className="sub-inline">{m.start}</span>
        </li>
      ))}
    </ol>
  );
  return (
    <PlanActualFigure
      id="planned-vs-actual"
      name="planned-vs-actual"
      title={t('plannedVsActualTitle')}
      caption={t('plannedVsActualCaption')}
      extraLegend={key}
      points={stats.plannedVsActual}
      asOf={stats.asOf}
      milestones={milestones}
      height={320}
    />
  );
}
