import { setupServer } from 'msw/node';
import { createMockBackend, type MockOptions } from './app';
import { createCookieJar, forwardTo } from './handlers';

/** For component tests: an MSW server forwarding to the real app over a fresh in-memory store. */
export async function createMockServer(options: MockOptions = {}) {
  const backend = await createMockBackend(options);
  const jar = createCookieJar(backend.session);
  return { server: setupServer(...forwardTo(backend.app, backend.session, jar)), jar, ...backend };
}
