import { FIRST_FY, LAST_FY } from '@/domain/contract';

/** The plan's years and the Tokyo 2020 horizon: what the year pickers offer at least. */
const PLAN_YEARS = { first: FIRST_FY, last: 2020 } as const;

/**
 * The fiscal years a picker offers: the plan's years and Tokyo 2020, stretched to include `fy`
 * (today's year, or one in the URL) so a select never holds a value none of its options show.
 */
export function fiscalYearChoices(fy?: number): number[] {
  const last = Math.min(LAST_FY, Math.max(PLAN_YEARS.last, fy ?? PLAN_YEARS.last));
  const first = Math.max(FIRST_FY, Math.min(PLAN_YEARS.first, fy ?? PLAN_YEARS.first));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** A year the API accepts: today's fiscal year kept within FY2015–FY2030. */
export function clampFiscalYear(fy: number): number {
  return Math.min(LAST_FY, Math.max(FIRST_FY, fy));
}
