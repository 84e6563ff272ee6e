import { queryOptions, useQuery } from '@tanstack/react-query';
import { StatsSchema, type SeriesScope } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { dashboardKeys } from './keys';

/** Quarter ends are fine-grained enough for a six-year chart and keep its table readable. */
export function getStats(asOf: string | undefined, scope: SeriesScope = 'all', signal?: AbortSignal) {
  return apiGet('/stats', StatsSchema, { asOf, granularity: 'quarter', ...(scope === 'all' ? {} : { scope }) }, signal);
}

export function getStatsQueryOptions(asOf: string | undefined, scope: SeriesScope = 'all') {
  return queryOptions({
    queryKey: dashboardKeys.stats(asOf, scope),
    queryFn: ({ signal }) => getStats(asOf, scope, signal),
  });
}

export function useStats(asOf: string | undefined, scope: SeriesScope = 'all') {
  return useQuery(getStatsQueryOptions(asOf, scope));
}
