import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, rollUpAssignments, stateAt, type ProgressPoint, type RolledUp } from './progress';
import type { AssignmentRole, Status } from './status';

const point = (effectiveOn: string, status: Status, progress: number, narrative = ''): ProgressPoint => ({
  effectiveOn,
  status,
  progress,
  narrative,
});

// Sorted by date; the two 2016-04-01 points were recorded in this order.
const POINTS: ProgressPoint[] = [
  point('2015-06-30', 'in_progress', 20, 'started'),
  point('2015-12-31', 'in_progress', 60, 'halfway'),
  point('2016-04-01', 'in_progress', 70, 'first entry of the day'),
  point('2016-04-01', 'completed', 100, 'corrected the same day'),
];

describe('stateAt', () => {
  it.each([
    {
      asOf: '2015-04-01',
      status: 'not_started',
      progress: 0,
      narrative: '',
      lastUpdate: null,
      why: 'before the first point',
    },
    { asOf: '2015-06-29', status: 'not_started', progress: 0, narrative: '', lastUpdate: null, why: 'the day before' },
    {
      asOf: '2015-06-30',
      status: 'in_progress',
      progress: 20,
      narrative: 'started',
      lastUpdate: '2015-06-30',
      why: 'on the first point',
    },
    {
      asOf: '2015-09-30',
      status: 'in_progress',
      progress: 20,
      narrative: 'started',
      lastUpdate: '2015-06-30',
      why: 'between points',
    },
    {
      asOf: '2015-12-31',
      status: 'in_progress',
      progress: 60,
      narrative: 'halfway',
      lastUpdate: '2015-12-31',
      why: 'exactly on a point',
    },
    {
      asOf: '2016-03-31',
      status: 'in_progress',
      progress: 60,
      narrative: 'halfway',
      lastUpdate: '2015-12-31',
      why: 'the day before a tie',
    },
    {
      asOf: '2016-04-01',
      status: 'completed',
      progress: 100,
      narrative: 'corrected the same day',
      lastUpdate: '2016-04-01',
      why: 'a tie keeps the later one',
    },
    {
      asOf: '2020-01-01',
      status: 'completed',
      progress: 100,
      narrative: 'corrected the same day',
      lastUpdate: '2016-04-01',
      why: 'after the last point',
    },
  ] as const)('$asOf: $why', ({ asOf, status, progress, narrative, lastUpdate }) => {
    expect(stateAt(POINTS, asOf)).toEqual({ status, progress, narrative, lastUpdate });
  });

  it('is the initial state when there are no points', () => {
    expect(stateAt([], '2016-01-01')).toEqual(INITIAL_STATE);
    expect(INITIAL_STATE).toEqual({ status: 'not_started', progress: 0, narrative: '', lastUpdate: null });
  });
});

type Part = { role: AssignmentRole; status: Status; progress: number };
const lead = (status: Status, progress: number): Part => ({ role: 'lead', status, progress });
const contrib = (status: Status, progress: number): Part => ({ role: 'contributing', status, progress });

describe('rollUpAssignments', () => {
  it.each<{ name: string; parts: Part[]; expected: RolledUp }>([
    { name: 'no assignments', parts: [], expected: { status: 'not_started', progress: 0 } },
    {
      name: 'all completed',
      parts: [lead('completed', 100), contrib('completed', 100)],
      expected: { status: 'completed', progress: 100 },
    },
    {
      name: 'all completed, one recorded below 100',
      parts: [lead('completed', 100), contrib('completed', 80)],
      expected: { status: 'completed', progress: 100 },
    },
    {
      name: 'mixed: completed and not started',
      parts: [lead('completed', 100), contrib('not_started', 0)],
      expected: { status: 'in_progress', progress: 67 },
    },
    {
      name: 'mixed: in progress and not started',
      parts: [lead('not_started', 0), contrib('in_progress', 30)],
      expected: { status: 'in_progress', progress: 10 },
    },
    {
      name: 'all not started',
      parts: [lead('not_started', 0), contrib('not_started', 0), contrib('not_started', 0)],
      expected: { status: 'not_started', progress: 0 },
    },
    {
      name: 'suspended dropped while others are active',
      parts: [lead('in_progress', 40), contrib('suspended', 0)],
      expected: { status: 'in_progress', progress: 40 },
    },
    {
      name: 'suspended dropped: the rest completed',
      parts: [lead('suspended', 10), contrib('completed', 100)],
      expected: { status: 'completed', progress: 100 },
    },
    {
      name: 'suspended dropped: the rest not started',
      parts: [lead('not_started', 0), contrib('suspended', 50)],
      expected: { status: 'not_started', progress: 0 },
    },
    {
      name: 'all suspended keeps the weighted progress reached',
      parts: [lead('suspended', 30), contrib('suspended', 60)],
      expected: { status: 'suspended', progress: 40 },
    },
    {
      name: 'lead weighs twice: lead 100 + contributing 0',
      parts: [lead('in_progress', 100), contrib('in_progress', 0)],
      expected: { status: 'in_progress', progress: 67 },
    },
    {
      name: 'lead weighs twice: lead 0 + contributing 100',
      parts: [lead('in_progress', 0), contrib('in_progress', 100)],
      expected: { status: 'in_progress', progress: 33 },
    },
    {
      name: 'lead 50 + two contributing at 20 and 80',
      parts: [lead('in_progress', 50), contrib('in_progress', 20), contrib('in_progress', 80)],
      expected: { status: 'in_progress', progress: 50 },
    },
  ])('$name → $expected.status $expected.progress', ({ parts, expected }) => {
    expect(rollUpAssignments(parts)).toEqual(expected);
  });
});
