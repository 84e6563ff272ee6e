import { addDays, dayNumber } from '@/domain/plan';

export type Scale = {
  /** Where a day begins, as a fraction of the axis (0 = the range's first day, 1 = after its last). */
  at: (date: string) => number;
  /** A bar from the start of `start` to the end of `end`, clipped to the range. */
  bar: (start: string, end: string) => { left: number; width: number; clippedStart: boolean; clippedEnd: boolean };
};

/** Positions on the timeline's axis: proportional to days, so quarters and years line up with dates. */
export function makeScale(range: { start: string; end: string }): Scale {
  const first = dayNumber(range.start);
  const days = dayNumber(range.end) + 1 - first;
  const at = (date: string) => Math.min(1, Math.max(0, (dayNumber(date) - first) / days));
  return {
    at,
    bar: (start, end) => {
      const left = at(start);
      const right = at(addDays(end, 1));
      return { left, width: Math.max(0, right - left), clippedStart: start < range.start, clippedEnd: end > range.end };
    },
  };
}

export const pct = (f: number) => `${(f * 100).toFixed(3)}%`;
