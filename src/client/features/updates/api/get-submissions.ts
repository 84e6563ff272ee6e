import { queryOptions, useQuery } from '@tanstack/react-query';
import { SubmissionListSchema } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { submissionKeys, type SubmissionFilters } from './keys';

/** A liaison gets their own ministry's submissions whatever they ask for; NISC staff get all. */
export function getSubmissions(filters: SubmissionFilters, signal?: AbortSignal) {
  return apiGet('/submissions', SubmissionListSchema, filters, signal);
}

export function getSubmissionsQueryOptions(filters: SubmissionFilters) {
  return queryOptions({
    queryKey: submissionKeys.list(filters),
    queryFn: ({ signal }) => getSubmissions(filters, signal),
  });
}

export function useSubmissions(filters: SubmissionFilters, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getSubmissionsQueryOptions(filters), enabled });
}
