import { dayNumber, monthEnds, type IsoDate } from '@/domain/plan';
import { expectedCurve, expectedOn, oneDecimal, type Knot } from '@/domain/plan';
import type { MeasureRecord } from '@/domain/plan';
import { rollUpAssignments } from '@/domain/plan';
import { memo, type AssignmentTrack, type PlanIndex } from '@/domain/plan';
import type { AssignmentRole, Status } from '@/domain/plan';

export type Granularity = 'month' | 'quarter';

/** Month ends, or only fiscal quarter ends (June, September, December, March). */
export function seriesDates(from: IsoDate, to: IsoDate, granularity: Granularity): IsoDate[] {
  const ends = monthEnds(from, to);
  if (granularity === 'month') return ends;
  return ends.filter((d) => [3, 6, 9, 12].includes(Number(d.slice(5, 7))) || d === ends[ends.length - 1]);
}

/**
 * One point of plan vs actual (issue 11, decision record 011). Progress is the mean over the
 * measures counted (0–100, one decimal), with the weights of the actual figures; `completed` and
 * `actualProgress` are `null` after the as-of date: the future is not known.
 */
export type ProgressSeriesPoint = {
  date: IsoDate;
  /** Where the measures should be: each on its line from start to effective due date (or its FY targets). */
  expectedProgress: number;
  actualProgress: number | null;
  /** Measures whose expected progress has reached 100 % by this date. */
  expectedCompleted: number;
  completed: number | null;
};

/** What a unit (a measure, or one ministry's share of it) recorded: from `date`, this progress. */
export type ProgressStep = { date: IsoDate; progress: number; complete: boolean };
export type SeriesUnit = { knots: readonly Knot[]; steps: readonly ProgressStep[] };

/** The state of a unit on `date`: its last step on or before it. */
export function stepAt(steps: readonly ProgressStep[], date: IsoDate): ProgressStep | undefined {
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]!.date <= date) lo = mid + 1;
    else hi = mid;
  }
  return steps[lo - 1];
}

/** Expected and actual progress of a set of units on each of `dates` (sorted). */
export function unitSeries(
  units: readonly SeriesUnit[],
  dates: readonly IsoDate[],
  asOf: IsoDate,
): ProgressSeriesPoint[] {
  const days = dates.map(dayNumber);
  const expected = dates.map(() => 0);
  const actual = dates.map(() => 0);
  const expectedDone = dates.map(() => 0);
  const done = dates.map(() => 0);
  for (const { knots, steps } of units) {
    let j = 0;
    for (let i = 0; i < dates.length; i++) {
      const e = expectedOn(knots, days[i]!);
      expected[i]! += e;
      if (e >= 100) expectedDone[i]!++;
      while (j < steps.length && steps[j]!.date <= dates[i]!) j++;
      const step = steps[j - 1];
      if (step) {
        actual[i]! += step.progress;
        if (step.complete) done[i]!++;
      }
    }
  }
  const n = units.length;
  const mean = (sum: number) => (n ? oneDecimal(sum / n) : 0);
  return dates.map((date, i) => {
    const known = date <= asOf;
    return {
      date,
      expectedProgress: mean(expected[i]!),
      actualProgress: known ? mean(actual[i]!) : null,
      expectedCompleted: expectedDone[i]!,
      completed: known ? done[i]! : null,
    };
  });
}

/**
 * Plan vs actual of the measures `include` accepts, on `dates` (sorted). Continuous measures have
 * no expected line and are never counted here: the caller shows them apart.
 */
export function measureSeries(
  index: PlanIndex,
  dates: readonly IsoDate[],
  asOf: IsoDate,
  scope: { key: string; include: (m: MeasureRecord) => boolean },
): ProgressSeriesPoint[] {
  return memo(index, `series:${scope.key}:${asOf}:${dates.join(',')}`, () =>
    unitSeries(
      measureUnits(index).filter((u, i) => u && scope.include(index.snapshot.measures[i]!)) as SeriesUnit[],
      dates,
      asOf,
    ),
  );
}

/** Every measure's expected line and progress steps, in plan order; `null` for continuous ones. */
export function measureUnits(index: PlanIndex): (SeriesUnit | null)[] {
  const timelines = progressTimelines(index);
  const planEnd = index.snapshot.planPeriod.end;
  return memo(index, 'measure-units', () =>
    index.snapshot.measures.map((m, i) => {
      const knots = expectedCurve(m, planEnd);
      return knots && { knots, steps: timelines[i]! };
    }),
  );
}

/** A ministry's share of a measure as a unit: its own recorded steps against the measure's line. */
export function assignmentUnit(knots: readonly Knot[], track: AssignmentTrack): SeriesUnit {
  return {
    knots,
    steps: track.points.map((p) => ({ date: p.effectiveOn, progress: p.progress, complete: p.status === 'completed' })),
  };
}

/**
 * For each measure (in plan order), its rolled-up progress and completion after every date either
 * changed. Kept with the index and carried over a write: only the measures it changed are redone.
 */
export function progressTimelines(index: PlanIndex): (readonly ProgressStep[])[] {
  return memo(
    index,
    'progress-timelines',
    () => index.snapshot.measures.map((m) => progressTimeline(index.tracksByMeasure.get(m.id) ?? [])),
    (timelines, next, changed) => {
      const out = timelines.slice();
      for (const i of changed) out[i] = progressTimeline(next.tracksByMeasure.get(next.snapshot.measures[i]!.id) ?? []);
      return out;
    },
  );
}

/**
 * Walks a measure's tracks in date order, keeping each assignment's latest status and progress,
 * and rolls them up after each date (decision record 002) — the measure's own figures on that date.
 */
export function progressTimeline(tracks: readonly AssignmentTrack[]): ProgressStep[] {
  const parts: { role: AssignmentRole; status: Status; progress: number }[] = tracks.map((t) => ({
    role: t.record.role,
    status: 'not_started',
    progress: 0,
  }));
  const next = tracks.map(() => 0);
  const out: ProgressStep[] = [];
  for (;;) {
    let date: IsoDate | null = null;
    for (let k = 0; k < tracks.length; k++) {
      const p = tracks[k]!.points[next[k]!];
      if (p && (date === null || p.effectiveOn < date)) date = p.effectiveOn;
    }
    if (date === null) return out;
    for (let k = 0; k < tracks.length; k++) {
      const points = tracks[k]!.points;
      while (next[k]! < points.length && points[next[k]!]!.effectiveOn === date) {
        const p = points[next[k]!++]!;
        parts[k] = { role: parts[k]!.role, status: p.status, progress: p.progress };
      }
    }
    const rolled = rollUpAssignments(parts);
    const step = { date, progress: rolled.progress, complete: rolled.status === 'completed' };
    const last = out[out.length - 1];
    if (!last || last.progress !== step.progress || last.complete !== step.complete) out.push(step);
  }
}
