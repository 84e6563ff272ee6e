import type { QueryClient } from '@tanstack/react-query';
import { getMetaQueryOptions } from '@/client/features/strategy/api/get-meta';
import { getMilestonesQueryOptions } from '@/client/features/strategy/api/get-milestones';
import { getMinistriesQueryOptions } from '@/client/features/strategy/api/get-ministries';
import { getStrategyQueryOptions } from '@/client/features/strategy/api/get-strategy';
import { getDashboardQueryOptions } from './get-dashboard';
import { getStatsQueryOptions } from './get-stats';

/**
 * The overview route's loader (decision record 018): starts every request the page makes, all at
 * once, while the page's code is still loading, instead of each when the component that needs it
 * first renders (the Tokyo 2020 chart's only after the main stats had arrived). Not awaited: the
 * page renders at once and its parts fill in as answers come; the queries are the components' own
 * (same keys), so nothing is fetched twice.
 */
export function prefetchOverview(queryClient: QueryClient, asOf: string | undefined): void {
  // The cheap reference data first (the sample banner, names), then the computed figures.
  void queryClient.prefetchQuery(getMetaQueryOptions());
  void queryClient.prefetchQuery(getMinistriesQueryOptions());
  void queryClient.prefetchQuery(getStrategyQueryOptions());
  void queryClient.prefetchQuery(getMilestonesQueryOptions());
  void queryClient.prefetchQuery(getDashboardQueryOptions(asOf));
  void queryClient.prefetchQuery(getStatsQueryOptions(asOf));
  void queryClient.prefetchQuery(getStatsQueryOptions(asOf, 'tokyo2020'));
}
