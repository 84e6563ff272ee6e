import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MeasureDetailSchema } from '@/domain/contract';
import type { FyTargetsBody } from '@/domain/contract';
import { apiSend } from '@/client/lib/api-client';
import { invalidatePlan } from './invalidate';

export type SetFyTargetsInput = { measureId: string; version: number; body: FyTargetsBody };

/** PATCH /api/measures/:id/fy-targets with If-Match: the whole list of 年度末目標 replaces the old one. */
export function setFyTargets({ measureId, version, body }: SetFyTargetsInput) {
  return apiSend('PATCH', `/measures/${encodeURIComponent(measureId)}/fy-targets`, body, {
    schema: MeasureDetailSchema,
    ifMatch: version,
  });
}

export function useSetFyTargets() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setFyTargets, onSuccess: () => invalidatePlan(queryClient) });
}
