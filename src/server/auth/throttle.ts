import type { Throttle } from '../store/port';

/**
 * Failures per key in a sliding window, in memory: for the stores that serve one process (memory,
 * SQLite); PostgreSQL keeps the window in the database for every instance (pg-sign-in.ts). With
 * the defaults, the eleventh failure within a minute is refused.
 */
export function createThrottle({ limit = 10, windowMs = 60_000 } = {}): Throttle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  /** Milliseconds until the address may try again, or 0. */
  const retryAfter = (key: string, now: number): number => {
    const list = recent(key, now);
    failures.set(key, list);
    return list.length >= limit ? windowMs - (now - list[0]!) : 0;
  };
  const fail = (key: string, now: number): void => {
    const list = recent(key, now);
    list.push(now);
    failures.set(key, list);
    if (failures.size > 10_000)
      for (const [k, v] of failures) if (!v.some((t) => now - t < windowMs)) failures.delete(k);
  };
  return {
    retryAfter: (key, now) => Promise.resolve(retryAfter(key, now)),
    // One synchronous step: the check and the count cannot be split by another request.
    begin(key, now) {
      const wait = retryAfter(key, now);
      if (wait === 0) fail(key, now);
      return Promise.resolve(wait);
    },
    forgive(key, at) {
      const list = failures.get(key);
      const i = list?.lastIndexOf(at) ?? -1;
      if (list && i >= 0) list.splice(i, 1);
      return Promise.resolve();
    },
  };
}
export type { Throttle } from '../store/port';
