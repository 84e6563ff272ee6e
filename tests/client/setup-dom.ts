import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The mock API is the real app: a first request builds the plan index, and a loaded CI machine
// can take longer than Testing Library's default second to render a page of 50 rows.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no layout: the router's scroll restoration calls scrollTo, which jsdom reports as
// "not implemented". Nothing to restore in a test, so make it a no-op.
window.scrollTo = () => {};

// jsdom has no layout and no ResizeObserver, which recharts' ResponsiveContainer uses to size its
// chart. Report a fixed box, so charts draw in tests as they do in a browser.
class FixedSizeResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const contentRect = { width: 800, height: 320, top: 0, left: 0, bottom: 320, right: 800, x: 0, y: 0 };
    this.callback([{ target, contentRect } as unknown as ResizeObserverEntry], this);
  }
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= FixedSizeResizeObserver;

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  // The language toggle remembers its choice; each test starts from the default (Japanese).
  localStorage.clear();
  document.documentElement.removeAttribute('lang');
});
