import type { IsoDate } from './dates';
import type { AssignmentRole, Status } from './status';

/** One recorded update of a ministry's assignment, effective on a date. */
export type ProgressPoint = { effectiveOn: IsoDate; status: Status; progress: number; narrative: string };

export type AssignmentState = { status: Status; progress: number; narrative: string; lastUpdate: IsoDate | null };

export const INITIAL_STATE: AssignmentState = { status: 'not_started', progress: 0, narrative: '', lastUpdate: null };

/**
 * The state of an assignment at `asOf`: its last update effective on or before that date.
 * `points` must be sorted by `effectiveOn` (ties keep recording order).
 */
export function stateAt(points: readonly ProgressPoint[], asOf: IsoDate): AssignmentState {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.effectiveOn <= asOf) lo = mid + 1;
    else hi = mid;
  }
  const p = points[lo - 1];
  return p
    ? { status: p.status, progress: p.progress, narrative: p.narrative, lastUpdate: p.effectiveOn }
    : INITIAL_STATE;
}

/** Lead assignments weigh twice as much as contributing ones in a measure's progress. */
export const ROLE_WEIGHT: Record<AssignmentRole, number> = { lead: 2, contributing: 1 };

export type RolledUp = { status: Status; progress: number };

/**
 * A measure's status and progress from its ministries' assignments (decision record 002).
 * Suspended assignments drop out while any other is active; the measure is complete only when
 * every active assignment is; it is not started only when none has started.
 */
export function rollUpAssignments(
  parts: readonly { role: AssignmentRole; status: Status; progress: number }[],
): RolledUp {
  const active = parts.filter((p) => p.status !== 'suspended');
  if (parts.length === 0) return { status: 'not_started', progress: 0 };
  if (active.length === 0) return { status: 'suspended', progress: weightedProgress(parts) };
  const status: Status = active.every((p) => p.status === 'completed')
    ? 'completed'
    : active.every((p) => p.status === 'not_started')
      ? 'not_started'
      : 'in_progress';
  return { status, progress: status === 'completed' ? 100 : weightedProgress(active) };
}

function weightedProgress(parts: readonly { role: AssignmentRole; progress: number }[]): number {
  let sum = 0;
  let weight = 0;
  for (const p of parts) {
    sum += p.progress * ROLE_WEIGHT[p.role];
    weight += ROLE_WEIGHT[p.role];
  }
  return weight === 0 ? 0 : Math.round(sum / weight);
}
