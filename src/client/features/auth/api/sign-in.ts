import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { SessionSchema, type SignInBodySchema } from '@/domain/contract';
import { apiSend, setCsrfToken } from '@/client/lib/api-client';
import { authKeys } from './keys';

export type SignInInput = z.input<typeof SignInBodySchema>;

export async function signIn(body: SignInInput) {
  const session = await apiSend('POST', '/session', body, { schema: SessionSchema });
  setCsrfToken(session.csrfToken);
  return session;
}

/** A new session: every cached answer belonged to the previous one (or to nobody), so it all goes. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.session[0] });
      queryClient.setQueryData(authKeys.session, session);
    },
  });
}
