import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has no layout: the router's scroll restoration calls scrollTo, which jsdom reports as
// "not implemented". Nothing to restore in a test, so make it a no-op.
window.scrollTo = (() => {}) as typeof window.scrollTo;

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  // The language toggle remembers its choice; each test starts from the default (Japanese).
  localStorage.clear();
  document.documentElement.removeAttribute('lang');
});
