import { describe, expect, it } from 'vitest';
import { forecast, forecastWindow, measurePace } from './forecast';
import { buildIndex } from '@/domain/plan';
import { fixtureSnapshot } from '@/domain/plan';

const index = buildIndex(fixtureSnapshot());
const window = { from: '2015-09-30', to: '2016-03-31' }; // 183 days

describe('forecastWindow', () => {
  it.each([
    ['2016-03-31', '2015-09-30'],
    ['2016-05-15', '2015-12-31'],
    ['2020-07-24', '2020-03-31'], // mid-quarter: this quarter so far and the one before
  ])('on %s runs from %s: the quarter holding it and the one before', (asOf, from) => {
    expect(forecastWindow(asOf)).toEqual({ from, to: asOf });
  });
});

describe('measurePace', () => {
  const step = (date: string, progress: number) => ({ date, progress, complete: progress === 100 });
  it.each([
    { name: 'complete', steps: [step('2016-01-10', 100)], updates: ['2016-01-10'], want: { kind: 'done' } },
    {
      name: 'no update in the window: no pace, never a guess',
      steps: [step('2015-06-30', 40)],
      updates: ['2015-06-30'],
      want: { kind: 'no_pace', progress: 40 },
    },
    {
      name: 'moved 20 → 56.6 over the window',
      steps: [step('2015-06-30', 20), step('2016-02-01', 56.6)],
      updates: ['2015-06-30', '2016-02-01'],
      want: { kind: 'pace', progress: 56.6, perDay: 36.6 / 183 },
    },
    {
      name: 'updated but not forward',
      steps: [step('2015-06-30', 50)],
      updates: ['2015-06-30', '2016-01-05'],
      want: { kind: 'pace', progress: 50, perDay: 0 },
    },
  ])('$name', ({ steps, updates, want }) => {
    expect(measurePace(steps, updates, window)).toEqual(want);
  });
});

describe('forecast', () => {
  it('projects each group’s mean at the pace it moved; the measures with no recent update are counted', () => {
    const f = forecast(index, '2016-03-31');
    expect(f.window).toEqual(window);
    expect(f.gamesOpening).toBe('2020-07-24');
    // m1, m2 done; m4, m5, m6 not updated since 2015-09-30. Mean 6.6 → 40 in 183 days: 60 more take 329.
    expect(f.groups[0]).toEqual({
      key: 'all',
      measures: 5,
      progress: 40,
      progressAtStart: 6.6,
      reachesFullOn: '2017-02-23',
      noPace: 3,
    });
    // The Games' set (m4) has not moved: no date.
    expect(f.groups[1]).toMatchObject({ key: 'tokyo2020', measures: 1, progress: 0, reachesFullOn: null, noPace: 1 });
    expect(f.late).toEqual({ total: 0, stalled: 0, items: [] });
    expect(f.noPace).toBe(3);
  });

  it('lists the measures that miss their due date at their present pace, by how many days', () => {
    const f = forecast(index, '2016-09-30');
    expect(f.late.stalled).toBe(1);
    expect(f.late.items.map((l) => [l.code, l.against, l.projectedOn, l.daysLate])).toEqual([
      ['5.2.2(1)-1', 'due', '2018-06-05', 431], // m5: 0 → 23 % in 183 days; 77 more take 613
      ['5.1.1(1)-2', 'due', null, null], // m2 reopened at 80 %: going backwards, it never finishes
    ]);
  });
});
