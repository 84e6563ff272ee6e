import { z } from 'zod';

/**
 * Dates in the domain are `YYYY-MM-DD` strings, never `Date` objects: a time zone cannot shift
 * them and they compare correctly as strings. Arithmetic goes through UTC day numbers.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export const IsoDateSchema = z.string().refine(isIsoDate, {
  message: '日付は YYYY-MM-DD 形式の実在する日付で指定してください / Use a real date as YYYY-MM-DD',
});

export function parts(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** `Date.UTC` without its two-digit-year quirk (it reads years 0–99 as 1900–1999). */
function utcMs(year: number, monthIndex: number, day: number): number {
  return new Date(0).setUTCFullYear(year, monthIndex, day);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month, 0)).getUTCDate();
}

export function fromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const dayNumbers = new Map<IsoDate, number>();

/**
 * Days since 1970-01-01 for a date; exact for every Gregorian date. Health and attention ask it for
 * the same few thousand dates over and over (thousands of measures × as-of dates), so answers are
 * kept, up to a bound.
 */
export function dayNumber(date: IsoDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const { year, month, day } = parts(date);
  const n = Math.round(utcMs(year, month - 1, day) / 86_400_000);
  if (dayNumbers.size >= 20_000) dayNumbers.clear();
  dayNumbers.set(date, n);
  return n;
}

export function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * 86_400_000);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function monthEnd(year: number, month: number): IsoDate {
  return fromParts(year, month, daysInMonth(year, month));
}

/** The last day of each month from the month of `from` to the month of `to`, inclusive. */
export function monthEnds(from: IsoDate, to: IsoDate): IsoDate[] {
  const a = parts(from);
  const b = parts(to);
  const out: IsoDate[] = [];
  for (let y = a.year, m = a.month; y < b.year || (y === b.year && m <= b.month); m === 12 ? ((m = 1), y++) : m++) {
    out.push(monthEnd(y, m));
  }
  return out;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The calendar day in Japan (UTC+9, no daylight saving) of an ISO instant such as an audit time. */
export function tokyoDayOf(instant: string): IsoDate {
  return new Date(Date.parse(instant) + 9 * 3_600_000).toISOString().slice(0, 10);
}
