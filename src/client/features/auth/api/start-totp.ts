import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TotpEnrolmentSchema } from '../../../../domain/contract-auth';
import { apiSend } from '../../../lib/api-client';
import { authKeys } from './keys';

/** A new secret and its QR code; until it is confirmed, TOTP is off for this account. */
export function startTotp() {
  return apiSend('POST', '/session/totp', {}, { schema: TotpEnrolmentSchema });
}

export function useStartTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.session }),
  });
}
