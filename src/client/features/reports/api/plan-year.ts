import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FyStartReportSchema, PlanListSchema } from '@/domain/contract';
import { apiGet, apiSend } from '@/client/lib/api-client';
import { planKeys } from '@/client/features/measures/api/keys';
import { reportKeys } from './keys';

/** A fiscal year's plan as a whole: whether it has been started, by whom, and what it holds. */
export const planYearKeys = {
  year: (fy: number) => [...planKeys.all, 'year', fy] as const,
};

export function getPlanYear(fy: number, signal?: AbortSignal) {
  return apiGet('/plans', PlanListSchema, { fy }, signal);
}

export function usePlanYear(fy: number, enabled = true) {
  return useQuery(
    queryOptions({ queryKey: planYearKeys.year(fy), queryFn: ({ signal }) => getPlanYear(fy, signal), enabled }),
  );
}

/**
 * POST /api/plans/:fy/start: the year's roster is recorded and last year's "next year" plans are
 * carried forward; the answer lists what was added, retired and renumbered. Item numbers and plan
 * texts change, so every plan and report view is refreshed.
 */
export function useStartFiscalYear() {
  const queryClient = useQueryClient();
  return useMutation({
    // `outsidePlanPeriod`: the reader ticked that they mean a year the strategy never planned (decision record 020).
    mutationFn: ({ fy, outsidePlanPeriod }: { fy: number; outsidePlanPeriod: boolean }) =>
      apiSend('POST', `/plans/${fy}/start${outsidePlanPeriod ? '?outsidePlanPeriod=true' : ''}`, undefined, {
        schema: FyStartReportSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
    // Refused because someone else started the year meanwhile: the panel should say so too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}
