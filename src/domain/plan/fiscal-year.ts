import { fromParts, monthEnd, parts, type IsoDate } from './dates';
import type { Lang } from './i18n';

/**
 * Japan's fiscal year (年度) runs 1 April – 31 March and is named after the calendar year it starts
 * in: 2016-03-31 is in FY2015. Quarters count from April: Q1 = Apr–Jun … Q4 = Jan–Mar.
 */
export function fiscalYearOf(date: IsoDate): number {
  const { year, month } = parts(date);
  return month >= 4 ? year : year - 1;
}

export type FiscalQuarter = { fiscalYear: number; quarter: 1 | 2 | 3 | 4 };

export function fiscalQuarterOf(date: IsoDate): FiscalQuarter {
  const { month } = parts(date);
  const quarter = (Math.floor(((month + 8) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
  return { fiscalYear: fiscalYearOf(date), quarter };
}

export function fiscalYearStart(fy: number): IsoDate {
  return fromParts(fy, 4, 1);
}

export function fiscalYearEnd(fy: number): IsoDate {
  return fromParts(fy + 1, 3, 31);
}

/** First and last day of a fiscal quarter. */
export function fiscalQuarterRange(fy: number, quarter: 1 | 2 | 3 | 4): { start: IsoDate; end: IsoDate } {
  const startMonth = (((quarter - 1) * 3 + 3) % 12) + 1; // 4, 7, 10, 1
  const year = quarter === 4 ? fy + 1 : fy;
  return { start: fromParts(year, startMonth, 1), end: monthEnd(year, startMonth + 2) };
}

/** The end of the fiscal quarter before the one that holds `date`. */
export function previousQuarterEnd(date: IsoDate): IsoDate {
  const { fiscalYear, quarter } = fiscalQuarterOf(date);
  const prev =
    quarter === 1 ? { fy: fiscalYear - 1, q: 4 as const } : { fy: fiscalYear, q: (quarter - 1) as 1 | 2 | 3 };
  return fiscalQuarterRange(prev.fy, prev.q).end;
}

type Era = { name: { ja: string; en: string }; firstYear: number; start: IsoDate };

// Only the eras a plan from 2015 onwards can touch.
const ERAS: readonly Era[] = [
  { name: { ja: '令和', en: 'Reiwa' }, firstYear: 2019, start: '2019-05-01' },
  { name: { ja: '平成', en: 'Heisei' }, firstYear: 1989, start: '1989-01-08' },
];

function eraYear(ja: string, n: number): string {
  return n === 1 ? `${ja}元` : `${ja}${n}`;
}

/** The Japanese era date of a calendar date: 2019-04-30 is 平成31年, 2019-05-01 is 令和元年. */
export function eraOfDate(date: IsoDate): { era: Era['name']; year: number } {
  const era = ERAS.find((e) => date >= e.start) ?? ERAS[ERAS.length - 1]!;
  return { era: era.name, year: parts(date).year - era.firstYear + 1 };
}

/**
 * Fiscal years are named in the era in force when the year is labelled: FY2019 began on
 * 2019-04-01 under Heisei but is officially 令和元年度, so from FY2019 the Reiwa era applies.
 */
export function eraOfFiscalYear(fy: number): { era: Era['name']; year: number } {
  const era = ERAS.find((e) => fy >= e.firstYear) ?? ERAS[ERAS.length - 1]!;
  return { era: era.name, year: fy - era.firstYear + 1 };
}

/** 2016年度（平成28年度） / FY2016 (Heisei 28) */
export function fiscalYearLabel(fy: number, lang: Lang): string {
  const { era, year } = eraOfFiscalYear(fy);
  if (lang === 'ja') return `${fy}年度（${eraYear(era.ja, year)}年度）`;
  return `FY${fy} (${era.en} ${year === 1 ? '1' : year})`;
}

export function fiscalYearShortLabel(fy: number, lang: Lang): string {
  return lang === 'ja' ? `${fy}年度` : `FY${fy}`;
}

export function fiscalQuarterLabel(q: FiscalQuarter, lang: Lang): string {
  return lang === 'ja' ? `${q.fiscalYear}年度 第${q.quarter}四半期` : `FY${q.fiscalYear} Q${q.quarter}`;
}

/** 2016年3月31日 / 31 Mar 2016: for tables and lists. */
export function dateLabelShort(date: IsoDate, lang: Lang): string {
  const { year, month, day } = parts(date);
  if (lang === 'en') return `${day} ${MONTHS_EN[month - 1]} ${year}`;
  return `${year}年${month}月${day}日`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** 2016年3月31日（平成28年3月31日） / 31 Mar 2016 */
export function dateLabel(date: IsoDate, lang: Lang): string {
  const { year, month, day } = parts(date);
  if (lang === 'en') return dateLabelShort(date, lang);
  const { era, year: ey } = eraOfDate(date);
  return `${year}年${month}月${day}日（${eraYear(era.ja, ey)}年${month}月${day}日）`;
}
