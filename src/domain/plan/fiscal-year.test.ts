import { describe, expect, it } from 'vitest';
import {
  dateLabel,
  dateLabelShort,
  eraOfDate,
  eraOfFiscalYear,
  fiscalQuarterLabel,
  fiscalQuarterOf,
  fiscalQuarterRange,
  fiscalYearEnd,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearShortLabel,
  fiscalYearStart,
  previousQuarterEnd,
} from './fiscal-year';

describe('fiscalYearOf', () => {
  it.each([
    { date: '2015-04-01', fy: 2015 },
    { date: '2015-12-31', fy: 2015 },
    { date: '2016-01-01', fy: 2015 },
    { date: '2016-03-31', fy: 2015 },
    { date: '2016-04-01', fy: 2016 },
    { date: '2019-04-30', fy: 2019 },
  ])('$date is in FY$fy', ({ date, fy }) => {
    expect(fiscalYearOf(date)).toBe(fy);
  });

  it('starts on 1 April and ends on 31 March of the next calendar year', () => {
    expect(fiscalYearStart(2015)).toBe('2015-04-01');
    expect(fiscalYearEnd(2015)).toBe('2016-03-31');
  });
});

describe('fiscalQuarterOf', () => {
  it.each([
    { month: 4, fiscalYear: 2016, quarter: 1 },
    { month: 5, fiscalYear: 2016, quarter: 1 },
    { month: 6, fiscalYear: 2016, quarter: 1 },
    { month: 7, fiscalYear: 2016, quarter: 2 },
    { month: 8, fiscalYear: 2016, quarter: 2 },
    { month: 9, fiscalYear: 2016, quarter: 2 },
    { month: 10, fiscalYear: 2016, quarter: 3 },
    { month: 11, fiscalYear: 2016, quarter: 3 },
    { month: 12, fiscalYear: 2016, quarter: 3 },
    { month: 1, fiscalYear: 2015, quarter: 4 },
    { month: 2, fiscalYear: 2015, quarter: 4 },
    { month: 3, fiscalYear: 2015, quarter: 4 },
  ])('month $month of 2016 → FY$fiscalYear Q$quarter', ({ month, fiscalYear, quarter }) => {
    const date = `2016-${String(month).padStart(2, '0')}-15`;
    expect(fiscalQuarterOf(date)).toEqual({ fiscalYear, quarter });
  });
});

describe('fiscalQuarterRange', () => {
  it.each([
    { fy: 2015, quarter: 1, start: '2015-04-01', end: '2015-06-30' },
    { fy: 2015, quarter: 2, start: '2015-07-01', end: '2015-09-30' },
    { fy: 2015, quarter: 3, start: '2015-10-01', end: '2015-12-31' },
    { fy: 2015, quarter: 4, start: '2016-01-01', end: '2016-03-31' },
    { fy: 2019, quarter: 4, start: '2020-01-01', end: '2020-03-31' },
  ] as const)('FY$fy Q$quarter is $start … $end', ({ fy, quarter, start, end }) => {
    const range = fiscalQuarterRange(fy, quarter);
    expect(range).toEqual({ start, end });
    // Round trip: both ends fall in the quarter they came from.
    expect(fiscalQuarterOf(range.start)).toEqual({ fiscalYear: fy, quarter });
    expect(fiscalQuarterOf(range.end)).toEqual({ fiscalYear: fy, quarter });
  });
});

describe('previousQuarterEnd', () => {
  it.each([
    { date: '2016-04-01', expected: '2016-03-31' },
    { date: '2016-06-30', expected: '2016-03-31' },
    { date: '2016-07-01', expected: '2016-06-30' },
    { date: '2016-11-15', expected: '2016-09-30' },
    { date: '2017-01-01', expected: '2016-12-31' },
    { date: '2017-03-31', expected: '2016-12-31' },
  ])('$date → $expected', ({ date, expected }) => {
    expect(previousQuarterEnd(date)).toBe(expected);
  });
});

describe('fiscalYearLabel', () => {
  it.each([
    { fy: 2015, ja: '2015年度（平成27年度）', en: 'FY2015 (Heisei 27)' },
    { fy: 2016, ja: '2016年度（平成28年度）', en: 'FY2016 (Heisei 28)' },
    { fy: 2018, ja: '2018年度（平成30年度）', en: 'FY2018 (Heisei 30)' },
    // FY2019 began under Heisei but is officially named in Reiwa, first year written 元.
    { fy: 2019, ja: '2019年度（令和元年度）', en: 'FY2019 (Reiwa 1)' },
    { fy: 2020, ja: '2020年度（令和2年度）', en: 'FY2020 (Reiwa 2)' },
  ])('FY$fy', ({ fy, ja, en }) => {
    expect(fiscalYearLabel(fy, 'ja')).toBe(ja);
    expect(fiscalYearLabel(fy, 'en')).toBe(en);
  });

  it('has short and quarter forms', () => {
    expect(fiscalYearShortLabel(2016, 'ja')).toBe('2016年度');
    expect(fiscalYearShortLabel(2016, 'en')).toBe('FY2016');
    expect(fiscalQuarterLabel({ fiscalYear: 2015, quarter: 4 }, 'ja')).toBe('2015年度 第4四半期');
    expect(fiscalQuarterLabel({ fiscalYear: 2015, quarter: 4 }, 'en')).toBe('FY2015 Q4');
  });

  it('names FY2019 in Reiwa even though its first month was Heisei', () => {
    expect(eraOfFiscalYear(2019)).toEqual({ era: { ja: '令和', en: 'Reiwa' }, year: 1 });
    expect(eraOfDate('2019-04-01').era.ja).toBe('平成');
  });
});

describe('eraOfDate', () => {
  it.each([
    { date: '2015-04-01', era: '平成', year: 27 },
    { date: '2019-04-30', era: '平成', year: 31 },
    { date: '2019-05-01', era: '令和', year: 1 },
    { date: '2020-12-31', era: '令和', year: 2 },
  ])('$date is $era $year', ({ date, era, year }) => {
    const got = eraOfDate(date);
    expect(got.era.ja).toBe(era);
    expect(got.year).toBe(year);
  });
});

describe('dateLabel / dateLabelShort', () => {
  it.each([
    { date: '2016-03-31', ja: '2016年3月31日（平成28年3月31日）', short: '2016年3月31日', en: '31 Mar 2016' },
    { date: '2019-04-30', ja: '2019年4月30日（平成31年4月30日）', short: '2019年4月30日', en: '30 Apr 2019' },
    { date: '2019-05-01', ja: '2019年5月1日（令和元年5月1日）', short: '2019年5月1日', en: '1 May 2019' },
    { date: '2020-07-24', ja: '2020年7月24日（令和2年7月24日）', short: '2020年7月24日', en: '24 Jul 2020' },
    { date: '2015-12-01', ja: '2015年12月1日（平成27年12月1日）', short: '2015年12月1日', en: '1 Dec 2015' },
  ])('$date', ({ date, ja, short, en }) => {
    expect(dateLabel(date, 'ja')).toBe(ja);
    expect(dateLabel(date, 'en')).toBe(en);
    expect(dateLabelShort(date, 'ja')).toBe(short);
    expect(dateLabelShort(date, 'en')).toBe(en);
  });
});
