import { describe, expect, it } from 'vitest';
import { dueSoonItems, needsAttention, overdueItems, staleItems, type AttentionItem } from './attention';
import { allStatesAt, buildIndex } from '@/domain/plan';
import { fixtureSnapshot } from '@/domain/plan';

const index = buildIndex(fixtureSnapshot());
const at = (asOf: string) => allStatesAt(index, asOf);
/** id/days as a compact string per item, in order. */
const brief = (items: AttentionItem[]) => items.map((i) => `${i.id}/${i.days}`);

describe('overdue', () => {
  it.each([
    // m1 and m2 were complete by their due dates.
    { asOf: '2016-03-31', expected: [] },
    // m2 reopened on 2016-06-01 after its due date (2016-03-31): 63 days late on 2016-06-02.
    { asOf: '2016-06-02', expected: ['m2/63'] },
    { asOf: '2017-01-15', expected: ['m2/290'] },
  ])('$asOf', ({ asOf, expected }) => {
    expect(brief(overdueItems(at(asOf), asOf))).toEqual(expected);
  });
});

describe('due within 90 days and behind the expected pace', () => {
  it.each([
    // m5 is due 2017-03-31 with 23 % (mic 35 % ×2, meti 0 % ×1) against an expected 88–90 %.
    { asOf: '2017-01-15', expected: ['m5/75'] },
    { asOf: '2016-12-31', expected: ['m5/90'] },
    { asOf: '2016-12-30', expected: [] },
    // Continuous m3 never falls due; m4 and m6 are due 2018-03-31.
    { asOf: '2016-03-31', expected: [] },
  ])('$asOf', ({ asOf, expected }) => {
    expect(brief(dueSoonItems(at(asOf), asOf))).toEqual(expected);
  });

  it('leaves out a measure that is on pace', () => {
    const snapshot = fixtureSnapshot();
    snapshot.events.push({
      ...snapshot.events[0]!,
      id: 99,
      measureId: 'm5',
      ministryId: 'mic',
      effectiveOn: '2017-01-10',
      progress: 100,
      status: 'in_progress',
    });
    snapshot.events.push({
      ...snapshot.events[0]!,
      id: 100,
      measureId: 'm5',
      ministryId: 'meti',
      effectiveOn: '2017-01-10',
      progress: 90,
      status: 'in_progress',
    });
    const states = allStatesAt(buildIndex(snapshot), '2017-01-15');
    expect(dueSoonItems(states, '2017-01-15')).toEqual([]);
  });
});

describe('not updated for more than 180 days', () => {
  it.each([
    // Never-updated m4, m5, m6 count from their start (2015-04-01); m3 from nisc's update of 2015-05-01.
    { asOf: '2016-03-31', expected: ['m4/365', 'm5/365', 'm6/365', 'm3/335'] },
    // m5 was last updated 2016-04-01: 180 days later it is not yet stale, 181 days later it is.
    { asOf: '2016-09-28', expected: ['m4/546', 'm6/546', 'm3/516'] },
    { asOf: '2016-09-29', expected: ['m4/547', 'm6/547', 'm3/517', 'm5/181'] },
    // Not before the measures start: nothing is 180 days old.
    { asOf: '2015-09-27', expected: [] },
  ])('$asOf', ({ asOf, expected }) => {
    const items = staleItems(at(asOf), asOf).sort((a, b) => b.days - a.days || a.code.localeCompare(b.code));
    expect(brief(items)).toEqual(expected);
  });

  it('ignores completed and suspended measures', () => {
    // m1 and m2 are complete on 2016-03-31; they are never in the list whatever their last update.
    expect(staleItems(at('2016-03-31'), '2016-03-31').map((i) => i.id)).not.toContain('m1');
    expect(staleItems(at('2016-03-31'), '2016-03-31').map((i) => i.id)).not.toContain('m2');
  });
});

describe('needsAttention', () => {
  it('sorts each list by urgency, keeps the full count and cuts to the limit', () => {
    const a = needsAttention(at('2017-01-15'), '2017-01-15', 2);
    expect(a.overdue).toMatchObject({ total: 1 });
    expect(a.dueSoon).toMatchObject({ total: 1 });
    expect(a.stale.total).toBe(5);
    // Longest silent first; equal days in code order (5.2.1(1)i-2 before 5.2.2(1)-2).
    expect(brief(a.stale.items)).toEqual(['m4/655', 'm6/655']);
  });

  it('carries what the list shows: lead, progress against the expected pace, last update', () => {
    const [m5] = needsAttention(at('2017-01-15'), '2017-01-15').dueSoon.items;
    expect(m5).toMatchObject({
      code: '5.2.2(1)-1',
      leadMinistryId: 'mic',
      status: 'in_progress',
      health: 'at_risk',
      progress: 23,
      expected: 90,
      dueDate: '2017-03-31',
      dueKind: 'date',
      lastUpdate: '2016-04-01',
    });
  });
});
