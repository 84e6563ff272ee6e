import './setup-dom';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { App } from '@/client/app/app';
import type { Lang } from '@/domain/plan';
import { buildIndex, type PlanIndex } from '@/domain/plan';
import { mutableClock, type MutableClock } from '@/server/clock';
import { totpAt } from '@/server/auth/totp';
import { client, signIn, TEST_TOTP_SECRET, type TestUser } from '@/server/testing';
import { copyHeaders } from '../../mocks/handlers';
import { createMockServer } from '../../mocks/node';

/** The date every client test runs on: the end of FY2015, the first year of the plan. */
export const TODAY = '2016-03-31';

/** 18:00 in Tokyo on TODAY; it moves only by the 30 s an administrator's sign-in waits for a new code. */
const sharedClock = mutableClock(`${TODAY}T09:00:00.000Z`);

type MockApi = Awaited<ReturnType<typeof createMockServer>> & {
  index: PlanIndex;
  /** The browser's session from now on: signs `who` in (or signs out with null) behind the app's back. */
  signInAs: (who: TestUser | null) => Promise<void>;
  /** Another browser: a client signed in as `who`, sending its own cookie and CSRF token. */
  clientAs: (who: TestUser) => Promise<ReturnType<typeof client>>;
  /** The server's clock: a test moves it on where two writes must not share a moment. */
  clock: MutableClock;
  /** Forwards a request to the app with the browser's cookie, for handlers that wrap the real app. */
  forward: (request: Request) => Response | Promise<Response>;
};

/** The TOTP code for a secret (the seeded admin's by default) on the tests' clock, `ahead` seconds on. */
export const currentTotp = (secret = TEST_TOTP_SECRET, ahead = 0) =>
  totpAt(secret, Date.parse(sharedClock.now()) / 1000 + ahead);

export { TEST_PASSWORD, TEST_TOTP_SECRET, TEST_USERS } from '@/server/testing';

/**
 * Starts the real API (MSW → createApp → in-memory store) for the enclosing file or describe
 * block, signed in `as` a test user (staff unless told; null for nobody). Returns a getter: the
 * server exists only once beforeAll has run. After each test the browser holds `as`'s session again.
 */
export function setupMockApi({
  scenario = true,
  as = 'staff',
  today,
}: {
  scenario?: boolean;
  as?: TestUser | null;
  /** Another day than TODAY for this file's server (e.g. years after the plan period). */
  today?: string;
} = {}): () => MockApi {
  const clock = today ? mutableClock(`${today}T09:00:00.000Z`) : sharedClock;
  let api: MockApi | undefined;
  let initialCookie: string | null = null;
  beforeAll(async () => {
    const mock = await createMockServer({ clock, scenario, as });
    initialCookie = mock.jar.cookie;
    const signInAs = async (who: TestUser | null) => {
      mock.jar.cookie = who ? (await signIn(mock.app, clock, who)).cookie : null;
    };
    const clientAs = async (who: TestUser) => client(mock.app, await signIn(mock.app, clock, who));
    const forward = (request: Request) => {
      const headers = copyHeaders(request.headers);
      if (mock.jar.cookie) headers.set('cookie', mock.jar.cookie);
      return mock.app.fetch(new Request(request, { headers }));
    };
    // The expected answers come from the same domain functions over the same store.
    api = { ...mock, clock, index: buildIndex(await mock.store.snapshot()), signInAs, clientAs, forward };
    api.server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(async () => {
    api?.server.resetHandlers();
    // A test that signed in or out leaves the next one a fresh session of the file's user.
    if (api && api.jar.cookie !== initialCookie) {
      await api.signInAs(as);
      initialCookie = api.jar.cookie;
    }
  });
  afterAll(() => api?.server.close());
  return () => {
    if (!api) throw new Error('setupMockApi: the mock API is not started yet');
    return api;
  };
}

/** Renders the whole app at `url`, with a fresh query cache that does not retry. */
export function renderApp(url: string, { lang }: { lang?: Lang } = {}) {
  const history = createMemoryHistory({ initialEntries: [url] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  const view = render(<App history={history} lang={lang} queryClient={queryClient} />);
  return {
    ...view,
    user,
    history,
    queryClient,
    /** The current URL's query string as a plain object: what a shared link would carry. */
    search: () => Object.fromEntries(new URLSearchParams(history.location.search)),
  };
}
