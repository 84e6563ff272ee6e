import { setupWorker } from 'msw/browser';
import { wasmHasher } from '../src/server/auth/passwords-wasm';
import { TEST_PASSWORD, TEST_USERS } from '../src/server/testing';
import type { DemoAccount } from '../src/client/lib/demo';
import { createMockBackend } from './app';
import { forwardTo } from './handlers';

/** The roles the demo offers with one click (the administrator would need a TOTP code). */
const DEMO_ROLES = ['staff', 'liaison', 'viewer'] as const;

/**
 * `npm run dev:mock` and the static demo (`npm run build:demo`): the SPA with no server; the API runs
 * in the page over the in-memory store, seeded with the sample scenario, signed in as NISC staff.
 * The store lives as long as the page: a reload starts again from the sample (docs/decisions/010).
 */
export async function startMockWorker(): Promise<DemoAccount[]> {
  const { app, session } = await createMockBackend({ hasher: wasmHasher, scenario: true });
  const base = import.meta.env.BASE_URL;
  await setupWorker(...forwardTo(app, session)).start({
    onUnhandledRequest: 'bypass',
    // Served from the base path, the worker's scope is the demo's folder and no more.
    serviceWorker: { url: `${base}mockServiceWorker.js`, options: { scope: base } },
  });
  return DEMO_ROLES.map((key) => ({ ...TEST_USERS[key], password: TEST_PASSWORD }));
}
