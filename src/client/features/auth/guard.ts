import type { QueryClient } from '@tanstack/react-query';
import { redirect, type ParsedLocation } from '@tanstack/react-router';
import type { Session } from '@/domain/contract';
import { getSessionQueryOptions } from './api/get-session';
import { homeFor, requiredPath } from './navigation';

const PUBLIC_PATHS = new Set(['/login']);

/**
 * The root route's beforeLoad: every page but /login needs a session, and a session that must
 * change its password or enrol TOTP is held on that page. The server enforces the same rules;
 * this only spares the user pages that would answer 401 or 403.
 */
export async function requireSession({
  context,
  location,
}: {
  context: { queryClient: QueryClient };
  location: ParsedLocation;
}): Promise<{ session: Session | null }> {
  const session = await context.queryClient.fetchQuery(getSessionQueryOptions());
  // TanStack Router's idiom: a thrown redirect is control flow, not an error.
  /* eslint-disable @typescript-eslint/only-throw-error */
  if (PUBLIC_PATHS.has(location.pathname)) {
    if (session) throw redirect({ href: requiredPath(session) ?? homeFor(session.user), replace: true });
    return { session };
  }
  if (!session) throw redirect({ to: '/login', search: { redirect: location.href }, replace: true });
  const required = requiredPath(session);
  if (required && location.pathname !== required)
    throw redirect({ to: required, search: { redirect: location.href }, replace: true });
  /* eslint-enable @typescript-eslint/only-throw-error */
  return { session };
}
