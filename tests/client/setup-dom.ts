import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The mock API is the real app: a first request builds the plan index, and a loaded CI machine
// can take longer than Testing Library's default second to render a page of 50 rows.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no layout: the router's scroll restoration calls scrollTo, which jsdom reports as
// "not implemented". Nothing to restore in a test, so make it a no-op.
window.scrollTo = () => {};

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  // The language toggle remembers its choice; each test starts from the default (Japanese).
  localStorage.clear();
  document.documentElement.removeAttribute('lang');
});
