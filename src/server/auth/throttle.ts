/**
 * Failed sign-ins per client address in a sliding window, in memory (one API instance; a shared
 * store replaces it when there are several). The eleventh failure within a minute is refused.
 */
export function createThrottle({ limit = 10, windowMs = 60_000 } = {}) {
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
    retryAfter,
    fail,
    /**
     * Checks and counts an attempt in one synchronous step, before the slow password check: otherwise
     * any number of concurrent guesses all pass `retryAfter` before the first failure is recorded.
     * Returns the wait as `retryAfter` does; 0 means the attempt is counted as a failure until `forgive`.
     */
    begin(key: string, now: number): number {
      const wait = retryAfter(key, now);
      if (wait === 0) fail(key, now);
      return wait;
    },
    /** Takes back the failure `begin` counted, for an attempt that turned out not to be one. */
    forgive(key: string, at: number): void {
      const list = failures.get(key);
      const i = list?.lastIndexOf(at) ?? -1;
      if (list && i >= 0) list.splice(i, 1);
    },
  };
}
export type Throttle = ReturnType<typeof createThrottle>;
