import { dayNumber, daysBetween, type IsoDate } from './dates';
import type { DueKind } from './deadline';
import { expectedKnots, expectedOn } from './expected';
import type { FyTarget } from './model';
import type { Health, Status } from './status';

export type HealthInput = {
  status: Status;
  progress: number;
  start: IsoDate;
  /** The effective due date (the plan period's end where the text gives none). */
  due: IsoDate;
  dueKind: DueKind;
  /** NISC's fiscal-year targets (年度末目標): the expected line runs through them (decision record 018). */
  fyTargets?: readonly FyTarget[];
};

/** How far behind the straight line from start to due a measure may fall before it is at risk. */
export const AT_RISK_GAP = 25;
/** Within this many days of the due date, a smaller gap already puts a measure at risk. */
export const DUE_SOON_DAYS = 90;
export const DUE_SOON_GAP = 10;
/** A continuous measure not started this long after the plan begins is at risk. */
export const CONTINUOUS_GRACE_DAYS = 90;

/**
 * The progress a measure "should" show at `asOf`, in whole points: on the line from its start to its
 * due date, through its fiscal-year targets where NISC has set them (the same line the charts draw,
 * `expected.ts`), else straight.
 */
export function expectedProgress(
  start: IsoDate,
  due: IsoDate,
  asOf: IsoDate,
  fyTargets: readonly FyTarget[] = [],
): number {
  return Math.round(expectedOn(expectedKnots(start, due, fyTargets), dayNumber(asOf)));
}

/**
 * Health of a measure at an as-of date (decision records 002, 018):
 * completed → done; suspended → suspended; past the due date → overdue; far behind the expected
 * line (through the fiscal-year targets where set), or a little behind it with the due date near →
 * at risk; otherwise on track. Continuous
 * measures have no deadline to miss: they are at risk only when still not started after a grace
 * period.
 */
export function computeHealth(input: HealthInput, asOf: IsoDate): Health {
  if (input.status === 'completed') return 'done';
  if (input.status === 'suspended') return 'suspended';
  if (input.dueKind === 'continuous') {
    const late = input.status === 'not_started' && daysBetween(input.start, asOf) > CONTINUOUS_GRACE_DAYS;
    return late ? 'at_risk' : 'on_track';
  }
  if (asOf > input.due) return 'overdue';
  const gap = expectedProgress(input.start, input.due, asOf, input.fyTargets) - input.progress;
  if (gap > AT_RISK_GAP) return 'at_risk';
  if (daysBetween(asOf, input.due) <= DUE_SOON_DAYS && gap > DUE_SOON_GAP) return 'at_risk';
  return 'on_track';
}
