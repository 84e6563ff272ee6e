import { buildIndex, type PlanIndex } from '../domain/snapshot';
import type { Store } from './store/port';

/** Keeps one plan index per store revision: reads share it until a write commits. */
export function createPlanCache(store: Store): () => Promise<PlanIndex> {
  let cached: { revision: number; index: PlanIndex } | null = null;
  return async () => {
    const revision = await store.revision();
    if (cached?.revision === revision) return cached.index;
    const snapshot = await store.snapshot();
    cached = { revision: snapshot.revision, index: buildIndex(snapshot) };
    return cached.index;
  };
}
