import { describe, expect, it } from 'vitest';
import type { DueKind } from './deadline';
import { computeHealth, expectedProgress, type HealthInput } from './health';
import type { Health, Status } from './status';

describe('expectedProgress', () => {
  it.each([
    { start: '2015-04-01', due: '2016-03-31', asOf: '2015-03-01', expected: 0, why: 'before the start' },
    { start: '2015-04-01', due: '2016-03-31', asOf: '2015-04-01', expected: 0, why: 'on the start' },
    { start: '2015-04-01', due: '2016-03-31', asOf: '2015-10-01', expected: 50, why: '183 of 365 days' },
    { start: '2015-04-01', due: '2016-03-31', asOf: '2016-01-15', expected: 79, why: '289 of 365 days' },
    { start: '2015-04-01', due: '2016-03-31', asOf: '2016-03-31', expected: 100, why: 'on the due date' },
    { start: '2015-04-01', due: '2016-03-31', asOf: '2017-01-01', expected: 100, why: 'after the due date' },
    { start: '2016-04-01', due: '2016-04-01', asOf: '2016-04-01', expected: 0, why: 'zero-length span, on the day' },
    { start: '2016-04-01', due: '2016-04-01', asOf: '2016-04-02', expected: 100, why: 'zero-length span, after' },
  ])('$asOf → $expected ($why)', ({ start, due, asOf, expected }) => {
    expect(expectedProgress(start, due, asOf)).toBe(expected);
  });
});

type Case = {
  name: string;
  status: Status;
  progress: number;
  dueKind?: DueKind;
  due?: string;
  asOf: string;
  health: Health;
};

// A one-year measure: FY2015, 365 days from start to due.
const START = '2015-04-01';
const DUE = '2016-03-31';
const PLAN_END = '2018-03-31';

describe('computeHealth', () => {
  it.each<Case>([
    { name: 'completed, even past due', status: 'completed', progress: 100, asOf: '2017-01-01', health: 'done' },
    {
      name: 'completed with progress below 100',
      status: 'completed',
      progress: 60,
      asOf: '2016-01-15',
      health: 'done',
    },
    { name: 'suspended, even past due', status: 'suspended', progress: 10, asOf: '2017-01-01', health: 'suspended' },
    { name: 'one day past due', status: 'in_progress', progress: 99, asOf: '2016-04-01', health: 'overdue' },
    { name: 'past due, not started', status: 'not_started', progress: 0, asOf: '2016-06-01', health: 'overdue' },
    { name: 'on the due date, nearly done', status: 'in_progress', progress: 95, asOf: DUE, health: 'on_track' },
    { name: 'on the due date, far behind', status: 'in_progress', progress: 50, asOf: DUE, health: 'at_risk' },
    {
      name: 'big gap (50 expected, 20 done)',
      status: 'in_progress',
      progress: 20,
      asOf: '2015-10-01',
      health: 'at_risk',
    },
    {
      name: 'gap of exactly 25, far from due',
      status: 'in_progress',
      progress: 25,
      asOf: '2015-10-01',
      health: 'on_track',
    },
    { name: 'gap of 26, far from due', status: 'in_progress', progress: 24, asOf: '2015-10-01', health: 'at_risk' },
    {
      name: 'small gap (15), far from due',
      status: 'in_progress',
      progress: 35,
      asOf: '2015-10-01',
      health: 'on_track',
    },
    {
      name: 'small gap (14), 76 days to due',
      status: 'in_progress',
      progress: 65,
      asOf: '2016-01-15',
      health: 'at_risk',
    },
    {
      name: 'gap of exactly 10, 76 days to due',
      status: 'in_progress',
      progress: 69,
      asOf: '2016-01-15',
      health: 'on_track',
    },
    {
      name: 'gap 15, exactly 90 days to due',
      status: 'in_progress',
      progress: 60,
      asOf: '2016-01-01',
      health: 'at_risk',
    },
    { name: 'gap 15, 91 days to due', status: 'in_progress', progress: 60, asOf: '2015-12-31', health: 'on_track' },
    { name: 'ahead of the line', status: 'in_progress', progress: 90, asOf: '2016-01-15', health: 'on_track' },
    { name: 'before the start', status: 'not_started', progress: 0, asOf: '2015-03-01', health: 'on_track' },
    {
      name: 'asap runs to the plan end',
      status: 'not_started',
      progress: 0,
      dueKind: 'asap',
      due: PLAN_END,
      asOf: '2016-06-01',
      health: 'at_risk',
    },
    // Continuous measures: no deadline to miss; at risk only while not started after 90 days.
    {
      name: 'continuous, not started, day 90',
      status: 'not_started',
      progress: 0,
      dueKind: 'continuous',
      due: PLAN_END,
      asOf: '2015-06-30',
      health: 'on_track',
    },
    {
      name: 'continuous, not started, day 91',
      status: 'not_started',
      progress: 0,
      dueKind: 'continuous',
      due: PLAN_END,
      asOf: '2015-07-01',
      health: 'at_risk',
    },
    {
      name: 'continuous, in progress, far behind the line',
      status: 'in_progress',
      progress: 5,
      dueKind: 'continuous',
      due: PLAN_END,
      asOf: '2017-12-31',
      health: 'on_track',
    },
    {
      name: 'continuous, in progress, past the plan end',
      status: 'in_progress',
      progress: 5,
      dueKind: 'continuous',
      due: PLAN_END,
      asOf: '2019-01-01',
      health: 'on_track',
    },
    {
      name: 'continuous, not started, past the plan end',
      status: 'not_started',
      progress: 0,
      dueKind: 'continuous',
      due: PLAN_END,
      asOf: '2019-01-01',
      health: 'at_risk',
    },
    {
      name: 'continuous, completed',
      status: 'completed',
      progress: 100,
      dueKind: 'continuous',
      due: PLAN_END,
      asOf: '2019-01-01',
      health: 'done',
    },
  ])('$name → $health', ({ status, progress, dueKind = 'fiscal_year', due = DUE, asOf, health }) => {
    const input: HealthInput = { status, progress, start: START, due, dueKind };
    expect(computeHealth(input, asOf)).toBe(health);
  });
});
