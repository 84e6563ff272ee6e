import type { IsoDate } from '../domain/dates';

/** Time enters the app only through this; tests pass a fixed clock. */
export type Clock = { today(): IsoDate; now(): string };

const tokyoDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today as it is in Tokyo: a ministry's working day, whatever the server's time zone. */
export const systemClock: Clock = {
  today: () => tokyoDate.format(new Date()),
  now: () => new Date().toISOString(),
};

export function fixedClock(today: IsoDate, time = '09:00:00.000Z'): Clock {
  return { today: () => today, now: () => `${today}T${time}` };
}
