import sample from '../seeds/scenarios/sample.json' with { type: 'json' };
import { createApp } from '../src/server/app';
import { loadScenario, seedIfEmpty } from '../src/server/bootstrap';
import { systemClock, type Clock } from '../src/server/clock';
import { createMemoryStore } from '../src/server/store/memory';
import type { Store } from '../src/server/store/port';

export type MockOptions = { clock?: Clock; scenario?: boolean };

/** The mock IS the app: the real createApp over the in-memory store, seeded from seeds/. */
export async function createMockBackend({ clock = systemClock, scenario = false }: MockOptions = {}): Promise<{
  app: ReturnType<typeof createApp>;
  store: Store;
}> {
  const store = createMemoryStore();
  await seedIfEmpty(store, clock);
  if (scenario) await loadScenario(store, clock, sample);
  return { app: createApp({ store, clock }), store };
}
