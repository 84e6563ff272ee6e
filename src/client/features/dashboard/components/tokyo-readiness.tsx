import type { Stats } from '@/domain/contract';
import type { ForecastView } from '@/domain/contract';
import { PlanActualFigure, pointAt } from '@/client/components/plan-actual-figure';
import { QueryState } from '@/client/components/query-state';
import { useI18n } from '@/client/lib/i18n';
import { useDashboard } from '../api/get-dashboard';
import { useStats } from '../api/get-stats';
import { useNumberedMilestones } from './planned-vs-actual';

/** What the forecast says for a group, in words: when it reaches 100 %, and how many have no pace. */
export function ForecastLine({ forecast, groupKey }: { forecast: ForecastView; groupKey: string }) {
  const { t } = useI18n();
  const g = forecast.groups.find((x) => x.key === groupKey);
  if (!g) return null;
  return (
    <p className="sub">
      {g.reachesFullOn ? `${t('forecastReaches')}${g.reachesFullOn}` : t('forecastNever')}
      {g.noPace > 0 && ` ／ ${g.noPace} ${t('forecastNoPace')}`}
    </p>
  );
}

/** The measures that at their present pace miss their due date or the Games, most days late first. */
function LateList({ forecast }: { forecast: ForecastView }) {
  const { t, l } = useI18n();
  if (forecast.late.total === 0) return null;
  return (
    <details>
      <summary>
        {t('forecastLateTitle')}: {forecast.late.total} （{t('forecastStalled')}: {forecast.late.stalled}）
      </summary>
      <ul className="forecast-list">
        {forecast.late.items.map((m) => (
          <li key={`${m.id}-${m.against}`}>
            {m.code} {l(m.title)} — {m.against === 'due' ? t('forecastLateDue') : t('forecastLateGames')} {m.deadline}:{' '}
            {m.daysLate === null ? t('forecastStalled') : `${m.daysLate} ${t('forecastDaysLate')}`}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Readiness({ stats, forecast }: { stats: Stats; forecast: ForecastView }) {
  const { t, lang } = useI18n();
  const milestones = useNumberedMilestones(stats.plannedVsActual[0]?.date ?? stats.asOf);
  const opening = forecast.gamesOpening;
  // Up to the opening (and the as-of date, if later): the Games' set is judged against them.
  const end = opening && opening > stats.asOf ? opening : stats.asOf;
  const points = stats.plannedVsActual.filter((p) => p.date <= end || p === pointAt(stats.plannedVsActual, end));
  const group = forecast.groups.find((g) => g.key === 'tokyo2020');
  const now = pointAt(stats.plannedVsActual, stats.asOf);
  const caption = t('tokyoReadinessCaption')
    .replace('{from}', forecast.window.from)
    .replace('{to}', forecast.window.to);
  return (
    <>
      <PlanActualFigure
        id="tokyo-readiness"
        name="tokyo-readiness"
        title={
          lang === 'ja'
            ? `${t('tokyoReadinessTitle')}（${stats.seriesMeasures}）`
            : `${t('tokyoReadinessTitle')} (${stats.seriesMeasures})`
        }
        caption={caption}
        points={points}
        asOf={stats.asOf}
        milestones={milestones.filter((m) => !opening || m.start <= opening)}
        forecast={
          group && now?.actualProgress != null
            ? { from: stats.asOf, value: now.actualProgress, reachesFullOn: group.reachesFullOn }
            : null
        }
        height={280}
      />
      <ForecastLine forecast={forecast} groupKey="tokyo2020" />
      <LateList forecast={forecast} />
    </>
  );
}

/** The Tokyo 2020 set's expected vs actual up to the opening, with the forecast: two requests. */
export function TokyoReadiness({ asOf }: { asOf: string | undefined }) {
  const stats = useStats(asOf, 'tokyo2020');
  const dashboard = useDashboard(asOf);
  return (
    <QueryState query={stats} skeletonRows={4}>
      {(s) => (
        <QueryState query={dashboard} skeletonRows={1}>
          {(d) => <Readiness stats={s} forecast={d.forecast} />}
        </QueryState>
      )}
    </QueryState>
  );
}
