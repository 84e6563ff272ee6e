import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { MeasureListSchema } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { measureKeys, type MeasureListParams } from './keys';

export function getMeasures(params: MeasureListParams, signal?: AbortSignal) {
  return apiGet('/measures', MeasureListSchema, params, signal);
}

export function getMeasuresQueryOptions(params: MeasureListParams) {
  return queryOptions({
    queryKey: measureKeys.list(params),
    queryFn: ({ signal }) => getMeasures(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMeasures(params: MeasureListParams) {
  return useQuery(getMeasuresQueryOptions(params));
}
