import { queryOptions, useQuery } from '@tanstack/react-query';
import { MinistryListSchema } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { REFERENCE_STALE_MS, strategyKeys } from './keys';

export function getMinistries(signal?: AbortSignal) {
  return apiGet('/ministries', MinistryListSchema, {}, signal);
}

export function getMinistriesQueryOptions() {
  return queryOptions({
    queryKey: strategyKeys.ministries,
    queryFn: ({ signal }) => getMinistries(signal),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useMinistries() {
  return useQuery(getMinistriesQueryOptions());
}
