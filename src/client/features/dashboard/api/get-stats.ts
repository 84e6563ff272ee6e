import { queryOptions, useQuery } from '@tanstack/react-query';
import { StatsSchema } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { dashboardKeys } from './keys';

/** Quarter ends are fine-grained enough for a six-year chart and keep its table readable. */
export function getStats(asOf: string | undefined, signal?: AbortSignal) {
  return apiGet('/stats', StatsSchema, { asOf, granularity: 'quarter' }, signal);
}

export function getStatsQueryOptions(asOf: string | undefined) {
  return queryOptions({
    queryKey: dashboardKeys.stats(asOf),
    queryFn: ({ signal }) => getStats(asOf, signal),
  });
}

export function useStats(asOf: string | undefined) {
  return useQuery(getStatsQueryOptions(asOf));
}
