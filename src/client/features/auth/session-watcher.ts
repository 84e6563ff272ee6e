import type { QueryClient } from '@tanstack/react-query';
import type { AnyRouter } from '@tanstack/react-router';
import { ApiError, setCsrfToken } from '@/client/lib/api-client';
import { authKeys } from './api/keys';

/**
 * A 401 from any query or write means the session ended (timed out, signed out elsewhere, password
 * changed): forget it and go to /login, coming back here afterwards. A 403 setup_required means the
 * session must first change its password or enrol TOTP: re-check it and let the guard redirect.
 */
export function watchSession(queryClient: QueryClient, router: AnyRouter): () => void {
  const onError = (error: unknown) => {
    if (!(error instanceof ApiError)) return;
    if (error.code === 'unauthenticated') {
      setCsrfToken(null);
      queryClient.setQueryData(authKeys.session, null);
      const { pathname, href } = router.state.location;
      if (pathname !== '/login') void router.navigate({ to: '/login', search: { redirect: href }, replace: true });
    } else if (error.code === 'setup_required') {
      void queryClient.invalidateQueries({ queryKey: authKeys.session }).then(() => router.invalidate());
    }
  };
  const stopQueries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
  });
  const stopMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
  });
  return () => {
    stopQueries();
    stopMutations();
  };
}
