import sample from '../seeds/scenarios/sample.json' with { type: 'json' };
import { createApp } from '../src/server/app';
import { loadScenario, seedIfEmpty } from '../src/server/bootstrap';
import { systemClock, type Clock } from '../src/server/clock';
import { createMemoryStore } from '../src/server/store/memory';
import type { Store } from '../src/server/store/port';
import { seedTestUsers, signIn, type TestSession, type TestUser } from '../src/server/testing';

export type MockOptions = {
  clock?: Clock;
  scenario?: boolean;
  /** Who the mock is signed in as (null: nobody, so the app shows its sign-in page). */
  as?: TestUser | null;
};

/** The mock IS the app: the real createApp over the in-memory store, seeded from seeds/. */
export async function createMockBackend({
  clock = systemClock,
  scenario = false,
  as = 'staff',
}: MockOptions = {}): Promise<{
  app: ReturnType<typeof createApp>;
  store: Store;
  session: TestSession | null;
}> {
  const store = createMemoryStore();
  await seedIfEmpty(store, clock);
  if (scenario) await loadScenario(store, clock, sample);
  await seedTestUsers(store, clock);
  const app = createApp({ store, clock });
  const session = as ? await signIn(app, clock, as) : null;
  return { app, store, session };
}
