import { z } from 'zod';
import { daysBetween, type IsoDate, type MeasureState } from '@/domain/plan';

/**
 * How the measures list can be ordered (issue 18, item 5). `plan` is the strategy's own order (the
 * default); the others are what officials ask for. Ties keep the plan order, so a sort is stable
 * and a page boundary never moves a measure between two views of the same sort.
 */
export const MEASURE_SORTS = ['plan', 'due', 'overdue', 'progress', 'ministry', 'updated'] as const;
export type MeasureSort = (typeof MEASURE_SORTS)[number];
export const MeasureSortSchema = z.enum(MEASURE_SORTS);
export const SortOrderSchema = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof SortOrderSchema>;

/** The direction a sort takes unless told: most overdue and most recently updated first. */
export const DEFAULT_ORDER: Record<MeasureSort, SortOrder> = {
  plan: 'asc',
  due: 'asc',
  overdue: 'desc',
  progress: 'asc',
  ministry: 'asc',
  updated: 'desc',
};

/** Days past the deadline on `asOf` for a measure that is overdue then; null for any other. */
export function daysOverdue(s: Pick<MeasureState, 'health' | 'dueDate'>, asOf: IsoDate): number | null {
  return s.health === 'overdue' ? Math.max(0, daysBetween(s.dueDate, asOf)) : null;
}

type Key = number | string | null;

/**
 * Orders states by `sort`. Values that are missing (no update yet, not overdue, no lead ministry)
 * go last in either direction: "most overdue first" never starts with the measures that are not.
 */
export function sortStates(
  states: readonly MeasureState[],
  sort: MeasureSort,
  order: SortOrder,
  ctx: { asOf: IsoDate; position: (id: string) => number; ministryRank: (id: string) => number },
): MeasureState[] {
  const key = (s: MeasureState): Key => {
    switch (sort) {
      case 'plan':
        return ctx.position(s.measure.id);
      case 'due':
        return s.dueDate;
      case 'overdue':
        return daysOverdue(s, ctx.asOf);
      case 'progress':
        return s.progress;
      case 'ministry': {
        const lead = s.assignments.find((a) => a.role === 'lead')?.ministryId;
        return lead === undefined ? null : ctx.ministryRank(lead);
      }
      case 'updated':
        return s.lastUpdate;
    }
  };
  const sign = order === 'asc' ? 1 : -1;
  return states
    .map((s) => ({ s, k: key(s), p: ctx.position(s.measure.id) }))
    .sort((a, b) => {
      if (a.k !== b.k) {
        if (a.k === null) return 1;
        if (b.k === null) return -1;
        return (a.k < b.k ? -1 : 1) * sign;
      }
      return a.p - b.p;
    })
    .map((x) => x.s);
}
