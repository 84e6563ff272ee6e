import type { Stats } from '@/domain/contract';
import { PlanActualFigure, pointAt } from '@/client/components/plan-actual-figure';
import { useI18n } from '@/client/lib/i18n';

/** One small chart per policy area, the same lines and scale, each with its figures on the as-of date. */
export function AreaMultiples({ stats, titles }: { stats: Stats; titles: Map<string, string> }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="area-multiples-title">
      <h2 id="area-multiples-title">{t('areaMultiplesTitle')}</h2>
      <p className="sub">{t('areaMultiplesCaption')}</p>
      <ul className="small-multiples">
        {stats.progressByArea.map((a) => {
          const p = pointAt(a.points, stats.asOf);
          return (
            <li key={a.key}>
              <PlanActualFigure
                id={`area-${a.key.replace(/\W/g, '-')}`}
                name={`area-${a.key}`}
                title={`${a.key} ${titles.get(a.key) ?? ''}`}
                caption={
                  p && p.actualProgress !== null
                    ? `${t('expectedVsActual')} ${p.expectedProgress}% ／ ${t('actualShort')} ${p.actualProgress}%`
                    : ''
                }
                points={a.points}
                asOf={stats.asOf}
                height={140}
                compact
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
