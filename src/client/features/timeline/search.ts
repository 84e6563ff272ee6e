import { z } from 'zod';
import { TIMELINE_GROUPINGS } from '@/domain/dashboard';
import { AsOfSearchSchema } from '@/client/lib/as-of-search';

/** The timeline's view lives in the URL: grouping, the fiscal year zoomed to, and the reporting date. */
export const TimelineSearchSchema = AsOfSearchSchema.extend({
  groupBy: z.enum(TIMELINE_GROUPINGS).optional().catch(undefined),
  fy: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});
export type TimelineSearch = z.infer<typeof TimelineSearchSchema>;

/** Fiscal years one can zoom to: the plan (FY2015–FY2017) and the run-up to the Games. */
export const ZOOM_YEARS = [2015, 2016, 2017, 2018, 2019, 2020];

/** Rows a "show more" adds to a group. */
export const ROWS_PER_PAGE = 50;
/** Rows drawn at first across all groups: a plan of 5,000 measures opens as quickly as one of 258. */
export const FIRST_ROWS_BUDGET = 300;

/** Rows each group shows at first: the budget shared out, at least 10 and at most a page. */
export function firstRowsPerGroup(groups: number): number {
  return Math.max(10, Math.min(ROWS_PER_PAGE, Math.floor(FIRST_ROWS_BUDGET / Math.max(1, groups))));
}
