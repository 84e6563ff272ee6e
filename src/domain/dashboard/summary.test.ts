import { describe, expect, it } from 'vitest';
import { allStatesAt, buildIndex } from '@/domain/plan';
import { HEALTHS, STATUSES, type Health, type Status } from '@/domain/plan';
import { countStates, groupCounts, ministryCounts, type Counts } from './summary';
import { fixtureSnapshot } from '@/domain/plan';

/** Counts with every key present, zero unless given. */
function counts(
  progress: number,
  byStatus: Partial<Record<Status, number>>,
  byHealth: Partial<Record<Health, number>>,
): Counts {
  const status = Object.fromEntries(STATUSES.map((k) => [k, byStatus[k] ?? 0])) as Record<Status, number>;
  const health = Object.fromEntries(HEALTHS.map((k) => [k, byHealth[k] ?? 0])) as Record<Health, number>;
  const total = Object.values(status).reduce((a, b) => a + b, 0);
  return { total, byStatus: status, byHealth: health, progress };
}

const index = buildIndex(fixtureSnapshot());

describe('countStates', () => {
  it.each<{ name: string; states: { status: Status; health: Health; progress: number }[]; expected: Counts }>([
    { name: 'nothing', states: [], expected: counts(0, {}, {}) },
    {
      name: 'one of each status',
      states: [
        { status: 'not_started', health: 'at_risk', progress: 0 },
        { status: 'in_progress', health: 'overdue', progress: 40 },
        { status: 'completed', health: 'done', progress: 100 },
        { status: 'suspended', health: 'suspended', progress: 10 },
      ],
      expected: counts(
        38,
        { not_started: 1, in_progress: 1, completed: 1, suspended: 1 },
        { at_risk: 1, overdue: 1, done: 1, suspended: 1 },
      ),
    },
    {
      name: 'mean progress is rounded',
      states: [
        { status: 'in_progress', health: 'on_track', progress: 10 },
        { status: 'in_progress', health: 'on_track', progress: 20 },
        { status: 'in_progress', health: 'at_risk', progress: 25 },
      ],
      expected: counts(18, { in_progress: 3 }, { on_track: 2, at_risk: 1 }),
    },
  ])('$name', ({ states, expected }) => {
    expect(countStates(states)).toEqual(expected);
  });
});

describe('groupCounts', () => {
  // At 2016-07-01: m1 done 100, m2 overdue 80 (5.1.1); m5 at risk 23, m6 at risk 0 (5.2.2).
  const states = allStatesAt(index, '2016-07-01');

  it('keeps the order of the keys, keeps empty groups and ignores measures outside them', () => {
    const groups = groupCounts(states, ['5.2.2', '9.9', '5.1.1'], (s) => s.measure.sectionCode);
    expect(groups).toEqual([
      { key: '5.2.2', counts: counts(12, { in_progress: 1, not_started: 1 }, { at_risk: 2 }) },
      { key: '9.9', counts: counts(0, {}, {}) },
      { key: '5.1.1', counts: counts(90, { completed: 1, in_progress: 1 }, { done: 1, overdue: 1 }) },
    ]);
  });

  it('adds up to the overall count when the keys cover every measure', () => {
    const groups = groupCounts(states, ['5.1', '5.2'], (s) => s.measure.areaCode);
    expect(groups.map((g) => g.counts.total)).toEqual([2, 4]);
    const overall = countStates(states);
    for (const status of STATUSES)
      expect(groups.reduce((n, g) => n + g.counts.byStatus[status], 0)).toBe(overall.byStatus[status]);
  });
});

describe('ministryCounts', () => {
  it.each([
    {
      // meti finished its share of m1 while mic had not: meti's share is done, the measure at risk.
      asOf: '2015-12-15',
      expected: [
        {
          ministryId: 'meti',
          lead: 2,
          contributing: 1,
          counts: counts(33, { completed: 1, not_started: 2 }, { done: 1, at_risk: 1, on_track: 1 }),
          lastUpdate: '2015-12-15',
        },
        {
          ministryId: 'mic',
          lead: 2,
          contributing: 2,
          counts: counts(18, { in_progress: 2, not_started: 2 }, { at_risk: 2, on_track: 2 }),
          lastUpdate: '2015-10-01',
        },
        {
          ministryId: 'nisc',
          lead: 2,
          contributing: 0,
          counts: counts(15, { in_progress: 1, not_started: 1 }, { on_track: 2 }),
          lastUpdate: '2015-05-01',
        },
        { ministryId: 'nobody', lead: 0, contributing: 0, counts: counts(0, {}, {}), lastUpdate: null },
      ],
    },
    {
      // meti suspended its share of m5, which mic then completed: suspended, not done.
      asOf: '2017-03-01',
      expected: [
        {
          ministryId: 'meti',
          lead: 2,
          contributing: 1,
          counts: counts(33, { completed: 1, suspended: 1, not_started: 1 }, { done: 1, suspended: 1, at_risk: 1 }),
          lastUpdate: '2017-01-31',
        },
      ],
    },
  ])('at $asOf', ({ asOf, expected }) => {
    const ids = expected.map((r) => r.ministryId);
    expect(ministryCounts(allStatesAt(index, asOf), ids)).toEqual(expected);
  });
});
