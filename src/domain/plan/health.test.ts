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

/**
 * Health against NISC's fiscal-year targets (decision record 018): the expected line runs through
 * (FY end, target %), as the charts draw it, so a measure that keeps to targets NISC set is on track
 * even where the straight line would call it at risk, and the other way round.
 */
describe('health through fiscal-year targets', () => {
  // A three-year measure, FY2015–FY2017, with a slow start agreed: 10 % by FY2015's end, 40 % by FY2016's.
  const start = '2015-04-01';
  const due = '2018-03-31';
  const slow = [
    { fy: 2015, percent: 10 },
    { fy: 2016, percent: 40 },
  ];
  const fast = [{ fy: 2015, percent: 80 }];

  it.each([
    { asOf: '2016-03-31', targets: slow, expected: 10, why: 'on the FY2015 target' },
    { asOf: '2016-03-31', targets: [], expected: 33, why: 'the straight line, 366 of 1,096 days' },
    { asOf: '2017-03-31', targets: slow, expected: 40, why: 'on the FY2016 target' },
    { asOf: '2017-09-30', targets: slow, expected: 70, why: '40 + 60 × 183/365 between the last target and due' },
    { asOf: '2016-03-31', targets: fast, expected: 80, why: 'a front-loaded target' },
    {
      asOf: '2016-03-31',
      targets: [{ fy: 2018, percent: 50 }],
      expected: 33,
      why: 'a year ending after due is ignored',
    },
    { asOf: due, targets: slow, expected: 100, why: 'due is 100 whatever the targets' },
  ])('expected $expected on $asOf ($why)', ({ asOf, targets, expected }) => {
    expect(expectedProgress(start, due, asOf, targets)).toBe(expected);
  });

  it.each<{ name: string; progress: number; asOf: string; targets: typeof slow; health: Health }>([
    { name: 'keeps to a slow start NISC agreed', progress: 5, asOf: '2016-03-31', targets: slow, health: 'on_track' },
    { name: 'the same, judged on the straight line', progress: 5, asOf: '2016-03-31', targets: [], health: 'at_risk' },
    { name: 'mid-FY2017 at 50 %, slow targets', progress: 50, asOf: '2017-09-30', targets: slow, health: 'on_track' },
    { name: 'mid-FY2017 at 50 %, no targets', progress: 50, asOf: '2017-09-30', targets: [], health: 'at_risk' },
    { name: 'behind a front-loaded target', progress: 40, asOf: '2016-03-31', targets: fast, health: 'at_risk' },
    { name: 'the same without it', progress: 40, asOf: '2016-03-31', targets: [], health: 'on_track' },
    {
      name: 'near due, 14 behind the target line',
      progress: 74,
      asOf: '2018-01-15',
      targets: slow,
      health: 'at_risk',
    },
  ])('$name → $health', ({ progress, asOf, targets, health }) => {
    const input: HealthInput = {
      status: 'in_progress',
      progress,
      start,
      due,
      dueKind: 'fiscal_year',
      fyTargets: targets,
    };
    expect(computeHealth(input, asOf)).toBe(health);
  });
});
