import { queryOptions, useQuery } from '@tanstack/react-query';
import { MetaSchema } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { REFERENCE_STALE_MS, strategyKeys } from './keys';

export function getMeta(signal?: AbortSignal) {
  return apiGet('/meta', MetaSchema, {}, signal);
}

export function getMetaQueryOptions() {
  return queryOptions({
    queryKey: strategyKeys.meta,
    queryFn: ({ signal }) => getMeta(signal),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useMeta() {
  return useQuery(getMetaQueryOptions());
}

/** The date and fiscal year pages open on when the URL names none (today, or the data's last update). */
export function useDefaultDates() {
  return useMeta().data?.defaults;
}
