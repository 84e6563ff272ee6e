import { queryOptions, useQuery } from '@tanstack/react-query';
import { DashboardSchema } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { dashboardKeys } from './keys';

export function getDashboard(asOf: string | undefined, signal?: AbortSignal) {
  return apiGet('/dashboard', DashboardSchema, { asOf }, signal);
}

export function getDashboardQueryOptions(asOf: string | undefined) {
  return queryOptions({
    queryKey: dashboardKeys.overview(asOf),
    queryFn: ({ signal }) => getDashboard(asOf, signal),
  });
}

export function useDashboard(asOf: string | undefined) {
  return useQuery(getDashboardQueryOptions(asOf));
}
