import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { PublicUserSchema, type UserCreateBodySchema } from '@/domain/contract';
import { apiSend } from '@/client/lib/api-client';
import { adminKeys } from './keys';

export type CreateUserInput = z.input<typeof UserCreateBodySchema>;

/** A new account with a temporary password the user must change at first sign-in. */
export function createUser(body: CreateUserInput) {
  return apiSend('POST', '/users', body, { schema: PublicUserSchema });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      await queryClient.invalidateQueries({ queryKey: adminKeys.audit });
    },
  });
}
