import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { PublicUserSchema, type UserPatchBodySchema } from '@/domain/contract';
import { apiSend } from '@/client/lib/api-client';
import { adminKeys } from './keys';

export type UpdateUserInput = { id: string; version: number; body: z.input<typeof UserPatchBodySchema> };

/** Role, ministry, disable, unlock or reset password, with If-Match on the user's version. */
export function updateUser({ id, version, body }: UpdateUserInput) {
  return apiSend('PATCH', `/users/${encodeURIComponent(id)}`, body, { schema: PublicUserSchema, ifMatch: version });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      await queryClient.invalidateQueries({ queryKey: adminKeys.audit });
    },
  });
}
