import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { MilestoneListSchema } from '@/domain/contract';
import type { MilestonePatchBodySchema } from '@/domain/contract';
import { apiSend } from '@/client/lib/api-client';
import { strategyKeys } from '@/client/features/strategy/api/keys';
import { invalidatePlan } from './invalidate';

export type UpdateMilestoneInput = { id: string; version: number; body: z.input<typeof MilestonePatchBodySchema> };

/** Moving a milestone (the Games postponed) is an audited edit with a reason, versioned like the rest. */
export function updateMilestone({ id, version, body }: UpdateMilestoneInput) {
  return apiSend('PATCH', `/milestones/${encodeURIComponent(id)}`, body, {
    schema: MilestoneListSchema.shape.items.element,
    ifMatch: version,
  });
}

export function useUpdateMilestone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMilestone,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: strategyKeys.milestones });
      await invalidatePlan(queryClient);
    },
  });
}
