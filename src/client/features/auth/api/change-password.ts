import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { SessionSchema, type ChangePasswordBodySchema } from '@/domain/contract';
import { apiSend, setCsrfToken } from '@/client/lib/api-client';
import { authKeys } from './keys';

export async function changePassword(body: z.input<typeof ChangePasswordBodySchema>) {
  const session = await apiSend('POST', '/session/password', body, { schema: SessionSchema });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (session) => queryClient.setQueryData(authKeys.session, session),
  });
}
