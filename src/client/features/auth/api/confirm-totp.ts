import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SessionSchema } from '@/domain/contract';
import { apiSend, setCsrfToken } from '@/client/lib/api-client';
import { authKeys } from './keys';

/** Turning TOTP on gives the session a new id and CSRF token (the cookie comes with the answer). */
export async function confirmTotp(code: string) {
  const session = await apiSend('POST', '/session/totp/confirm', { code }, { schema: SessionSchema });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmTotp,
    onSuccess: (session) => queryClient.setQueryData(authKeys.session, session),
  });
}
