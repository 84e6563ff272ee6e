import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, IsoDateSchema, isIsoDate, monthEnds } from './dates';

describe('isIsoDate', () => {
  it.each([
    { value: '2016-02-29', ok: true, why: 'leap day in a leap year' },
    { value: '2015-02-29', ok: false, why: 'leap day in a common year' },
    { value: '2000-02-29', ok: true, why: 'century divisible by 400 is leap' },
    { value: '1900-02-29', ok: false, why: 'century not divisible by 400 is common' },
    { value: '2015-04-31', ok: false, why: 'April has 30 days' },
    { value: '2015-12-31', ok: true, why: 'last day of the year' },
    { value: '2016-13-01', ok: false, why: 'month 13' },
    { value: '2016-00-10', ok: false, why: 'month 0' },
    { value: '2016-01-00', ok: false, why: 'day 0' },
    { value: '2016-1-01', ok: false, why: 'one-digit month' },
    { value: '2016-01-1', ok: false, why: 'one-digit day' },
    { value: '16-01-01', ok: false, why: 'two-digit year' },
    { value: '2016/01/01', ok: false, why: 'slashes' },
    { value: '2016-01-01T00:00:00Z', ok: false, why: 'a timestamp, not a date' },
    { value: ' 2016-01-01', ok: false, why: 'leading space' },
    { value: '', ok: false, why: 'empty' },
  ])('$value → $ok ($why)', ({ value, ok }) => {
    expect(isIsoDate(value)).toBe(ok);
    expect(IsoDateSchema.safeParse(value).success).toBe(ok);
  });
});

describe('addDays', () => {
  it.each([
    { date: '2015-04-30', days: 1, expected: '2015-05-01' },
    { date: '2015-12-31', days: 1, expected: '2016-01-01' },
    { date: '2016-01-01', days: -1, expected: '2015-12-31' },
    { date: '2016-02-28', days: 1, expected: '2016-02-29' },
    { date: '2016-02-29', days: 1, expected: '2016-03-01' },
    { date: '2015-02-28', days: 1, expected: '2015-03-01' },
    { date: '2016-03-01', days: -1, expected: '2016-02-29' },
    { date: '2015-04-01', days: 90, expected: '2015-06-30' },
    { date: '2015-04-01', days: 366, expected: '2016-04-01' },
    { date: '2016-04-01', days: 365, expected: '2017-04-01' },
    { date: '2016-02-29', days: 0, expected: '2016-02-29' },
    { date: '0099-12-31', days: 1, expected: '0100-01-01' },
  ])('$date + $days → $expected', ({ date, days, expected }) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    { from: '2016-02-28', to: '2016-03-01', expected: 2 },
    { from: '2015-02-28', to: '2015-03-01', expected: 1 },
    { from: '2015-12-31', to: '2016-01-01', expected: 1 },
    { from: '2016-01-01', to: '2015-12-31', expected: -1 },
    { from: '2015-04-01', to: '2016-03-31', expected: 365 },
    { from: '2016-04-01', to: '2017-03-31', expected: 364 },
    { from: '2015-04-01', to: '2018-03-31', expected: 1095 },
    { from: '2016-01-01', to: '2017-01-01', expected: 366 },
    { from: '2020-07-24', to: '2020-07-24', expected: 0 },
    { from: '0004-01-01', to: '0005-01-01', expected: 366 },
  ])('$from → $to is $expected days', ({ from, to, expected }) => {
    expect(daysBetween(from, to)).toBe(expected);
    expect(addDays(from, expected)).toBe(to);
  });
});

describe('monthEnds', () => {
  it.each([
    { from: '2015-04-15', to: '2015-04-20', expected: ['2015-04-30'] },
    {
      from: '2015-11-01',
      to: '2016-03-01',
      expected: ['2015-11-30', '2015-12-31', '2016-01-31', '2016-02-29', '2016-03-31'],
    },
    { from: '2017-01-31', to: '2017-02-01', expected: ['2017-01-31', '2017-02-28'] },
    { from: '2016-05-01', to: '2016-04-30', expected: [] },
  ])('$from … $to', ({ from, to, expected }) => {
    expect(monthEnds(from, to)).toEqual(expected);
  });

  it('covers the three-year plan period with 36 month ends', () => {
    const ends = monthEnds('2015-04-01', '2018-03-31');
    expect(ends).toHaveLength(36);
    expect(ends[0]).toBe('2015-04-30');
    expect(ends.at(-1)).toBe('2018-03-31');
    expect(ends.every(isIsoDate)).toBe(true);
  });
});
