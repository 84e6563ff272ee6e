import { monthEnds, type IsoDate } from './dates';
import { effectiveDue } from './deadline';
import { memo, type AssignmentTrack, type PlanIndex } from './snapshot';
import type { Status } from './status';

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
  // Neither depends on the date asked about: once per index.
  const dueDates = memo(index, 'planned-due-dates', () => plannedDueDates(index));
  const steps = memo(index, 'completion-steps', () => completionSteps(completionTimelines(index)));
  return dates.map((date) => {
    const planned = upperBound(dueDates, date);
    const actual = date <= asOf ? (steps.total[upperBound(steps.dates, date) - 1] ?? 0) : null;
    return { date, planned, actual };
  });
}

function plannedDueDates(index: PlanIndex): IsoDate[] {
  const planEnd = index.snapshot.planPeriod.end;
  return index.snapshot.measures
    .filter((m) => m.due.kind !== 'continuous')
    .map((m) => effectiveDue(m.due, planEnd))
    .sort();
}

type CompletionTimeline = readonly { date: IsoDate; complete: boolean }[];

/**
 * For each measure (in plan order), the dates its rolled-up status became or stopped being
 * completed. Kept with the index and carried over a write: only the measures it changed are redone.
 */
export function completionTimelines(index: PlanIndex): CompletionTimeline[] {
  return memo(
    index,
    'completion-timelines',
    () => index.snapshot.measures.map((m) => completionTimeline(index.tracksByMeasure.get(m.id) ?? [])),
    (timelines, next, changed) => {
      const out = timelines.slice();
      for (const i of changed)
        out[i] = completionTimeline(next.tracksByMeasure.get(next.snapshot.measures[i]!.id) ?? []);
      return out;
    },
  );
}

/**
 * Walks a measure's tracks in date order, keeping each assignment's latest status: after each date
 * the measure is complete when some assignment is active (not suspended) and every active one is
 * complete — the roll-up of decision record 002, reduced to the one question the series asks.
 */
export function completionTimeline(tracks: readonly AssignmentTrack[]): CompletionTimeline {
  const statuses: Status[] = tracks.map(() => 'not_started');
  const next = tracks.map(() => 0);
  const out: { date: IsoDate; complete: boolean }[] = [];
  let last = false;
  for (;;) {
    let date: IsoDate | null = null;
    for (let k = 0; k < tracks.length; k++) {
      const p = tracks[k]!.points[next[k]!];
      if (p && (date === null || p.effectiveOn < date)) date = p.effectiveOn;
    }
    if (date === null) return out;
    for (let k = 0; k < tracks.length; k++) {
      const points = tracks[k]!.points;
      while (next[k]! < points.length && points[next[k]!]!.effectiveOn === date)
        statuses[k] = points[next[k]!++]!.status;
    }
    const active = statuses.filter((s) => s !== 'suspended');
    const complete = active.length > 0 && active.every((s) => s === 'completed');
    if (complete !== last) out.push({ date, complete });
    last = complete;
  }
}

/** Every change of completion as a sorted step function: `total[i]` measures are complete from `dates[i]`. */
function completionSteps(timelines: readonly CompletionTimeline[]): { dates: IsoDate[]; total: number[] } {
  const changes: { date: IsoDate; delta: number }[] = [];
  for (const timeline of timelines)
    for (const t of timeline) changes.push({ date: t.date, delta: t.complete ? 1 : -1 });
  changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const dates: IsoDate[] = [];
  const total: number[] = [];
  let running = 0;
  for (const c of changes) {
    running += c.delta;
    if (dates[dates.length - 1] === c.date) total[total.length - 1] = running;
    else {
      dates.push(c.date);
      total.push(running);
    }
  }
  return { dates, total };
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
