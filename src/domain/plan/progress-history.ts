import type { IsoDate } from './dates';
import { rollUpAssignments, stateAt, type ProgressPoint } from './progress';
import type { AssignmentRole, Status } from './status';

/** A measure's progress over time, from its recorded updates: the data of its history chart. */

export type ProgressHistoryPoint = {
  date: IsoDate;
  /** The measure's rolled-up progress on that date (decision record 002). */
  measure: number;
  /** Each ministry's own progress on that date. */
  byMinistry: Record<string, number>;
};

type HistoryEvent = { id: number; ministryId: string; effectiveOn: IsoDate; status: Status; progress: number };

/**
 * One point at the start, one per date on which anything was recorded, and one at the as-of date,
 * so the lines run from the start to the reporting date. Events after `asOf` are ignored; events
 * may come in any order (the API sends the newest first).
 */
export function progressHistory(
  events: readonly HistoryEvent[],
  assignments: readonly { ministryId: string; role: AssignmentRole }[],
  start: IsoDate,
  asOf: IsoDate,
): ProgressHistoryPoint[] {
  if (asOf < start) return [];
  const sorted = events
    .filter((e) => e.effectiveOn <= asOf)
    .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.id - b.id);
  const tracks = assignments.map((a) => ({
    ...a,
    points: sorted
      .filter((e) => e.ministryId === a.ministryId)
      .map<ProgressPoint>((e) => ({
        effectiveOn: e.effectiveOn,
        status: e.status,
        progress: e.progress,
        narrative: '',
      })),
  }));
  const dates = [...new Set([start, ...sorted.map((e) => e.effectiveOn), asOf])].filter((d) => d >= start).sort();
  return dates.map((date) => {
    const parts = tracks.map((t) => ({ ministryId: t.ministryId, role: t.role, ...stateAt(t.points, date) }));
    return {
      date,
      measure: rollUpAssignments(parts).progress,
      byMinistry: Object.fromEntries(parts.map((p) => [p.ministryId, p.progress])),
    };
  });
}
