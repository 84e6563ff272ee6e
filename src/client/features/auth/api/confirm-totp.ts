import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SessionSchema } from '@/domain/contract-auth';
import { apiSend } from '@/client/lib/api-client';
import { authKeys } from './keys';

export function confirmTotp(code: string) {
  return apiSend('POST', '/session/totp/confirm', { code }, { schema: SessionSchema });
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmTotp,
    onSuccess: (session) => queryClient.setQueryData(authKeys.session, session),
  });
}
