/**
 * A small bounded queue for work that is expensive per request (reading an uploaded file, printing
 * a PDF): at most `concurrency` jobs run, at most `maxQueue` wait, and the next one is refused at
 * once with `Busy` (503 with Retry-After, app.ts) rather than queued without end.
 */

export class Busy extends Error {
  constructor(
    readonly what: { ja: string; en: string },
    readonly retryAfterSeconds: number,
  ) {
    super(`busy: ${what.en}`);
    this.name = 'Busy';
  }
}

export type Limiter = {
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Jobs running and waiting now (for tests and logs). */
  load(): { running: number; waiting: number };
};

export function createLimiter(opts: {
  concurrency: number;
  maxQueue: number;
  retryAfterSeconds: number;
  what: { ja: string; en: string };
}): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  };
  return {
    async run<T>(job: () => Promise<T>): Promise<T> {
      if (running >= opts.concurrency) {
        if (waiting.length >= opts.maxQueue) throw new Busy(opts.what, opts.retryAfterSeconds);
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else running++;
      try {
        return await job();
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}
