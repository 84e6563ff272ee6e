import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TotpEnrolmentSchema, type TotpStartBody } from '@/domain/contract';
import { apiSend } from '@/client/lib/api-client';
import { authKeys } from './keys';

/**
 * A new secret and its QR code; an enrolled secret stays in force until the new one is confirmed.
 * Outside the enrolment forced at sign-in the server asks for the current password (and code).
 */
export function startTotp(body: TotpStartBody = {}) {
  return apiSend('POST', '/session/totp', body, { schema: TotpEnrolmentSchema });
}

export function useStartTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.session }),
  });
}
