import { describe, expect, it } from 'vitest';
import { buildIndex } from '@/domain/plan';
import { fixtureSnapshot } from '@/domain/plan';
import { quartersBetween, timeline, timelineRange } from './timeline';

const index = buildIndex(fixtureSnapshot());

describe('timelineRange', () => {
  it.each([
    // From FY2015 (plan start) to FY2020 (the Olympics, the last milestone).
    { fy: null, expected: { start: '2015-04-01', end: '2021-03-31' } },
    { fy: 2016, expected: { start: '2016-04-01', end: '2017-03-31' } },
  ])('fy $fy', ({ fy, expected }) => {
    expect(timelineRange(index, fy)).toEqual(expected);
  });
});

describe('quartersBetween', () => {
  it.each([
    {
      from: '2016-02-15',
      to: '2016-07-01',
      expected: ['2015Q4 2016-01-01–2016-03-31', '2016Q1 2016-04-01–2016-06-30', '2016Q2 2016-07-01–2016-09-30'],
    },
    { from: '2016-04-01', to: '2016-06-30', expected: ['2016Q1 2016-04-01–2016-06-30'] },
  ])('$from → $to', ({ from, to, expected }) => {
    expect(quartersBetween(from, to).map((q) => `${q.fiscalYear}Q${q.quarter} ${q.start}–${q.end}`)).toEqual(expected);
  });

  it('has 24 quarters across FY2015–FY2020', () => {
    expect(quartersBetween('2015-04-01', '2021-03-31')).toHaveLength(24);
  });
});

describe('timeline', () => {
  it('groups by policy area in the strategy order, every measure once', () => {
    const t = timeline(index, '2016-06-02', 'area', null);
    expect(t.groups.map((g) => [g.key, g.rows.map((r) => r.id)])).toEqual([
      ['5.1', ['m1', 'm2']],
      ['5.2', ['m3', 'm4', 'm5', 'm6']],
    ]);
    expect(t.quarters).toHaveLength(24);
    expect(t.milestones.map((m) => m.id)).toEqual(['tokyo2020-olympics']);
  });

  it('groups by lead ministry in the ministries order, leaving out ministries that lead nothing', () => {
    const t = timeline(index, '2016-06-02', 'ministry', null);
    expect(t.groups.map((g) => [g.key, g.rows.map((r) => r.id)])).toEqual([
      ['nisc', ['m3', 'm4']],
      ['mic', ['m2', 'm5']],
      ['meti', ['m1', 'm6']],
    ]);
    expect(t.groups.reduce((n, g) => n + g.total, 0)).toBe(6);
  });

  it('zooms to a fiscal year: only bars that overlap it, and milestones within it', () => {
    const t = timeline(index, '2016-06-02', 'ministry', 2016);
    // m1 (due 2015-12-31) and m2 (due 2016-03-31) end before FY2016.
    expect(t.groups.map((g) => [g.key, g.rows.map((r) => r.id)])).toEqual([
      ['nisc', ['m3', 'm4']],
      ['mic', ['m5']],
      ['meti', ['m6']],
    ]);
    expect(t.quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
    expect(t.milestones).toEqual([]);
    expect(t.fiscalYear).toBe(2016);
  });

  it('draws bars from start to the effective due date, marking those without a date in the text', () => {
    const rows = timeline(index, '2016-06-02', 'area', null).groups.flatMap((g) => g.rows);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('m1')).toMatchObject({ start: '2015-04-01', end: '2015-12-31', openEnded: false, health: 'done' });
    expect(byId.get('m2')).toMatchObject({ end: '2016-03-31', openEnded: false, health: 'overdue', progress: 80 });
    expect(byId.get('m3')).toMatchObject({ end: '2018-03-31', openEnded: true, dueKind: 'continuous' });
    expect(byId.get('m4')).toMatchObject({ end: '2018-03-31', openEnded: true, dueKind: 'asap' });
    expect(byId.get('m6')).toMatchObject({ openEnded: true, dueKind: 'plan_period', leadMinistryId: 'meti' });
  });

  it('counts each group by health', () => {
    const [area51, area52] = timeline(index, '2016-06-02', 'area', null).groups;
    expect(area51).toMatchObject({ total: 2, byHealth: { done: 1, overdue: 1, on_track: 0, at_risk: 0 } });
    // m3 continuous in progress (on track); m4, m5, m6 behind the line.
    expect(area52).toMatchObject({ total: 4, byHealth: { on_track: 1, at_risk: 3 } });
  });
  it('cuts each group to its first rows on request, counting the whole group, or keeps one group', () => {
    const whole = timeline(index, '2016-06-02', 'area', null);
    const cut = timeline(index, '2016-06-02', 'area', null, { limit: 1 });
    expect(cut.groups.map((g) => [g.key, g.total, g.byHealth, g.rows.map((r) => r.id)])).toEqual(
      whole.groups.map((g) => [g.key, g.total, g.byHealth, [g.rows[0]!.id]]),
    );
    const one = timeline(index, '2016-06-02', 'area', null, { group: '5.2', limit: 3 });
    expect(one.groups.map((g) => [g.key, g.total, g.rows.map((r) => r.id)])).toEqual([['5.2', 4, ['m3', 'm4', 'm5']]]);
    expect(timeline(index, '2016-06-02', 'area', null, { group: 'nope' }).groups).toEqual([]);
  });
});
