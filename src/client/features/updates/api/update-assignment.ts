import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MeasureDetailSchema } from '@/domain/contract';
import type { AssignmentPatchBody } from '@/domain/contract';
import { apiSend } from '@/client/lib/api-client';
import { invalidatePlan } from './invalidate';

export type UpdateAssignmentInput = {
  measureId: string;
  ministryId: string;
  /** The assignment's version the user saw. */
  version: number;
  body: AssignmentPatchBody;
};

/** PATCH one ministry's assignment with If-Match: 412 with the current measure if it moved on. */
export function updateAssignment({ measureId, ministryId, version, body }: UpdateAssignmentInput) {
  return apiSend(
    'PATCH',
    `/measures/${encodeURIComponent(measureId)}/assignments/${encodeURIComponent(ministryId)}`,
    body,
    { schema: MeasureDetailSchema, ifMatch: version },
  );
}

export function useUpdateAssignment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateAssignment, onSuccess: () => invalidatePlan(queryClient) });
}
