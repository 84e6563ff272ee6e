import { queryOptions, useQuery } from '@tanstack/react-query';
import { MeasureDetailSchema } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { measureKeys } from './keys';

export function getMeasure(id: string, asOf: string | undefined, signal?: AbortSignal) {
  return apiGet(`/measures/${encodeURIComponent(id)}`, MeasureDetailSchema, { asOf }, signal);
}

export function getMeasureQueryOptions(id: string, asOf: string | undefined) {
  return queryOptions({
    queryKey: measureKeys.detail(id, asOf),
    queryFn: ({ signal }) => getMeasure(id, asOf, signal),
  });
}

export function useMeasure(id: string, asOf: string | undefined) {
  return useQuery(getMeasureQueryOptions(id, asOf));
}
