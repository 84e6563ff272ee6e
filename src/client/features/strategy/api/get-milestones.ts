import { queryOptions, useQuery } from '@tanstack/react-query';
import { MilestoneListSchema } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { REFERENCE_STALE_MS, strategyKeys } from './keys';

export function getMilestones(signal?: AbortSignal) {
  return apiGet('/milestones', MilestoneListSchema, {}, signal);
}

export function getMilestonesQueryOptions() {
  return queryOptions({
    queryKey: strategyKeys.milestones,
    queryFn: ({ signal }) => getMilestones(signal),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useMilestones() {
  return useQuery(getMilestonesQueryOptions());
}
