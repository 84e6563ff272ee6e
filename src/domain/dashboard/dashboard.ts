import { needsAttention, type Attention } from './attention';
import { daysBetween, type IsoDate } from '@/domain/plan';
import { forecast, type Forecast } from './forecast';
import { previousQuarterEnd } from '@/domain/plan';
import type { Milestone } from '@/domain/plan';
import { allStatesAt, type MeasureState, type PlanIndex } from '@/domain/plan';
import { countStates, type Counts } from './summary';
import { TOKYO2020_MILESTONE_IDS, TOKYO2020_OPENING_ID } from '@/domain/plan';

/** The overview's headline figures, each compared with the end of the previous fiscal quarter. */
export const HEADLINE_KEYS = [
  'total',
  'completed',
  'inProgress',
  'notStarted',
  'overdue',
  'atRisk',
  'progress',
] as const;
export type HeadlineKey = (typeof HEADLINE_KEYS)[number];

export type HeadlineFigure = { key: HeadlineKey; value: number; previous: number; change: number };

export function headlineValues(c: Counts): Record<HeadlineKey, number> {
  return {
    total: c.total,
    completed: c.byStatus.completed,
    inProgress: c.byStatus.in_progress,
    notStarted: c.byStatus.not_started,
    overdue: c.byHealth.overdue,
    atRisk: c.byHealth.at_risk,
    progress: c.progress,
  };
}

/** Figures at `asOf` and at the previous quarter end (2016-03-31 compares with 2015-12-31). */
export function headline(
  index: PlanIndex,
  asOf: IsoDate,
  states: readonly MeasureState[] = allStatesAt(index, asOf),
): { previousAsOf: IsoDate; figures: HeadlineFigure[] } {
  const previousAsOf = previousQuarterEnd(asOf);
  const now = headlineValues(countStates(states));
  const before = headlineValues(countStates(allStatesAt(index, previousAsOf)));
  return {
    previousAsOf,
    figures: HEADLINE_KEYS.map((key) => ({
      key,
      value: now[key],
      previous: before[key],
      change: now[key] - before[key],
    })),
  };
}

export { TOKYO2020_MILESTONE_IDS, TOKYO2020_OPENING_ID } from '@/domain/plan';

export type CountdownPhase = 'upcoming' | 'under_way' | 'past';

export type Countdown = {
  milestone: Milestone;
  /** Days from the as-of date to the milestone's first day: 0 on the day, negative once it began. */
  days: number;
  phase: CountdownPhase;
  /** Measures tagged for the milestone(s), and how many of them are not complete at the as-of date. */
  tagged: number;
  notComplete: number;
  /** Of those not complete: how many are overdue or at risk. */
  atRiskOrOverdue: number;
};

export function countdownPhase(m: Pick<Milestone, 'start' | 'end'>, asOf: IsoDate): CountdownPhase {
  if (asOf < m.start) return 'upcoming';
  return asOf <= m.end ? 'under_way' : 'past';
}

/** A countdown to `milestone`, counting the measures tagged for any of `tagIds`. */
export function countdownTo(
  milestone: Milestone,
  tagIds: readonly string[],
  states: readonly MeasureState[],
  asOf: IsoDate,
): Countdown {
  const tagged = states.filter((s) => s.measure.milestoneIds.some((id) => tagIds.includes(id)));
  const open = tagged.filter((s) => s.status !== 'completed');
  return {
    milestone,
    days: daysBetween(asOf, milestone.start),
    phase: countdownPhase(milestone, asOf),
    tagged: tagged.length,
    notComplete: open.length,
    atRiskOrOverdue: open.filter((s) => s.health === 'at_risk' || s.health === 'overdue').length,
  };
}

/** The first milestone that starts after the as-of date (ties: the earlier-listed one). */
export function nextMilestone(milestones: readonly Milestone[], asOf: IsoDate): Milestone | null {
  return milestones
    .filter((m) => m.start > asOf)
    .reduce<Milestone | null>((a, m) => (!a || m.start < a.start ? m : a), null);
}

export function countdowns(
  index: PlanIndex,
  asOf: IsoDate,
  states: readonly MeasureState[] = allStatesAt(index, asOf),
): { next: Countdown | null; tokyo2020: Countdown | null } {
  const { milestones } = index.snapshot;
  const next = nextMilestone(milestones, asOf);
  const opening = milestones.find((m) => m.id === TOKYO2020_OPENING_ID);
  return {
    next: next && countdownTo(next, [next.id], states, asOf),
    tokyo2020: opening ? countdownTo(opening, TOKYO2020_MILESTONE_IDS, states, asOf) : null,
  };
}

export type Overview = {
  asOf: IsoDate;
  previousAsOf: IsoDate;
  headline: HeadlineFigure[];
  countdowns: { next: Countdown | null; tokyo2020: Countdown | null };
  attention: Attention;
  /** A projection from each measure's recent pace (issue 11): see `forecast.ts`. */
  forecast: Forecast;
};

/** Everything on the overview that /api/stats does not already answer, for one as-of date. */
export function overview(index: PlanIndex, asOf: IsoDate, attentionLimit = 10): Overview {
  const states = allStatesAt(index, asOf);
  const { previousAsOf, figures } = headline(index, asOf, states);
  return {
    asOf,
    previousAsOf,
    headline: figures,
    countdowns: countdowns(index, asOf, states),
    attention: needsAttention(states, asOf, attentionLimit),
    forecast: forecast(index, asOf),
  };
}
