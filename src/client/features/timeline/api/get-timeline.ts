import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { TimelineSchema } from '../../../../domain/contract-dashboard';
import { apiGet } from '../../../lib/api-client';
import { timelineKeys, type TimelineParams } from './keys';

export function getTimeline(params: TimelineParams, signal?: AbortSignal) {
  return apiGet('/timeline', TimelineSchema, params, signal);
}

export function getTimelineQueryOptions(params: TimelineParams) {
  return queryOptions({
    queryKey: timelineKeys.view(params),
    queryFn: ({ signal }) => getTimeline(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTimeline(params: TimelineParams) {
  return useQuery(getTimelineQueryOptions(params));
}
