import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SubmissionSchema } from '@/domain/contract';
import { apiSend } from '@/client/lib/api-client';
import type { ReviewInput } from './approve-submission';
import { submissionKeys } from './keys';

/** Returns a submission to the liaison with the reviewer's comment (required). */
export function returnSubmission({ id, version, comment }: ReviewInput) {
  return apiSend(
    'POST',
    `/submissions/${encodeURIComponent(id)}/return`,
    { comment },
    {
      schema: SubmissionSchema,
      ifMatch: version,
    },
  );
}

export function useReturnSubmission() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: returnSubmission,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: submissionKeys.all }),
  });
}
