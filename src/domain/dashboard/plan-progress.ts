import type { SeriesScope } from '@/domain/contract';
import { minDate, type IsoDate } from '@/domain/plan';
import { expectedCurve } from '@/domain/plan';
import { fiscalYearEnd, fiscalYearOf } from '@/domain/plan';
import type { MeasureRecord } from '@/domain/plan';
import { assignmentUnit, measureSeries, measureUnits, seriesDates, unitSeries, type Granularity } from './series';
import type { ProgressSeriesPoint, SeriesUnit } from './series';
import { allStatesAt, memo, type PlanIndex } from '@/domain/plan';
import { isTokyo2020Measure } from '@/domain/plan';

/**
 * Plan vs actual wherever the tracker shows progress (issue 11, decision record 011): the whole
 * plan or the Tokyo 2020 set, each policy area, a ministry, a measure. Continuous measures (継続)
 * have no expected line and are counted apart.
 */

export function inScope(scope: SeriesScope): (m: MeasureRecord) => boolean {
  return scope === 'tokyo2020' ? isTokyo2020Measure : () => true;
}

/**
 * Series dates: fiscal quarter (or month) ends from the plan's start to the last milestone, or to
 * the as-of date when later — but not past the fiscal year after the last milestone (asOf=9999-12-31
 * must not produce a chart of 8,000 years). The as-of date joins them, so the actual line ends on it.
 */
export function seriesDatesFor(index: PlanIndex, asOf: IsoDate, granularity: Granularity): IsoDate[] {
  const { planPeriod, milestones } = index.snapshot;
  const lastMilestone = milestones.reduce((acc, m) => (m.end > acc ? m.end : acc), planPeriod.end);
  const end = asOf > lastMilestone ? minDate(asOf, fiscalYearEnd(fiscalYearOf(lastMilestone) + 1)) : lastMilestone;
  const dates = seriesDates(planPeriod.start, end, granularity);
  if (dates.includes(asOf) || asOf < (dates[0] ?? '') || asOf > (dates[dates.length - 1] ?? '')) return dates;
  return [...dates, asOf].sort();
}

export const ALL_MEASURES = { key: 'all', include: () => true };

export type ContinuousSummary = { total: number; completed: number; progress: number };

export type PlanProgress = {
  scope: SeriesScope;
  /** Measures with an expected line (all but the continuous ones) that the series counts. */
  seriesMeasures: number;
  plannedVsActual: ProgressSeriesPoint[];
  progressByArea: { key: string; points: ProgressSeriesPoint[] }[];
  /** Continuous measures in scope, shown apart: how many, how many complete, mean progress at asOf. */
  continuous: ContinuousSummary;
};

export function planProgress(
  index: PlanIndex,
  asOf: IsoDate,
  granularity: Granularity,
  scope: SeriesScope,
): PlanProgress {
  const dates = seriesDatesFor(index, asOf, granularity);
  const include = inScope(scope);
  const units = measureUnits(index);
  const counted = index.snapshot.measures.filter((m, i) => units[i] && include(m));
  const series = (key: string, f: (m: MeasureRecord) => boolean) =>
    measureSeries(index, dates, asOf, { key: `${scope}:${key}`, include: (m) => include(m) && f(m) });
  return {
    scope,
    seriesMeasures: counted.length,
    plannedVsActual: series('all', () => true),
    progressByArea: index.snapshot.areas.map((a) => ({
      key: a.code,
      points: series(`area:${a.code}`, (m) => m.areaCode === a.code),
    })),
    continuous: continuousSummary(index, asOf, include),
  };
}

export function continuousSummary(index: PlanIndex, asOf: IsoDate, include: (m: MeasureRecord) => boolean) {
  const states = allStatesAt(index, asOf).filter((s) => s.measure.due.kind === 'continuous' && include(s.measure));
  const sum = states.reduce((acc, s) => acc + s.progress, 0);
  return {
    total: states.length,
    completed: states.filter((s) => s.status === 'completed').length,
    progress: states.length ? Math.round(sum / states.length) : 0,
  };
}

/**
 * A ministry's plan vs actual: its own share of each measure (the weights of its scorecard, one per
 * assignment) against that measure's expected line; continuous measures apart, as everywhere.
 */
export function ministryProgress(index: PlanIndex, ministryId: string, asOf: IsoDate): ProgressSeriesPoint[] {
  const dates = seriesDatesFor(index, asOf, 'quarter');
  return memo(index, `ministry-series:${ministryId}:${asOf}`, () => {
    const planEnd = index.snapshot.planPeriod.end;
    const units: SeriesUnit[] = [];
    for (const m of index.snapshot.measures) {
      const track = index.tracksByMeasure.get(m.id)?.find((t) => t.record.ministryId === ministryId);
      const knots = track && expectedCurve(m, planEnd);
      if (track && knots) units.push(assignmentUnit(knots, track));
    }
    return unitSeries(units, dates, asOf);
  });
}

/** One measure's expected line against its progress; `null` for a continuous measure, which has none. */
export function measureProgress(index: PlanIndex, measureId: string, asOf: IsoDate): ProgressSeriesPoint[] | null {
  const position = index.positionById.get(measureId);
  const unit = position === undefined ? null : measureUnits(index)[position];
  return unit ? unitSeries([unit], seriesDatesFor(index, asOf, 'quarter'), asOf) : null;
}
