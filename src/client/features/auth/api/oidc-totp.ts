import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SessionSchema } from '@/domain/contract';
import { apiSend, setCsrfToken } from '@/client/lib/api-client';
import { authKeys } from './keys';

/** The tracker's code after a provider sign-in that asserted no multi-factor authentication. */
export async function confirmOidcTotp(code: string) {
  const session = await apiSend('POST', '/session/oidc/totp', { code }, { schema: SessionSchema });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useConfirmOidcTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmOidcTotp,
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.session[0] });
      queryClient.setQueryData(authKeys.session, session);
    },
  });
}
