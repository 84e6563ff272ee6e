import { setupServer } from 'msw/node';
import { nodeHasher } from '../src/server/auth/passwords';
import { createMockBackend, type MockOptions } from './app';
import { createCookieJar, forwardTo } from './handlers';

/** For component tests: an MSW server forwarding to the real app over a fresh in-memory store. */
export async function createMockServer(options: Omit<MockOptions, 'hasher'> = {}) {
  const backend = await createMockBackend({ hasher: nodeHasher, ...options });
  const jar = createCookieJar(backend.session);
  return { server: setupServer(...forwardTo(backend.app, backend.session, jar)), jar, ...backend };
}
