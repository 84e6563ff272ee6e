import { setupWorker } from 'msw/browser';
import { wasmHasher } from '../src/server/auth/passwords-wasm';
import { createMockBackend } from './app';
import { forwardTo } from './handlers';

/** `npm run dev:mock`: the SPA with no server; the API runs in the page over the in-memory store. */
export async function startMockWorker(): Promise<void> {
  const { app, session } = await createMockBackend({ hasher: wasmHasher, scenario: true });
  await setupWorker(...forwardTo(app, session)).start({ onUnhandledRequest: 'bypass' });
}
