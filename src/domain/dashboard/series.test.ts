import { describe, expect, it } from 'vitest';
import { expectedProgressAt, oneDecimal } from '@/domain/plan';
import { measureSeries, progressTimeline, seriesDates } from './series';
import { allStatesAt, buildIndex } from '@/domain/plan';
import { fixtureSnapshot } from '@/domain/plan';

const index = buildIndex(fixtureSnapshot());
const all = { key: 'all', include: () => true };

// Five measures have a line (m3 is continuous): due m1 2015-12-31, m2 2016-03-31, m5 2017-03-31,
// m4 and m6 at the plan's end 2018-03-31; all start 2015-04-01.
// Recorded: m1 (meti ×2, mic ×1) 2015-06-30 meti 40 / mic 20 → 33, complete 2015-12-20;
// m2 50 from 2015-10-01, complete 2016-02-01, back to 80 on 2016-06-01; m5 35 from 2016-04-01,
// complete 2017-02-28 (its suspended ministry drops out); m4 and m6 nothing.
describe('measureSeries (plan vs actual, issue 11)', () => {
  it.each([
    // expected: (1/5)·Σ of each line; e.g. 2015-12-31: (100 + 274/365·100 + 274/730·100 + 2·274/1095·100) / 5
    { date: '2015-06-30', expected: 17.3, actual: 6.6, expectedCompleted: 0, completed: 0 },
    { date: '2015-12-31', expected: 52.5, actual: 30, expectedCompleted: 1, completed: 1 },
    { date: '2016-03-31', expected: 63.3, actual: 40, expectedCompleted: 2, completed: 2 },
    { date: '2016-06-30', expected: 69.2, actual: 40.6, expectedCompleted: 2, completed: 1 },
    { date: '2017-03-31', expected: 86.7, actual: 56, expectedCompleted: 3, completed: 2 },
    { date: '2018-03-31', expected: 100, actual: 56, expectedCompleted: 5, completed: 2 },
    { date: '2020-07-24', expected: 100, actual: 56, expectedCompleted: 5, completed: 2 },
  ])('$date: expected $expected %, actual $actual %', ({ date, expected, actual, expectedCompleted, completed }) => {
    expect(measureSeries(index, [date], '2030-01-01', all)).toEqual([
      { date, expectedProgress: expected, actualProgress: actual, expectedCompleted, completed },
    ]);
  });

  it('knows nothing after the as-of date', () => {
    const points = measureSeries(index, ['2016-03-31', '2016-06-30', '2017-03-31'], '2016-06-30', all);
    expect(points.map((p) => [p.actualProgress, p.completed])).toEqual([
      [40, 2],
      [40.6, 1], // m5 at 35 % led by mic (×2) with meti at 0 %: 23 %
      [null, null],
    ]);
    expect(points[2]!.expectedProgress).toBe(86.7);
  });

  it('agrees with the measures’ own as-of states and expected lines on every month end', () => {
    const dates = seriesDates('2015-04-01', '2020-09-30', 'month');
    const points = measureSeries(index, dates, '2030-01-01', all);
    for (const p of points) {
      const states = allStatesAt(index, p.date).filter((s) => s.measure.due.kind !== 'continuous');
      const mean = (xs: number[]) => oneDecimal(xs.reduce((a, b) => a + b, 0) / xs.length);
      expect(p.actualProgress).toBe(mean(states.map((s) => s.progress)));
      expect(p.completed).toBe(states.filter((s) => s.status === 'completed').length);
      expect(p.expectedProgress).toBe(mean(states.map((s) => expectedProgressAt(s.measure, '2018-03-31', p.date)!)));
    }
  });

  it('counts only the measures in scope', () => {
    const games = { key: 'games', include: (m: { milestoneIds: string[] }) => m.milestoneIds.length > 0 };
    // m4 alone: nothing recorded, due at the plan's end.
    expect(measureSeries(index, ['2016-09-30'], '2030-01-01', games)).toEqual([
      { date: '2016-09-30', expectedProgress: 50, actualProgress: 0, expectedCompleted: 0, completed: 0 },
    ]);
  });
});

describe('progressTimeline', () => {
  it('rolls a measure’s assignments up after each date, lead ×2', () => {
    const tracks = index.tracksByMeasure.get('m1')!;
    expect(progressTimeline(tracks)).toEqual([
      { date: '2015-06-30', progress: 33, complete: false },
      { date: '2015-12-15', progress: 73, complete: false },
      { date: '2015-12-20', progress: 100, complete: true },
    ]);
  });
});
