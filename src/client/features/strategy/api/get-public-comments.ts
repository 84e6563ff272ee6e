import { queryOptions, useQuery } from '@tanstack/react-query';
import { PublicCommentListSchema } from '@/domain/plan';
import { apiGet } from '@/client/lib/api-client';
import { REFERENCE_STALE_MS, strategyKeys } from './keys';

export function getPublicComments(section: string, signal?: AbortSignal) {
  return apiGet('/public-comments', PublicCommentListSchema, { section }, signal);
}

/** The public comments on one section of the draft (reference text: it never changes). */
export function usePublicComments(section: string) {
  return useQuery(
    queryOptions({
      queryKey: [...strategyKeys.publicComments, section],
      queryFn: ({ signal }) => getPublicComments(section, signal),
      staleTime: REFERENCE_STALE_MS,
    }),
  );
}
