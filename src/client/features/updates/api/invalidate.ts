import type { QueryClient } from '@tanstack/react-query';
import { dashboardKeys } from '@/client/features/dashboard/api/keys';
import { measureKeys } from '@/client/features/measures/api/keys';
import { ministryKeys } from '@/client/features/ministries/api/keys';
import { reportKeys } from '@/client/features/reports/api/keys';
import { strategyKeys } from '@/client/features/strategy/api/keys';
import { timelineKeys } from '@/client/features/timeline/api/keys';
import { submissionKeys } from './keys';

/**
 * A write to a measure or an assignment changes every figure computed from the plan: the measure
 * pages and lists, the overview, ministries, the timeline, the queue, the annual report (its figures
 * and charts are the plan's too) and the data's revision.
 */
export function invalidatePlan(queryClient: QueryClient): Promise<void> {
  return Promise.all(
    [
      measureKeys.all,
      dashboardKeys.all,
      ministryKeys.all,
      timelineKeys.all,
      submissionKeys.all,
      reportKeys.all,
      strategyKeys.meta,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  ).then(() => undefined);
}
