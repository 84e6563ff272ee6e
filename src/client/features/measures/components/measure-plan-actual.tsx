import type { MeasureDetail } from '@/domain/contract';
import { PlanActualFigure } from '@/client/components/plan-actual-figure';
import { useI18n } from '@/client/lib/i18n';

/** The measure's expected line against its progress; a continuous measure says why it has none. */
export function MeasurePlanActual({ measure: m, asOf }: { measure: MeasureDetail; asOf: string }) {
  const { t } = useI18n();
  if (!m.progressSeries) {
    return (
      <section className="card" aria-labelledby="measure-plan-actual-title">
        <h2 id="measure-plan-actual-title">{t('measurePlanTitle')}</h2>
        <p className="sub">{t('continuousNoLine')}</p>
      </section>
    );
  }
  return (
    <PlanActualFigure
      id="measure-plan-actual"
      name="measure-plan-actual"
      title={t('measurePlanTitle')}
      caption={
        <>
          {t('measurePlanCaption')}{' '}
          {m.expectedProgress !== null &&
            `${asOf}: ${t('expectedVsActual')} ${m.expectedProgress}% ／ ${t('actualShort')} ${m.progress}%`}
        </>
      }
      points={m.progressSeries}
      asOf={asOf}
      height={240}
      counts={false}
    />
  );
}
