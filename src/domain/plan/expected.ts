import { dayNumber, type IsoDate } from './dates';
import { effectiveDue } from './deadline';
import { fiscalYearEnd } from './fiscal-year';
import type { FyTarget, MeasureRecord } from './model';

/**
 * Expected progress (issue 11, decision record 011): where a measure should be on any date. A line
 * from 0 % at its start to 100 % at its effective due date — through NISC's fiscal-year targets
 * (年度末目標) where set. Continuous measures (継続) have no end, so no expected line: `null`.
 */

/** One corner of the expected line: `value` % on day number `day`. */
export type Knot = { day: number; value: number };

export function expectedCurve(
  measure: Pick<MeasureRecord, 'start' | 'due' | 'fyTargets'>,
  planEnd: IsoDate,
): Knot[] | null {
  if (measure.due.kind === 'continuous') return null;
  return expectedKnots(measure.start, effectiveDue(measure.due, planEnd), measure.fyTargets);
}

/** The line from 0 % on `start` to 100 % on the (effective) due date, through the fiscal-year targets. */
export function expectedKnots(start: IsoDate, due: IsoDate, fyTargets: readonly FyTarget[] = []): Knot[] {
  const first = dayNumber(start);
  const last = Math.max(first, dayNumber(due));
  const knots: Knot[] = [{ day: first, value: 0 }];
  // Only targets strictly between start and due shape the line: the due date is 100 % whatever a
  // later fiscal year's target says (the UI says so beside the field).
  for (const t of fyTargets) {
    const day = dayNumber(fiscalYearEnd(t.fy));
    if (day > first && day < last) knots.push({ day, value: t.percent });
  }
  knots.push({ day: last, value: 100 });
  return knots;
}

/** The expected progress on a day number, unrounded: 0 up to the start, 100 from the due date. */
export function expectedOn(knots: readonly Knot[], day: number): number {
  const first = knots[0]!;
  if (day <= first.day) return 0;
  for (let i = 1; i < knots.length; i++) {
    const b = knots[i]!;
    if (day < b.day) {
      const a = knots[i - 1]!;
      return a.value + ((b.value - a.value) * (day - a.day)) / (b.day - a.day);
    }
  }
  return 100;
}

/** Expected progress of a measure at a date, or `null` for a continuous one. */
export function expectedProgressAt(
  measure: Pick<MeasureRecord, 'start' | 'due' | 'fyTargets'>,
  planEnd: IsoDate,
  date: IsoDate,
): number | null {
  const knots = expectedCurve(measure, planEnd);
  return knots && expectedOn(knots, dayNumber(date));
}

/** Percentages in the API carry one decimal. */
export function oneDecimal(x: number): number {
  return Math.round(x * 10) / 10;
}
