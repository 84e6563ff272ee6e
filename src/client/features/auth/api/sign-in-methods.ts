import { queryOptions, useQuery } from '@tanstack/react-query';
import { SignInMethodsSchema } from '@/domain/contract';
import { apiGet } from '@/client/lib/api-client';
import { authKeys } from './keys';

/** Whether the sign-in page offers the organisation's provider (issue 14). */
export function getSignInMethods(signal?: AbortSignal) {
  return apiGet('/session/methods', SignInMethodsSchema, {}, signal);
}

export function useSignInMethods() {
  return useQuery(
    queryOptions({
      queryKey: authKeys.methods,
      queryFn: ({ signal }) => getSignInMethods(signal),
      staleTime: Infinity,
    }),
  );
}
