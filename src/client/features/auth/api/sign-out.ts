import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SignOutSchema } from '@/domain/contract';
import { apiSend, setCsrfToken } from '@/client/lib/api-client';
import { authKeys } from './keys';

/** Ends the session; for a session that began at the provider, the answer names its logout to go on to. */
export async function signOut() {
  return apiSend('DELETE', '/session', undefined, { schema: SignOutSchema });
}

/** Ends the session on the server, then forgets everything the session could read. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.session[0] });
      queryClient.setQueryData(authKeys.session, null);
    },
  });
}
