import { describe, expect, it } from 'vitest';
import type { MeasureState } from '@/domain/plan';
import { daysOverdue, sortStates, type MeasureSort, type SortOrder } from './measure-sort';

/** Four measures in plan order a–d, with just the fields sorting reads. */
const state = (
  id: string,
  over: { dueDate: string; health: MeasureState['health']; progress: number; lastUpdate: string | null; lead?: string },
) =>
  ({
    measure: { id },
    status: 'in_progress',
    progress: over.progress,
    health: over.health,
    dueDate: over.dueDate,
    lastUpdate: over.lastUpdate,
    assignments: over.lead ? [{ ministryId: over.lead, role: 'lead' }] : [],
  }) as unknown as MeasureState;

const STATES = [
  state('a', { dueDate: '2016-03-31', health: 'overdue', progress: 40, lastUpdate: '2016-09-30', lead: 'npa' }),
  state('b', { dueDate: '2018-03-31', health: 'on_track', progress: 80, lastUpdate: null, lead: 'nisc' }),
  state('c', { dueDate: '2015-12-31', health: 'overdue', progress: 40, lastUpdate: '2017-03-31' }),
  state('d', { dueDate: '2016-03-31', health: 'done', progress: 100, lastUpdate: '2016-03-31', lead: 'npa' }),
];
const RANK: Record<string, number> = { nisc: 0, npa: 1 };
const ctx = {
  asOf: '2017-03-31',
  position: (id: string) => 'abcd'.indexOf(id),
  ministryRank: (id: string) => RANK[id]!,
};

describe('sortStates', () => {
  it.each([
    { sort: 'plan', order: 'asc', ids: 'abcd' },
    { sort: 'plan', order: 'desc', ids: 'dcba' },
    // ties (a and d share a deadline) keep the plan order in either direction
    { sort: 'due', order: 'asc', ids: 'cadb' },
    { sort: 'due', order: 'desc', ids: 'badc' },
    // not overdue goes last both ways
    { sort: 'overdue', order: 'desc', ids: 'cabd' },
    { sort: 'overdue', order: 'asc', ids: 'acbd' },
    { sort: 'progress', order: 'asc', ids: 'acbd' },
    { sort: 'progress', order: 'desc', ids: 'dbac' },
    // by the lead ministry's place in the government's list; no lead last
    { sort: 'ministry', order: 'asc', ids: 'badc' },
    { sort: 'ministry', order: 'desc', ids: 'adbc' },
    // never updated last
    { sort: 'updated', order: 'desc', ids: 'cadb' },
    { sort: 'updated', order: 'asc', ids: 'dacb' },
  ] as { sort: MeasureSort; order: SortOrder; ids: string }[])('$sort $order → $ids', ({ sort, order, ids }) => {
    expect(
      sortStates(STATES, sort, order, ctx)
        .map((s) => s.measure.id)
        .join(''),
    ).toBe(ids);
  });
});

describe('daysOverdue', () => {
  it.each([
    { health: 'overdue', dueDate: '2016-03-31', asOf: '2016-04-01', days: 1 },
    { health: 'overdue', dueDate: '2015-12-31', asOf: '2017-03-31', days: 456 },
    { health: 'at_risk', dueDate: '2015-12-31', asOf: '2017-03-31', days: null },
    { health: 'done', dueDate: '2015-12-31', asOf: '2017-03-31', days: null },
  ] as const)('$health, due $dueDate, on $asOf → $days', ({ health, dueDate, asOf, days }) => {
    expect(daysOverdue({ health, dueDate }, asOf)).toBe(days);
  });
});
