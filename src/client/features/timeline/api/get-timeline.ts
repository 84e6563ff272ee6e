import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { TimelineSchema } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { ROWS_PER_PAGE } from '../search';
import { timelineKeys, type TimelineParams } from './keys';

export function getTimeline(params: TimelineParams & { limit?: number; group?: string }, signal?: AbortSignal) {
  return apiGet('/timeline', TimelineSchema, params, signal);
}

/**
 * The page draws at most a page of rows per group at first, so it asks for no more (issue 6: with
 * 5,000 measures the whole plan is 1.3 MB of JSON to parse and check); a group's next rows come
 * with `useTimelineGroupRows` when asked for.
 */
export function getTimelineQueryOptions(params: TimelineParams) {
  return queryOptions({
    queryKey: timelineKeys.view(params),
    queryFn: ({ signal }) => getTimeline({ ...params, limit: ROWS_PER_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTimeline(params: TimelineParams) {
  return useQuery(getTimelineQueryOptions(params));
}

/** The first `limit` rows of one group, once `enabled` (when the group shows more than it has). */
export function useTimelineGroupRows(params: TimelineParams, group: string, limit: number, enabled: boolean) {
  return useQuery({
    queryKey: timelineKeys.groupRows(params, group, limit),
    queryFn: async ({ signal }) => {
      const data = await getTimeline({ ...params, group, limit }, signal);
      return data.groups[0]?.rows ?? [];
    },
    enabled,
    placeholderData: keepPreviousData,
  });
}
