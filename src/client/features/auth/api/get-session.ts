import { queryOptions, useQuery } from '@tanstack/react-query';
import { SessionSchema, type Session } from '@/domain/contract';
import { ApiError, apiGet, setCsrfToken } from '@/client/lib/api-client';
import { authKeys } from './keys';

/** The signed-in session, or null when nobody is signed in (a 401 here is an answer, not an error). */
export async function getSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    const session = await apiGet('/session', SessionSchema, {}, signal);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function getSessionQueryOptions() {
  return queryOptions({
    queryKey: authKeys.session,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 60_000,
  });
}

export function useSession() {
  return useQuery(getSessionQueryOptions());
}
