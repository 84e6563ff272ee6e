import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { SubmissionSchema, type SubmissionCreateBodySchema } from '@/domain/contract';
import { apiSend } from '@/client/lib/api-client';
import { submissionKeys } from './keys';

export type SubmissionInput = z.input<typeof SubmissionCreateBodySchema>;

/** A liaison's progress report; baseVersion is the assignment version they saw (412 if it moved on). */
export function createSubmission(body: SubmissionInput) {
  return apiSend('POST', '/submissions', body, { schema: SubmissionSchema });
}

export function useCreateSubmission() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSubmission,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: submissionKeys.all }),
  });
}
