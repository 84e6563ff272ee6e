import { describe, expect, it } from 'vitest';
import {
  countdownPhase,
  countdownTo,
  countdowns,
  headline,
  nextMilestone,
  overview,
  TOKYO2020_MILESTONE_IDS,
  type HeadlineKey,
} from './dashboard';
import type { Milestone } from '@/domain/plan';
import { allStatesAt, buildIndex } from '@/domain/plan';
import { fixtureSnapshot } from '@/domain/plan';

const index = buildIndex(fixtureSnapshot());

const milestone = (id: string, start: string, end = start): Milestone => ({
  id,
  kind: 'event',
  title: { ja: id, en: id },
  start,
  end,
  version: 1,
});

/** value / previous per figure, as worked out by hand from the fixture's table (test-fixtures.ts). */
describe('headline', () => {
  it.each<{ asOf: string; previousAsOf: string; figures: Record<HeadlineKey, [number, number]> }>([
    {
      // 2016-03-31: m1, m2 complete; m3 in progress (20 %); m4, m5, m6 not started and behind the line.
      // 2015-12-31: m1 complete; m2 (50 %) and m3 in progress; only m5 (38 % expected) at risk.
      asOf: '2016-03-31',
      previousAsOf: '2015-12-31',
      figures: {
        total: [6, 6],
        completed: [2, 1],
        inProgress: [1, 2],
        notStarted: [3, 3],
        overdue: [0, 0],
        atRisk: [3, 1],
        progress: [37, 28],
      },
    },
    {
      // 2016-06-02: m2 reopened on 06-01 (80 %) past its due date → overdue; m5 in progress (23 %).
      asOf: '2016-06-02',
      previousAsOf: '2016-03-31',
      figures: {
        total: [6, 6],
        completed: [1, 2],
        inProgress: [3, 1],
        notStarted: [2, 3],
        overdue: [1, 0],
        atRisk: [3, 3],
        progress: [37, 37],
      },
    },
  ])('$asOf against $previousAsOf', ({ asOf, previousAsOf, figures }) => {
    const result = headline(index, asOf);
    expect(result.previousAsOf).toBe(previousAsOf);
    expect(Object.fromEntries(result.figures.map((f) => [f.key, [f.value, f.previous]]))).toEqual(figures);
    for (const f of result.figures) expect(f.change).toBe(f.value - f.previous);
  });

  it('lists the figures in a fixed order', () => {
    expect(headline(index, '2016-03-31').figures.map((f) => f.key)).toEqual([
      'total',
      'completed',
      'inProgress',
      'notStarted',
      'overdue',
      'atRisk',
      'progress',
    ]);
  });
});

describe('nextMilestone', () => {
  const list = [milestone('b', '2019-09-20', '2019-11-02'), milestone('a', '2016-05-26'), milestone('c', '2020-07-24')];
  it.each([
    { asOf: '2016-03-31', next: 'a' },
    { asOf: '2016-05-25', next: 'a' },
    // On the day it starts, it is no longer "next": it is under way.
    { asOf: '2016-05-26', next: 'b' },
    { asOf: '2019-10-01', next: 'c' },
    { asOf: '2020-07-24', next: null },
  ])('$asOf → $next', ({ asOf, next }) => {
    expect(nextMilestone(list, asOf)?.id ?? null).toBe(next);
  });
});

describe('countdownPhase', () => {
  const rwc = milestone('rwc', '2019-09-20', '2019-11-02');
  it.each([
    { asOf: '2019-09-19', phase: 'upcoming' },
    { asOf: '2019-09-20', phase: 'under_way' },
    { asOf: '2019-11-02', phase: 'under_way' },
    { asOf: '2019-11-03', phase: 'past' },
  ])('$asOf → $phase', ({ asOf, phase }) => {
    expect(countdownPhase(rwc, asOf)).toBe(phase);
  });
});

describe('countdowns', () => {
  it('counts the days to the Olympic opening and the tagged measures not yet complete', () => {
    const { next, tokyo2020 } = countdowns(index, '2016-03-31');
    // 2016-03-31 → 2020-03-31 is 1,461 days (one leap day, 2020-02-29), then 115 more to 24 July.
    expect(tokyo2020).toMatchObject({ days: 1576, phase: 'upcoming', tagged: 1, notComplete: 1, atRiskOrOverdue: 1 });
    expect(tokyo2020?.milestone.id).toBe('tokyo2020-olympics');
    expect(next?.milestone.id).toBe('tokyo2020-olympics');
  });

  it('goes negative once the Games have begun, and there is no next milestone after the last', () => {
    expect(countdowns(index, '2020-08-01')).toMatchObject({ next: null, tokyo2020: { days: -8, phase: 'under_way' } });
    expect(countdowns(index, '2020-08-10').tokyo2020?.phase).toBe('past');
  });

  it('counts measures tagged for either Games towards Tokyo 2020, and a complete one drops out', () => {
    const snapshot = fixtureSnapshot();
    snapshot.measures.find((m) => m.id === 'm1')!.milestoneIds = ['tokyo2020-paralympics'];
    snapshot.measures.find((m) => m.id === 'm5')!.milestoneIds = ['other'];
    const local = buildIndex(snapshot);
    const states = allStatesAt(local, '2016-03-31');
    const opening = local.snapshot.milestones[0]!;
    // m1 (complete) and m4 (not started) are tagged; m5 is tagged for another milestone only.
    expect(countdownTo(opening, TOKYO2020_MILESTONE_IDS, states, '2016-03-31')).toMatchObject({
      tagged: 2,
      notComplete: 1,
    });
    expect(countdownTo(opening, ['other'], states, '2016-03-31')).toMatchObject({ tagged: 1, notComplete: 1 });
  });

  it('has no Tokyo 2020 countdown when the plan has no such milestone', () => {
    const snapshot = fixtureSnapshot();
    snapshot.milestones = [];
    expect(countdowns(buildIndex(snapshot), '2016-03-31')).toEqual({ next: null, tokyo2020: null });
  });
});

describe('overview', () => {
  it('puts the headline, countdowns and attention lists for one date together', () => {
    const o = overview(index, '2016-06-02', 5);
    expect(o.asOf).toBe('2016-06-02');
    expect(o.previousAsOf).toBe('2016-03-31');
    expect(o.headline).toEqual(headline(index, '2016-06-02').figures);
    expect(o.attention.overdue.items.map((i) => i.id)).toEqual(['m2']);
    expect(o.countdowns.tokyo2020?.tagged).toBe(1);
  });
});
