import type { IsoDate } from './dates';
import { fiscalYearOf } from './fiscal-year';
import { memo, type PlanIndex } from './snapshot';

/**
 * Which date and fiscal year pages open on when the URL names none (docs/decisions/017-dates-from-the-data.md).
 * Within the plan period that is today. Once today lies past it, today is years after anything the
 * data says, so every figure would read "overdue" and the report would be for a year nobody
 * planned: pages open on the latest date the data has (its last progress record) instead, and say so.
 */
export type DateBasis = 'today' | 'data' | 'planEnd';

export type DefaultDates = {
  /** The reporting date (基準日) pages open on. */
  asOf: IsoDate;
  /** Why: today, the data's last update, or (no progress recorded at all) the plan period's end. */
  basis: DateBasis;
  /** The latest date a progress record is effective on, not after today; null when there is none. */
  dataDate: IsoDate | null;
  /** The fiscal year the report and import pages open on: the year of `asOf`. */
  fy: number;
  /** The strategy's own fiscal years (FY2015–FY2017): starting a year outside them takes a deliberate step. */
  planYears: { first: number; last: number };
};

export function defaultDates(input: {
  today: IsoDate;
  planPeriod: { start: IsoDate; end: IsoDate };
  /** The latest `effectiveOn` of any progress record, or null. */
  latestEvent: IsoDate | null;
}): DefaultDates {
  const { today, planPeriod, latestEvent } = input;
  const dataDate = latestEvent === null ? null : latestEvent > today ? today : latestEvent;
  const planYears = { first: fiscalYearOf(planPeriod.start), last: fiscalYearOf(planPeriod.end) };
  const pick = (asOf: IsoDate, basis: DateBasis): DefaultDates => ({
    asOf,
    basis,
    dataDate,
    fy: fiscalYearOf(asOf),
    planYears,
  });
  if (today <= planPeriod.end) return pick(today, 'today');
  // Past the plan but still being updated (the data reaches today): today is what the data has.
  if (dataDate === today) return pick(today, 'today');
  return dataDate === null ? pick(planPeriod.end, 'planEnd') : pick(dataDate, 'data');
}

/** Whether a fiscal year lies within the strategy's period (FY2015–FY2017). */
export function inPlanYears(fy: number, planYears: DefaultDates['planYears']): boolean {
  return fy >= planYears.first && fy <= planYears.last;
}

/** The latest date any progress record is effective on, remembered with the index (a write makes a new one). */
export function latestEventDate(index: PlanIndex): IsoDate | null {
  return memo(index, 'latestEventDate', () => {
    let latest: IsoDate | null = null;
    for (const e of index.snapshot.events) if (latest === null || e.effectiveOn > latest) latest = e.effectiveOn;
    return latest;
  });
}

/** The defaults for an index and a day. */
export function defaultDatesFor(index: PlanIndex, today: IsoDate): DefaultDates {
  return defaultDates({ today, planPeriod: index.snapshot.planPeriod, latestEvent: latestEventDate(index) });
}
