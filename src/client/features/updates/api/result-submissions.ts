import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ResultSubmissionListSchema,
  ResultSubmissionSchema,
  type ResultSubmissionCreateBody,
  type ResultSubmissionFilters,
} from '@/domain/contract';
import { apiGet, apiSend } from '@/client/lib/api-client';
import { planKeys } from '@/client/features/measures/api/keys';
import { submissionKeys } from './keys';

/**
 * A liaison's annual results under NISC review (decision record 020). Their keys sit under
 * ['submissions'], so whatever refreshes the queue and the nav badge refreshes these too.
 */
export const resultSubmissionKeys = {
  list: (filters: ResultSubmissionFilters) => [...submissionKeys.all, 'results', filters] as const,
};

export function getResultSubmissions(filters: ResultSubmissionFilters, signal?: AbortSignal) {
  return apiGet('/result-submissions', ResultSubmissionListSchema, filters, signal);
}

export function useResultSubmissions(filters: ResultSubmissionFilters, { enabled = true } = {}) {
  return useQuery({
    ...queryOptions({
      queryKey: resultSubmissionKeys.list(filters),
      queryFn: ({ signal }) => getResultSubmissions(filters, signal),
    }),
    enabled,
  });
}

export function createResultSubmission(body: ResultSubmissionCreateBody) {
  return apiSend('POST', '/result-submissions', body, { schema: ResultSubmissionSchema });
}

/** Submitting changes the queue (and its badge) and the measure's annual panel, which shows the state. */
export function useCreateResultSubmission() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createResultSubmission,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: submissionKeys.all }),
        queryClient.invalidateQueries({ queryKey: planKeys.all }),
      ]),
  });
}
