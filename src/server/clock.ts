import type { IsoDate } from '@/domain/plan';

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

/** A clock tests move by hand: sessions expire, lock-outs end and throttle windows pass without waiting. */
export type MutableClock = Clock & { advance(ms: number): void; set(iso: string): void };

export function mutableClock(startIso: string): MutableClock {
  let ms = Date.parse(startIso);
  if (Number.isNaN(ms)) throw new Error(`not an ISO time: ${startIso}`);
  const now = () => new Date(ms).toISOString();
  return {
    now,
    today: () => tokyoDate.format(new Date(ms)),
    advance: (delta) => {
      ms += delta;
    },
    set: (iso) => {
      ms = Date.parse(iso);
    },
  };
}
