import { overview } from '@/domain/dashboard';
import type { IsoDate } from '@/domain/plan';
import { computeStats } from '@/domain/contract';
import { buildIndex, updateIndex, type PlanIndex } from '@/domain/plan';
import type { Store } from './store/port';

const caches = new WeakMap<Store, () => Promise<PlanIndex>>();

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
export function createPlanCache(store: Store): () => Promise<PlanIndex> {
  let cached: { revision: number; index: PlanIndex } | null = null;
  let pending: { revision: number; index: Promise<PlanIndex> } | null = null;
  const get = async () => {
    const revision = await store.revision();
    if (cached?.revision === revision) return cached.index;
    if (pending?.revision === revision) return pending.index;
    const build = (async () => {
      const snapshot = await store.snapshot();
      const index = cached ? updateIndex(cached.index, snapshot) : buildIndex(snapshot);
      cached = { revision: snapshot.revision, index };
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
