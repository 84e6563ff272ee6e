import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MeasureDetailSchema } from '@/domain/contract';
import type { MeasurePatchBody } from '@/domain/contract';
import { apiSend } from '@/client/lib/api-client';
import { invalidatePlan } from './invalidate';

export type UpdateMeasureInput = { measureId: string; version: number; body: MeasurePatchBody };

/** PATCH /api/measures/:id with If-Match: a stale version is refused (412) with the current measure. */
export function updateMeasure({ measureId, version, body }: UpdateMeasureInput) {
  return apiSend('PATCH', `/measures/${encodeURIComponent(measureId)}`, body, {
    schema: MeasureDetailSchema,
    ifMatch: version,
  });
}

export function useUpdateMeasure() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateMeasure, onSuccess: () => invalidatePlan(queryClient) });
}
