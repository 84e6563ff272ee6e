import type { QueryClient } from '@tanstack/react-query';
import { afterFirstPaint } from '@/client/lib/after-first-paint';
import { getMetaQueryOptions } from '@/client/features/strategy/api/get-meta';
import { getMilestonesQueryOptions } from '@/client/features/strategy/api/get-milestones';
import { getMinistriesQueryOptions } from '@/client/features/strategy/api/get-ministries';
import { getStrategyQueryOptions } from '@/client/features/strategy/api/get-strategy';
import { getDashboardQueryOptions } from './get-dashboard';
import { getStatsQueryOptions } from './get-stats';

/**
 * The overview route's loader (decision record 018): starts the page's requests while its code is
 * still loading, instead of each when the component that needs it first renders. Not awaited: the
 * page renders at once and its parts fill in as answers come; the queries are the components' own
 * (same keys), so nothing is fetched twice.
 *
 * What the first screen shows (the sample banner and the date from /api/meta, the user menu's
 * ministry from /api/ministries, the headline figures and countdowns from /api/dashboard) is asked
 * for at once. What only the parts below the fold use (the strategy's names, the milestones, the
 * stats behind the charts: about 90 KB of JSON to parse and check) is asked for after
 * the first paint (decision record 024): index.html has already preloaded those answers, so
 * nothing arrives later for it, but parsing them no longer comes before the first frame.
 */
export function prefetchOverview(queryClient: QueryClient, asOf: string | undefined): void {
  void queryClient.prefetchQuery(getMetaQueryOptions());
  void queryClient.prefetchQuery(getMinistriesQueryOptions());
  void queryClient.prefetchQuery(getDashboardQueryOptions(asOf));
  afterFirstPaint(() => {
    void queryClient.prefetchQuery(getStrategyQueryOptions());
    void queryClient.prefetchQuery(getMilestonesQueryOptions());
    void queryClient.prefetchQuery(getStatsQueryOptions(asOf));
    void queryClient.prefetchQuery(getStatsQueryOptions(asOf, 'tokyo2020'));
  });
}
