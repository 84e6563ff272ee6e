import './setup-dom';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { App } from '../../src/client/app/app';
import type { Lang } from '../../src/domain/i18n';
import { buildIndex, type PlanIndex } from '../../src/domain/snapshot';
import { fixedClock } from '../../src/server/clock';
import { createMockServer } from '../../mocks/node';

/** The date every client test runs on: the end of FY2015, the first year of the plan. */
export const TODAY = '2016-03-31';

type MockApi = Awaited<ReturnType<typeof createMockServer>> & { index: PlanIndex };

/**
 * Starts the real API (MSW → createApp → in-memory store) for the enclosing file or describe
 * block. Returns a getter: the server exists only once beforeAll has run.
 */
export function setupMockApi({ scenario = true }: { scenario?: boolean } = {}): () => MockApi {
  let api: MockApi | undefined;
  beforeAll(async () => {
    const mock = await createMockServer({ clock: fixedClock(TODAY), scenario });
    // The expected answers come from the same domain functions over the same store.
    api = { ...mock, index: buildIndex(await mock.store.snapshot()) };
    api.server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => api?.server.resetHandlers());
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
