import type { Context } from 'hono';
import { overview } from '@/domain/dashboard';
import type { IsoDate } from '@/domain/plan';
import { computeStats } from '@/domain/contract';
import { buildIndex, updateIndex, type PlanIndex } from '@/domain/plan';
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
 * At server start: builds the index of the store's plan now rather than in the first request, and
 * answers the overview's two reads for `asOf` (its default date), which keeps what they compute
 * (states, completion timelines; carried across writes) and runs their code once before anyone waits.
 */
export async function warmPlanCache(store: Store, asOf: IsoDate): Promise<void> {
  const index = await caches.get(store)?.();
  if (!index) return;
  overview(index, asOf);
  computeStats(index, asOf, 'quarter');
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
