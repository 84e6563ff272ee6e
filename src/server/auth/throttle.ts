/**
 * Failed sign-ins per client address in a sliding window, in memory (one API instance; a shared
 * store replaces it when there are several). The eleventh failure within a minute is refused.
 */
export function createThrottle({ limit = 10, windowMs = 60_000 } = {}) {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < windowMs);
  return {
    /** Milliseconds until the address may try again, or 0. */
    retryAfter(key: string, now: number): number {
      const list = recent(key, now);
      failures.set(key, list);
      return list.length >= limit ? windowMs - (now - list[0]!) : 0;
    },
    fail(key: string, now: number): void {
      const list = recent(key, now);
      list.push(now);
      failures.set(key, list);
      if (failures.size > 10_000)
        for (const [k, v] of failures) if (!v.some((t) => now - t < windowMs)) failures.delete(k);
    },
  };
}
export type Throttle = ReturnType<typeof createThrottle>;
