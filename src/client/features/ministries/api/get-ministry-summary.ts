import { queryOptions, useQuery } from '@tanstack/react-query';
import { MinistrySummarySchema } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { ministryKeys } from './keys';

export function getMinistrySummary(id: string, asOf: string | undefined, signal?: AbortSignal) {
  return apiGet(`/ministries/${encodeURIComponent(id)}/summary`, MinistrySummarySchema, { asOf }, signal);
}

export function getMinistrySummaryQueryOptions(id: string, asOf: string | undefined) {
  return queryOptions({
    queryKey: ministryKeys.summary(id, asOf),
    queryFn: ({ signal }) => getMinistrySummary(id, asOf, signal),
  });
}

export function useMinistrySummary(id: string, asOf: string | undefined) {
  return useQuery(getMinistrySummaryQueryOptions(id, asOf));
}
