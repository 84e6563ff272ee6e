import { monthEnds, type IsoDate } from './dates';
import { effectiveDue } from './deadline';
import { rollUpAssignments, stateAt } from './progress';
import { memo, type PlanIndex } from './snapshot';

export type SeriesPoint = {
  date: IsoDate;
  /** Measures whose deadline has passed by this date: completions the plan expects. */
  planned: number;
  /** Measures complete on this date. `null` after the as-of date: the future is not known. */
  actual: number | null;
};

export type Granularity = 'month' | 'quarter';

/** Month ends, or only fiscal quarter ends (June, September, December, March). */
export function seriesDates(from: IsoDate, to: IsoDate, granularity: Granularity): IsoDate[] {
  const ends = monthEnds(from, to);
  if (granularity === 'month') return ends;
  return ends.filter((d) => [3, 6, 9, 12].includes(Number(d.slice(5, 7))) || d === ends[ends.length - 1]);
}

/**
 * Planned vs actual completions (decision record 002): `planned` counts measures whose effective
 * due date falls on or before each date (continuous measures never fall due); `actual` counts
 * measures whose rolled-up status is completed on that date, from the recorded history.
 */
export function plannedVsActual(index: PlanIndex, dates: readonly IsoDate[], asOf: IsoDate): SeriesPoint[] {
  const planEnd = index.snapshot.planPeriod.end;
  const dueDates = index.snapshot.measures
    .filter((m) => m.due.kind !== 'continuous')
    .map((m) => effectiveDue(m.due, planEnd))
    .sort();
  // The timelines do not depend on the date asked about: once per index.
  const completedAt = memo(index, 'completion-timelines', () => completionTimelines(index));
  return dates.map((date) => {
    const planned = upperBound(dueDates, date);
    let actual: number | null = null;
    if (date <= asOf) {
      actual = 0;
      for (const timeline of completedAt) if (isCompleteOn(timeline, date)) actual++;
    }
    return { date, planned, actual };
  });
}

/** For each measure, the dates its rolled-up status changed and whether it was then complete. */
function completionTimelines(index: PlanIndex): { date: IsoDate; complete: boolean }[][] {
  const out: { date: IsoDate; complete: boolean }[][] = [];
  for (const m of index.snapshot.measures) {
    const tracks = index.tracksByMeasure.get(m.id) ?? [];
    const dates = [...new Set(tracks.flatMap((t) => t.points.map((p) => p.effectiveOn)))].sort();
    const timeline: { date: IsoDate; complete: boolean }[] = [];
    let last = false;
    for (const date of dates) {
      const rolled = rollUpAssignments(tracks.map((t) => ({ role: t.record.role, ...stateAt(t.points, date) })));
      const complete = rolled.status === 'completed';
      if (complete !== last) timeline.push({ date, complete });
      last = complete;
    }
    if (timeline.length) out.push(timeline);
  }
  return out;
}

function isCompleteOn(timeline: readonly { date: IsoDate; complete: boolean }[], date: IsoDate): boolean {
  let state = false;
  for (const t of timeline) {
    if (t.date > date) break;
    state = t.complete;
  }
  return state;
}

/** Number of sorted values ≤ x. */
function upperBound(sorted: readonly string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
