import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiSend, setCsrfToken } from '@/client/lib/api-client';
import { authKeys } from './keys';

export async function signOut() {
  await apiSend('DELETE', '/session', undefined, { schema: z.object({ ok: z.literal(true) }) });
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
