import type { MeasureDetail } from '@/domain/contract';
import { countdownPhase } from '@/domain/dashboard';
import { daysBetween } from '@/domain/plan';
import { dateLabelShort } from '@/domain/plan';
import { useI18n } from '@/client/lib/i18n';
import { useMilestones } from '@/client/features/strategy/api/get-milestones';

/** The milestones this measure is needed for, with how far each is from the as-of date. */
export function MeasureMilestones({ measure: m, asOf }: { measure: MeasureDetail; asOf: string }) {
  const { t, l, lang } = useI18n();
  const milestones = useMilestones();
  const linked = (milestones.data?.items ?? []).filter((ms) => m.milestoneIds.includes(ms.id));
  if (linked.length === 0) return null;
  return (
    <section aria-labelledby="milestones-title" className="card">
      <h2 id="milestones-title">{t('linkedMilestones')}</h2>
      <ul className="milestone-list">
        {linked.map((ms) => {
          const phase = countdownPhase(ms, asOf);
          const days = daysBetween(asOf, ms.start);
          const when =
            phase === 'upcoming'
              ? lang === 'ja'
                ? `あと${days}日`
                : `${days} ${t('daysToGo')}`
              : t(phase === 'under_way' ? 'underWay' : 'past');
          return (
            <li key={ms.id}>
              <strong>{l(ms.title)}</strong>{' '}
              <span className="sub-inline">
                {dateLabelShort(ms.start, lang)}
                {ms.end !== ms.start && ` – ${dateLabelShort(ms.end, lang)}`}
              </span>{' '}
              <span className="chip">{when}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
