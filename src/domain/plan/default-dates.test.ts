import { describe, expect, it } from 'vitest';
import { defaultDates, inPlanYears } from './default-dates';

const planPeriod = { start: '2015-04-01', end: '2018-03-31' };

describe('defaultDates', () => {
  it.each([
    // within the plan period: today, whatever the data says
    { today: '2015-04-01', latest: null, asOf: '2015-04-01', basis: 'today', dataDate: null, fy: 2015 },
    { today: '2016-10-01', latest: '2016-09-30', asOf: '2016-10-01', basis: 'today', dataDate: '2016-09-30', fy: 2016 },
    { today: '2018-03-31', latest: '2017-12-01', asOf: '2018-03-31', basis: 'today', dataDate: '2017-12-01', fy: 2017 },
    // past it: the data's last update and its fiscal year
    { today: '2018-04-01', latest: '2018-02-01', asOf: '2018-02-01', basis: 'data', dataDate: '2018-02-01', fy: 2017 },
    { today: '2026-12-04', latest: '2019-09-30', asOf: '2019-09-30', basis: 'data', dataDate: '2019-09-30', fy: 2019 },
    { today: '2026-12-04', latest: '2020-04-01', asOf: '2020-04-01', basis: 'data', dataDate: '2020-04-01', fy: 2020 },
    // past it, but someone recorded progress today: today is what the data has
    { today: '2026-12-04', latest: '2026-12-04', asOf: '2026-12-04', basis: 'today', dataDate: '2026-12-04', fy: 2026 },
    // a record dated after today does not pull the page into the future
    { today: '2026-12-04', latest: '2027-01-01', asOf: '2026-12-04', basis: 'today', dataDate: '2026-12-04', fy: 2026 },
    // past it with no progress recorded at all: the plan period's end
    { today: '2026-12-04', latest: null, asOf: '2018-03-31', basis: 'planEnd', dataDate: null, fy: 2017 },
  ] as const)(
    'today $today, data to $latest → $asOf ($basis), FY$fy',
    ({ today, latest, asOf, basis, dataDate, fy }) => {
      expect(defaultDates({ today, planPeriod, latestEvent: latest })).toEqual({
        asOf,
        basis,
        dataDate,
        fy,
        planYears: { first: 2015, last: 2017 },
      });
    },
  );
});

describe('inPlanYears', () => {
  const planYears = { first: 2015, last: 2017 };
  it.each([
    { fy: 2014, inside: false },
    { fy: 2015, inside: true },
    { fy: 2017, inside: true },
    { fy: 2018, inside: false },
    { fy: 2026, inside: false },
  ])('FY$fy inside the plan: $inside', ({ fy, inside }) => {
    expect(inPlanYears(fy, planYears)).toBe(inside);
  });
});
