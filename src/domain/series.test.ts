import { describe, expect, it } from 'vitest';
import { plannedVsActual, seriesDates } from './series';
import { allStatesAt, buildIndex } from './snapshot';
import { fixtureSnapshot } from './test-fixtures';

const index = buildIndex(fixtureSnapshot());

// Due dates (continuous m3 excluded): m1 2015-12-31, m2 2016-03-31, m5 2017-03-31, m4 and m6 2018-03-31.
// Completions: m1 on 2015-12-20 (its second ministry), m2 2016-02-01 until reopened 2016-06-01, m5 2017-02-28.
describe('plannedVsActual', () => {
  it.each([
    { date: '2015-06-30', planned: 0, actual: 0 },
    { date: '2015-12-15', planned: 0, actual: 0 }, // meti done, mic not: the measure is not complete
    { date: '2015-12-20', planned: 0, actual: 1 },
    { date: '2015-12-31', planned: 1, actual: 1 }, // due on the date itself counts
    { date: '2016-02-01', planned: 1, actual: 2 },
    { date: '2016-03-31', planned: 2, actual: 2 },
    { date: '2016-06-01', planned: 2, actual: 1 }, // m2 reopened: it stops counting
    { date: '2017-02-28', planned: 2, actual: 2 }, // m5 complete: its suspended ministry drops out
    { date: '2017-03-31', planned: 3, actual: 2 },
    { date: '2018-03-31', planned: 5, actual: 2 }, // asap and no-deadline measures fall due at the plan end
    { date: '2030-01-01', planned: 5, actual: 2 }, // the continuous measure never falls due
  ])('$date: planned $planned, actual $actual', ({ date, planned, actual }) => {
    expect(plannedVsActual(index, [date], '2030-01-01')).toEqual([{ date, planned, actual }]);
  });

  it('knows nothing after the as-of date', () => {
    const dates = ['2015-12-31', '2016-03-31', '2016-06-30', '2017-03-31'];
    expect(plannedVsActual(index, dates, '2016-06-30')).toEqual([
      { date: '2015-12-31', planned: 1, actual: 1 },
      { date: '2016-03-31', planned: 2, actual: 2 },
      { date: '2016-06-30', planned: 2, actual: 1 },
      { date: '2017-03-31', planned: 3, actual: null },
    ]);
  });

  it('agrees with the measures’ own as-of states on every month end', () => {
    const dates = seriesDates('2015-04-01', '2018-03-31', 'month');
    const points = plannedVsActual(index, dates, '2018-03-31');
    expect(points.map((p) => p.date)).toEqual(dates);
    for (const p of points) {
      const states = allStatesAt(index, p.date);
      expect(p.actual).toBe(states.filter((s) => s.status === 'completed').length);
      expect(p.planned).toBe(states.filter((s) => s.measure.due.kind !== 'continuous' && s.dueDate <= p.date).length);
    }
  });
});

describe('seriesDates', () => {
  it.each([
    {
      from: '2015-04-01',
      to: '2015-08-15',
      granularity: 'month',
      expected: ['2015-04-30', '2015-05-31', '2015-06-30', '2015-07-31', '2015-08-31'],
    },
    // Fiscal quarter ends, plus the last month so the series reaches its end.
    {
      from: '2015-04-01',
      to: '2016-04-10',
      granularity: 'quarter',
      expected: ['2015-06-30', '2015-09-30', '2015-12-31', '2016-03-31', '2016-04-30'],
    },
    {
      from: '2015-04-01',
      to: '2016-03-31',
      granularity: 'quarter',
      expected: ['2015-06-30', '2015-09-30', '2015-12-31', '2016-03-31'],
    },
  ] as const)('$granularity from $from to $to', ({ from, to, granularity, expected }) => {
    expect(seriesDates(from, to, granularity)).toEqual(expected);
  });
});
