import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ResultSubmissionSchema, SubmissionSchema } from '@/domain/contract';
import { planKeys } from '@/client/features/measures/api/keys';
import { apiSend } from '@/client/lib/api-client';
import { invalidatePlan } from './invalidate';

/** `kind`: a progress submission (the default) or a results text for a fiscal year (decision record 020). */
export type ReviewInput = { id: string; version: number; comment: string; kind?: 'progress' | 'result' };

/** Where a submission of each kind is reviewed, and what the answer looks like. */
export const reviewTarget = (kind: ReviewInput['kind'], id: string, decision: 'approve' | 'return') =>
  kind === 'result'
    ? { path: `/result-submissions/${encodeURIComponent(id)}/${decision}`, schema: ResultSubmissionSchema }
    : { path: `/submissions/${encodeURIComponent(id)}/${decision}`, schema: SubmissionSchema };

/**
 * Approving applies the submission: to the assignment (409 assignment_changed if it moved on since),
 * or to the year's results (409 result_changed).
 */
export function approveSubmission({ id, version, comment, kind }: ReviewInput) {
  const { path, schema } = reviewTarget(kind, id, 'approve');
  return apiSend('POST', path, comment.trim() ? { comment: comment.trim() } : {}, { schema, ifMatch: version });
}

export function useApproveSubmission() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveSubmission,
    // Approved results are the record the annual panel and the report show.
    onSuccess: () =>
      Promise.all([invalidatePlan(queryClient), queryClient.invalidateQueries({ queryKey: planKeys.all })]),
  });
}
