import { describe, expect, it } from 'vitest';
import type { Due } from './deadline';
import { expectedProgressAt } from './expected';
import { expectedProgress } from './health';
import type { FyTarget } from './model';

const PLAN_END = '2018-03-31';
const dated = (date: string): Due => ({ wording: date, kind: 'date', date, source: '2-3' });
const asap: Due = { wording: '速やかに', kind: 'asap', date: null, source: '2-3' };
const continuous: Due = { wording: '継続', kind: 'continuous', date: null, source: '2-3' };
const at = (due: Due, date: string, fyTargets?: FyTarget[], start = '2015-04-01') =>
  expectedProgressAt({ start, due, fyTargets }, PLAN_END, date);

describe('expectedProgressAt', () => {
  it.each([
    // The straight line from start to the effective due date, unrounded.
    { due: dated('2016-03-31'), date: '2015-04-01', want: 0 },
    { due: dated('2016-03-31'), date: '2015-03-01', want: 0 }, // before the start
    { due: dated('2016-03-31'), date: '2015-09-30', want: (182 / 365) * 100 },
    { due: dated('2016-03-31'), date: '2016-03-31', want: 100 }, // due on the day
    { due: dated('2016-03-31'), date: '2020-07-24', want: 100 },
    // No date in the text: judged against the plan period's end, as health is.
    { due: asap, date: '2016-09-30', want: (548 / 1095) * 100 },
    { due: asap, date: '2018-03-31', want: 100 },
  ])('$due.kind due $due.date on $date: $want', ({ due, date, want }) => {
    expect(at(due, date)).toBeCloseTo(want, 9);
  });

  it('has no line for a continuous measure', () => {
    expect(at(continuous, '2016-03-31')).toBeNull();
  });

  it('agrees with the line health uses, to the rounding', () => {
    for (const date of ['2015-06-30', '2016-01-15', '2017-03-31', '2017-12-31'])
      expect(Math.round(at(asap, date)!)).toBe(expectedProgress('2015-04-01', PLAN_END, date));
  });

  // FY2015 ends 2016-03-31, FY2016 2017-03-31: the line runs 0 → 20 → 70 → 100 (2018-03-31).
  const targets = [
    { fy: 2015, percent: 20 },
    { fy: 2016, percent: 70 },
  ];
  it.each([
    { date: '2016-03-31', want: 20 },
    { date: '2015-09-30', want: (182 / 365) * 20 },
    { date: '2016-09-30', want: 20 + (183 / 365) * 50 },
    { date: '2017-03-31', want: 70 },
    { date: '2017-09-30', want: 70 + (183 / 365) * 30 },
    { date: '2018-03-31', want: 100 },
  ])('through fiscal-year targets on $date: $want', ({ date, want }) => {
    expect(at(asap, date, targets)).toBeCloseTo(want, 9);
  });

  it('ignores targets outside the measure’s span: the due date is 100 % whatever they say', () => {
    const late = [
      { fy: 2014, percent: 50 },
      { fy: 2017, percent: 40 },
    ];
    expect(at(dated('2017-03-31'), '2016-03-31', late)).toBeCloseTo(at(dated('2017-03-31'), '2016-03-31')!, 9);
    expect(at(dated('2017-03-31'), '2017-03-31', late)).toBe(100);
  });

  it('is 100 from the start when the due date is not after it', () => {
    expect(at(dated('2015-03-31'), '2015-04-01')).toBe(0);
    expect(at(dated('2015-03-31'), '2015-04-02')).toBe(100);
  });
});
