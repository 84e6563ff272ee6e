import { getRouteApi } from '@tanstack/react-router';
import { useEffect } from 'react';
import { AsOfControl } from '@/client/components/as-of-control';
import { QueryState, Skeleton } from '@/client/components/query-state';
import { afterFirstPaint, useAfterFirstPaint } from '@/client/lib/after-first-paint';
import { useI18n } from '@/client/lib/i18n';
import { useDashboard } from '../api/get-dashboard';
import { useStats } from '../api/get-stats';
import { useStrategy } from '@/client/features/strategy/api/get-strategy';
import { AttentionLists } from './attention-lists';
import { CountdownCards } from './countdown-cards';
import { GroupBreakdown } from './group-breakdown';
import { HeadlineFigures } from './headline-figures';
import { MinistryScorecard } from './ministry-scorecard';
import { AreaMultiples } from './area-multiples';
import { PlannedVsActual, ProgressHeadline } from './planned-vs-actual';
import { TokyoReadiness } from './tokyo-readiness';
import './overview-page.css';

const route = getRouteApi('/');

/** Headline figures, countdowns and what needs attention: one request (/api/dashboard). */
function Summary({ asOf, below }: { asOf: string | undefined; below: boolean }) {
  const query = useDashboard(asOf);
  return (
    <QueryState query={query} skeletonRows={4}>
      {(data) => (
        <>
          <HeadlineFigures data={data} asOf={asOf} />
          <CountdownCards data={data} asOf={asOf} />
          {below ? <AttentionLists data={data} asOf={asOf} /> : <Skeleton rows={3} />}
        </>
      )}
    </QueryState>
  );
}

/** Charts and the scorecard: /api/stats, with area and section names from /api/strategy. */
function Breakdowns({ asOf }: { asOf: string | undefined }) {
  const { t, l } = useI18n();
  const query = useStats(asOf);
  const strategy = useStrategy();
  const areaTitle = new Map((strategy.data?.areas ?? []).map((a) => [a.code, l(a.title)]));
  const sectionTitle = new Map((strategy.data?.sections ?? []).map((s) => [s.code, l(s.title)]));
  return (
    <QueryState query={query} skeletonRows={6}>
      {(stats) => (
        <>
          <ProgressHeadline stats={stats} />
          <PlannedVsActual stats={stats} />
          <TokyoReadiness asOf={asOf} />
          <AreaMultiples stats={stats} titles={areaTitle} />
          <div className="overview__pair">
            <GroupBreakdown
              id="by-area"
              title={t('byAreaTitle')}
              rows={stats.byArea.map((g) => ({ ...g, label: `${g.key} ${areaTitle.get(g.key) ?? ''}` }))}
            />
            <GroupBreakdown
              id="by-section"
              title={t('bySectionTitle')}
              rows={stats.bySection.map((g) => ({ ...g, label: `${g.key} ${sectionTitle.get(g.key) ?? ''}` }))}
            />
          </div>
          <MinistryScorecard stats={stats} asOf={asOf} />
        </>
      )}
    </QueryState>
  );
}

export function OverviewPage() {
  const { t } = useI18n();
  const { asOf } = route.useSearch();
  // On a first visit the first paint shows what fits the screen (the date, the headline figures,
  // the countdowns); the lists, charts and tables below it follow a task later, so that neither
  // the first paint nor one long task waits for all of them (issue 11, after-first-paint.ts).
  const below = useAfterFirstPaint();
  // Fetch the chart code while the data is on its way, not after it arrives (lazy() reuses it);
  // on a first visit, after the first paint (after-first-paint.ts).
  useEffect(
    () =>
      afterFirstPaint(() => {
        void import('@/client/components/plan-actual-chart');
        void import('./group-bar-chart');
      }),
    [],
  );
  return (
    <div className="overview">
      <div className="page-head">
        <h1>{t('overviewTitle')}</h1>
        <AsOfControl />
      </div>
      <Summary asOf={asOf} below={below} />
      {below ? <Breakdowns asOf={asOf} /> : <Skeleton rows={6} />}
    </div>
  );
}
