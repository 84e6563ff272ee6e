import { queryOptions, useQuery } from '@tanstack/react-query';
import { StrategySchema } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { REFERENCE_STALE_MS, strategyKeys } from './keys';

export function getStrategy(signal?: AbortSignal) {
  return apiGet('/strategy', StrategySchema, {}, signal);
}

export function getStrategyQueryOptions() {
  return queryOptions({
    queryKey: strategyKeys.structure,
    queryFn: ({ signal }) => getStrategy(signal),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useStrategy() {
  return useQuery(getStrategyQueryOptions());
}
