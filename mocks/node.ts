import { setupServer } from 'msw/node';
import { createMockBackend, type MockOptions } from './app';
import { forwardTo } from './handlers';

/** For component tests: an MSW server forwarding to the real app over a fresh in-memory store. */
export async function createMockServer(options: MockOptions = {}) {
  const backend = await createMockBackend(options);
  return { server: setupServer(...forwardTo(backend.app, backend.session)), ...backend };
}
