import sample from '../seeds/scenarios/sample.json' with { type: 'json' };
import { createApp } from '../src/server/app';
import type { PasswordHasher } from '../src/server/auth/hasher';
import { loadScenario, seedIfEmpty } from '../src/server/bootstrap';
import { systemClock, type Clock } from '../src/server/clock';
import { createMemoryStore } from '../src/server/store/memory';
import type { Store } from '../src/server/store/port';
import { createCookieJar, withCookieJar } from './handlers';
import { seedTestUsers, signIn, type TestSession, type TestUser } from '../src/server/testing';

export type MockOptions = {
  /** Native argon2 under Node (mocks/node.ts), WebAssembly in the browser (mocks/browser.ts). */
  hasher: PasswordHasher;
  clock?: Clock;
  scenario?: boolean;
  /** Who the mock is signed in as (null: nobody, so the app shows its sign-in page). */
  as?: TestUser | null;
};

/** The mock IS the app: the real createApp over the in-memory store, seeded from seeds/. */
export async function createMockBackend({
  hasher,
  clock = systemClock,
  scenario = false,
  as = 'staff',
}: MockOptions): Promise<{
  app: ReturnType<typeof createApp>;
  store: Store;
  session: TestSession | null;
}> {
  const store = createMemoryStore();
  await seedIfEmpty(store, clock);
  if (scenario) await loadScenario(store, clock, sample);
  await seedTestUsers(store, clock, hasher);
  const app = createApp({ store, clock, hasher });
  // Signed in through the cookie jar: in the browser, the Set-Cookie header never reaches signIn.
  const jar = createCookieJar();
  const signedIn = as ? await signIn(withCookieJar(app, jar), clock, as) : null;
  const session = signedIn && jar.cookie ? { ...signedIn, cookie: jar.cookie } : null;
  return { app, store, session };
}
