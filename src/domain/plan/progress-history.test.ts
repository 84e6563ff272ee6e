import { describe, expect, it } from 'vitest';
import { progressHistory } from './progress-history';
import { fixtureSnapshot } from './test-fixtures';

// m5 (fixture): mic lead, meti contributing; mic 30 → 35 % on 2016-04-01, meti suspends on
// 2017-01-31, mic completes on 2017-02-28.
const events = fixtureSnapshot().events.filter((e) => e.measureId === 'm5');
const roles = [
  { ministryId: 'mic', role: 'lead' as const },
  { ministryId: 'meti', role: 'contributing' as const },
];

describe('progressHistory', () => {
  it.each([
    {
      asOf: '2017-03-31',
      expected: [
        ['2015-04-01', 0, 0, 0],
        // Same-day updates: the last recorded wins (35, not 30); (35×2 + 0) / 3 = 23.
        ['2016-04-01', 23, 35, 0],
        // A suspended share drops out of the measure's progress.
        ['2017-01-31', 35, 35, 0],
        ['2017-02-28', 100, 100, 0],
        ['2017-03-31', 100, 100, 0],
      ],
    },
    {
      asOf: '2016-12-31',
      expected: [
        ['2015-04-01', 0, 0, 0],
        ['2016-04-01', 23, 35, 0],
        ['2016-12-31', 23, 35, 0],
      ],
    },
    { asOf: '2015-04-01', expected: [['2015-04-01', 0, 0, 0]] },
    { asOf: '2015-03-31', expected: [] },
  ])('as of $asOf', ({ asOf, expected }) => {
    const points = progressHistory(events, roles, '2015-04-01', asOf);
    expect(points.map((p) => [p.date, p.measure, p.byMinistry.mic, p.byMinistry.meti])).toEqual(expected);
  });

  it('does not depend on the order the events come in', () => {
    const forward = progressHistory(events, roles, '2015-04-01', '2017-03-31');
    expect(progressHistory([...events].reverse(), roles, '2015-04-01', '2017-03-31')).toEqual(forward);
  });
});
