import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SubmissionSchema } from '@/domain/contract';
import { apiSend } from '@/client/lib/api-client';
import { invalidatePlan } from './invalidate';

export type ReviewInput = { id: string; version: number; comment: string };

/** Approving applies the submission to the assignment (409 assignment_changed if it moved on since). */
export function approveSubmission({ id, version, comment }: ReviewInput) {
  return apiSend(
    'POST',
    `/submissions/${encodeURIComponent(id)}/approve`,
    comment.trim() ? { comment: comment.trim() } : {},
    { schema: SubmissionSchema, ifMatch: version },
  );
}

export function useApproveSubmission() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: approveSubmission, onSuccess: () => invalidatePlan(queryClient) });
}
