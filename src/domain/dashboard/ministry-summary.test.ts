import { describe, expect, it } from 'vitest';
import { dueNext, ministryHistory, ministrySummary } from './ministry-summary';
import { buildIndex } from '@/domain/plan';
import { fixtureSnapshot } from '@/domain/plan';

const index = buildIndex(fixtureSnapshot());

describe('ministrySummary', () => {
  it('splits what the ministry leads from what it contributes to, with its own status and the share health', () => {
    const s = ministrySummary(index, 'mic', '2016-06-02')!;
    expect(s.ministry.id).toBe('mic');
    const row = (r: (typeof s.lead)[number]) => `${r.measureId} ${r.status} ${r.progress} ${r.health}`;
    // m2 reopened after its due date: overdue; m5 mic 35 % against 59 % expected: at risk.
    expect(s.lead.map(row)).toEqual(['m2 in_progress 80 overdue', 'm5 in_progress 35 at_risk']);
    // mic finished its part of m1; m3 is on track as a whole while mic has not started.
    expect(s.contributing.map(row)).toEqual(['m1 completed 100 done', 'm3 not_started 0 on_track']);
    expect(s.contributing[1]).toMatchObject({ measureStatus: 'in_progress', measureHealth: 'on_track' });
    expect(s.counts).toMatchObject({ lead: 2, contributing: 2, lastUpdate: '2016-06-01' });
    expect(s.counts.counts.byHealth).toMatchObject({ done: 1, overdue: 1, at_risk: 1, on_track: 1 });
  });

  it('is null for an unknown id and for a body that cannot be assigned work', () => {
    expect(ministrySummary(index, 'nope', '2016-06-02')).toBeNull();
    expect(ministrySummary(index, 'gsoc', '2016-06-02')).toBeNull();
  });
});

describe('dueNext', () => {
  it.each([
    // m2's deadline has passed, m3 is continuous: only m5 (2017-03-31) is ahead.
    { ministry: 'mic', asOf: '2016-06-02', expected: ['m5'] },
    // nisc leads continuous m3 and m4 (→ 2018-03-31).
    { ministry: 'nisc', asOf: '2016-06-02', expected: ['m4'] },
    // meti: m1 complete, m5's share suspended on 2017-01-31, m6 due 2018-03-31.
    { ministry: 'meti', asOf: '2017-02-01', expected: ['m6'] },
    { ministry: 'meti', asOf: '2015-06-01', expected: ['m1', 'm5', 'm6'] },
  ])('$ministry at $asOf', ({ ministry, asOf, expected }) => {
    const s = ministrySummary(index, ministry, asOf)!;
    expect(s.dueNext.map((r) => r.measureId)).toEqual(expected);
  });

  it('cuts to the limit, soonest first', () => {
    const s = ministrySummary(index, 'meti', '2015-06-01')!;
    expect(dueNext([...s.lead, ...s.contributing], '2015-06-01', 2).map((r) => r.dueDate)).toEqual([
      '2015-12-31',
      '2017-03-31',
    ]);
  });
});

describe('ministryHistory', () => {
  it('lists the ministry’s updates up to the as-of date, newest first (same day: last recorded first)', () => {
    const h = ministryHistory(index, 'mic', '2016-06-02');
    expect(h.total).toBe(7);
    expect(h.items.map((e) => e.id)).toEqual([8, 10, 9, 7, 5, 6, 3]);
    expect(h.items[0]).toMatchObject({ code: '5.1.1(1)-2', effectiveOn: '2016-06-01', progress: 80 });
  });

  it('keeps the total and cuts the items to the limit', () => {
    const h = ministryHistory(index, 'mic', '2016-06-02', 2);
    expect(h).toMatchObject({ total: 7 });
    expect(h.items.map((e) => e.id)).toEqual([8, 10]);
  });

  it('is empty before the first update', () => {
    expect(ministryHistory(index, 'mic', '2015-06-29')).toEqual({ total: 0, items: [] });
  });
});
