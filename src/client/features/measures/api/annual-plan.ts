import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PlanItemSchema, PlanListSchema } from '@/domain/contract';
import { apiGet, apiSend } from '@/client/lib/api-client';
import { reportKeys } from '@/client/features/reports/api/keys';
import { planKeys } from './keys';

export function getMeasurePlan(fy: number, id: string, signal?: AbortSignal) {
  return apiGet('/plans', PlanListSchema, { fy, measure: id }, signal).then((l) => l.items[0] ?? null);
}

export function useMeasurePlan(fy: number, id: string) {
  return useQuery(
    queryOptions({ queryKey: planKeys.measure(fy, id), queryFn: ({ signal }) => getMeasurePlan(fy, id, signal) }),
  );
}

type PlanEdit =
  | { kind: 'plan'; planText: string; nextPlanText: string; version: number }
  | { kind: 'result'; ministryId: string; text: string; version: number };

export function useSavePlan(fy: number, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (edit: PlanEdit) => {
      const base = `/plans/${fy}/measures/${encodeURIComponent(id)}`;
      return edit.kind === 'plan'
        ? apiSend(
            'PATCH',
            base,
            { planText: edit.planText, nextPlanText: edit.nextPlanText },
            { schema: PlanItemSchema, ifMatch: edit.version },
          )
        : apiSend(
            'PATCH',
            `${base}/results/${edit.ministryId}`,
            { text: edit.text },
            { schema: PlanItemSchema, ifMatch: edit.version },
          );
    },
    onSuccess: (item) => {
      queryClient.setQueryData(planKeys.measure(fy, id), item);
      // The annual report quotes plan texts and results: it must not show the old ones.
      return queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}
