import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '@/client/lib/api-client';
import { reviewTarget, type ReviewInput } from './approve-submission';
import { submissionKeys } from './keys';

/** Returns a submission to the liaison with the reviewer's comment (required). */
export function returnSubmission({ id, version, comment, kind }: ReviewInput) {
  const { path, schema } = reviewTarget(kind, id, 'return');
  return apiSend('POST', path, { comment }, { schema, ifMatch: version });
}

export function useReturnSubmission() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: returnSubmission,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: submissionKeys.all }),
  });
}
