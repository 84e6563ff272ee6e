import { addDays, dayNumber, daysBetween, type IsoDate } from '@/domain/plan';
import { effectiveDue } from '@/domain/plan';
import { oneDecimal } from '@/domain/plan';
import { previousQuarterEnd } from '@/domain/plan';
import type { LocalizedText } from '@/domain/plan';
import type { MeasureRecord } from '@/domain/plan';
import { progressTimelines, stepAt } from './series';
import { memo, type PlanIndex } from '@/domain/plan';
import { isTokyo2020Measure, TOKYO2020_OPENING_ID } from '@/domain/plan';

/**
 * The forecast (issue 11, decision record 011): a projection, not a plan. Each measure's pace is
 * its progress gained over the window — the two fiscal quarters before the as-of date — per day;
 * a measure with no update in that window has no pace, and nothing is guessed for it. Continuous
 * measures have no end to reach and are left out.
 */

export type MeasurePace =
  | { kind: 'done' }
  | { kind: 'no_pace'; progress: number }
  /** `perDay` may be 0 or less: updated, but not moving forward — it never reaches 100 % at this pace. */
  | { kind: 'pace'; progress: number; perDay: number };

/** Days to wait at `perDay` to go from `progress` to 100 %, or null when it never gets there. */
function daysToFull(progress: number, perDay: number): number | null {
  if (progress >= 100) return 0;
  return perDay > 0 ? Math.ceil((100 - progress) / perDay) : null;
}

export function forecastWindow(asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: previousQuarterEnd(previousQuarterEnd(asOf)), to: asOf };
}

/** A measure's pace from its recorded steps and the dates of its updates (both sorted). */
export function measurePace(
  steps: readonly { date: IsoDate; progress: number; complete: boolean }[],
  updates: readonly IsoDate[],
  window: { from: IsoDate; to: IsoDate },
): MeasurePace {
  const now = stepAt(steps, window.to);
  if (now?.complete) return { kind: 'done' };
  const progress = now?.progress ?? 0;
  if (!updates.some((d) => d > window.from && d <= window.to)) return { kind: 'no_pace', progress };
  const then = stepAt(steps, window.from)?.progress ?? 0;
  return { kind: 'pace', progress, perDay: (progress - then) / daysBetween(window.from, window.to) };
}

export type ForecastGroup = {
  /** 'all', 'tokyo2020' or a policy area's code. */
  key: string;
  measures: number;
  /** Mean progress now and at the window's start (one decimal). */
  progress: number;
  progressAtStart: number;
  /** When the group's mean would reach 100 % at the pace it moved over the window; null: not moving. */
  reachesFullOn: IsoDate | null;
  /** Open measures with no update in the window: their pace is unknown, so they count as not moving. */
  noPace: number;
};

export type LateMeasure = {
  id: string;
  code: string;
  title: LocalizedText;
  progress: number;
  /** What it will miss: its own due date, or the opening of the Games. */
  against: 'due' | 'games';
  deadline: IsoDate;
  /** The projected completion date; null when its pace is zero or less (it never gets there). */
  projectedOn: IsoDate | null;
  daysLate: number | null;
};

export type Forecast = {
  window: { from: IsoDate; to: IsoDate };
  gamesOpening: IsoDate | null;
  groups: ForecastGroup[];
  /** `stalled`: of those, updated in the window without moving forward (no projected date). */
  late: { total: number; stalled: number; items: LateMeasure[] };
  noPace: number;
};

type Row = { m: MeasureRecord; pace: MeasurePace; then: number };

/** The forecast for an as-of date; the late list is sorted by days late, the ones not moving last. */
export function forecast(index: PlanIndex, asOf: IsoDate, limit = 20): Forecast {
  return memo(index, `forecast:${asOf}:${limit}`, () => {
    const window = forecastWindow(asOf);
    const timelines = progressTimelines(index);
    const { measures, planPeriod, areas, milestones } = index.snapshot;
    const opening = milestones.find((m) => m.id === TOKYO2020_OPENING_ID)?.start ?? null;
    const rows: Row[] = [];
    measures.forEach((m, i) => {
      if (m.due.kind === 'continuous') return;
      const steps = timelines[i]!;
      const updates = (index.eventsByMeasure.get(m.id) ?? []).map((e) => e.effectiveOn);
      const pace = measurePace(steps, updates, window);
      rows.push({ m, pace, then: stepAt(steps, window.from)?.progress ?? 0 });
    });
    const group = (key: string, f: (m: MeasureRecord) => boolean) =>
      forecastGroup(
        key,
        rows.filter((r) => f(r.m)),
        window,
      );
    const late = rows.flatMap((r) => lateness(r, effectiveDue(r.m.due, planPeriod.end), asOf, opening));
    // Those late by a known number of days first, most first; then those not moving at all.
    late.sort((a, b) => (b.daysLate ?? -1) - (a.daysLate ?? -1) || a.code.localeCompare(b.code));
    return {
      window,
      gamesOpening: opening,
      groups: [
        group('all', () => true),
        group('tokyo2020', isTokyo2020Measure),
        ...areas.map((a) => group(a.code, (m) => m.areaCode === a.code)),
      ],
      late: {
        total: late.length,
        stalled: late.filter((l) => l.daysLate === null).length,
        items: late.slice(0, limit),
      },
      noPace: rows.filter((r) => r.pace.kind === 'no_pace').length,
    };
  });
}

function forecastGroup(key: string, rows: readonly Row[], window: { from: IsoDate; to: IsoDate }): ForecastGroup {
  const n = rows.length;
  const now = n ? rows.reduce((acc, r) => acc + (r.pace.kind === 'done' ? 100 : r.pace.progress), 0) / n : 100;
  const then = n ? rows.reduce((acc, r) => acc + r.then, 0) / n : 100;
  const wait = daysToFull(now, (now - then) / daysBetween(window.from, window.to));
  return {
    key,
    measures: n,
    progress: oneDecimal(now),
    progressAtStart: oneDecimal(then),
    reachesFullOn: wait === null ? null : addDays(window.to, wait),
    noPace: rows.filter((r) => r.pace.kind === 'no_pace').length,
  };
}

/** The deadlines a measure will miss at its present pace: its due date, and the Games if tagged for them. */
function lateness(r: Row, due: IsoDate, asOf: IsoDate, opening: IsoDate | null): LateMeasure[] {
  if (r.pace.kind !== 'pace') return [];
  const wait = daysToFull(r.pace.progress, r.pace.perDay);
  const projectedOn = wait === null ? null : addDays(asOf, wait);
  const deadlines: { against: LateMeasure['against']; deadline: IsoDate }[] = [{ against: 'due', deadline: due }];
  if (opening && opening > asOf && isTokyo2020Measure(r.m)) deadlines.push({ against: 'games', deadline: opening });
  return deadlines
    .filter((d) => projectedOn === null || projectedOn > d.deadline)
    .map((d) => ({
      id: r.m.id,
      code: r.m.code,
      title: r.m.title,
      progress: r.pace.kind === 'pace' ? r.pace.progress : 0,
      against: d.against,
      deadline: d.deadline,
      projectedOn,
      daysLate: projectedOn === null ? null : dayNumber(projectedOn) - dayNumber(d.deadline),
    }));
}
