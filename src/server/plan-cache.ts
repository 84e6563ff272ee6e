import type { Context } from 'hono';
import { buildIndex, defaultDatesFor, updateIndex, type PlanIndex } from '@/domain/plan';
import type { Clock } from './clock';
import { OVERVIEW_FIGURES } from './figures';
import type { Store } from './store/port';
import type { AppEnv } from './context';

/**
 * The plan index for a request. A read-only handler passes its context: the revision read with the
 * session at the start of the request (auth/session.ts) then stands in for asking the store again,
 * which on PostgreSQL is a round trip. A handler that commits passes nothing, so that what it reads
 * after its own commit is asked for afresh.
 */
export type PlanReader = (c?: Context<AppEnv>) => Promise<PlanIndex>;

const caches = new WeakMap<Store, PlanReader>();

/**
 * At server start, before listening (decision record 003): builds the index of the store's plan now
 * rather than in the first request.
 */
export async function warmPlanCache(store: Store): Promise<void> {
  await caches.get(store)?.();
}

export type FigureWarmer = {
  /** Asks for the overview's figures on its default date to be made ready, in the background. */
  schedule: () => void;
  /** Settles when no warming is running or asked for (tests; shutting down). */
  idle: () => Promise<void>;
  /** Warms now and settles when done: at start, before listening. */
  now: () => Promise<void>;
};

/**
 * Computes what the overview's first screen asks for on the date it opens on (its default as-of
 * date, decision record 017; OVERVIEW_FIGURES), so that the first visitor finds the answers kept
 * rather than waiting for them (issue 11, decision record 022): at start, before listening (the
 * start already computed as much: the overview for today), and in the background after each write.
 * One run at a time; a request for another while one runs makes one more run after it. Each step
 * gives way first (setImmediate), so requests already received are answered before it, and a step
 * never runs inside a request.
 */
export function createFigureWarmer(
  store: Store,
  clock: Clock,
  log: (message: string, error?: unknown) => void = () => {},
): FigureWarmer {
  let running: Promise<void> | null = null;
  let again = false;
  const giveWay = () => new Promise<void>((resolve) => setImmediate(resolve));
  const run = async () => {
    do {
      again = false;
      for (const step of OVERVIEW_FIGURES) {
        await giveWay();
        const index = await caches.get(store)?.();
        if (!index) return;
        step(index, defaultDatesFor(index, clock.today()).asOf);
      }
    } while (again);
  };
  const schedule = () => {
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch((error: unknown) => log('warming the overview figures failed', error))
      .finally(() => {
        running = null;
      });
  };
  const idle = async () => {
    while (running) await running;
  };
  return {
    schedule,
    idle,
    now: () => {
      schedule();
      return idle();
    },
  };
}

/**
 * Keeps one plan index per store revision: reads share it until a write commits. After a write the
 * next index is made from the previous one (decision record 003): the store's snapshot is
 * copy-on-write, so `updateIndex` redoes only the measures the write changed and carries the kept
 * states over. Concurrent requests for a revision share one build.
 */
export function createPlanCache(store: Store): PlanReader {
  let cached: { revision: number; index: PlanIndex } | null = null;
  let pending: { revision: number; index: Promise<PlanIndex> } | null = null;
  const get: PlanReader = async (c) => {
    // Any index at least as new as the revision committed when the request began will do (revisions
    // only grow): one that another request has already brought further is newer still.
    const revision = c?.get('revision') ?? (await store.revision());
    if (cached && cached.revision >= revision) return cached.index;
    if (pending && pending.revision >= revision) return pending.index;
    const build = (async () => {
      const snapshot = await store.snapshot();
      const index = cached ? updateIndex(cached.index, snapshot) : buildIndex(snapshot);
      if (!cached || snapshot.revision >= cached.revision) cached = { revision: snapshot.revision, index };
      return index;
    })();
    pending = { revision, index: build };
    try {
      return await build;
    } finally {
      if (pending?.index === build) pending = null;
    }
  };
  caches.set(store, get);
  return get;
}
