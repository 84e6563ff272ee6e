import { afterEach, beforeEach } from 'vitest';

// A console.error during a test is a bug we have not noticed yet: fail loudly (epic-stack's rule).
const originalError = console.error;
beforeEach(() => {
  console.error = (...args: unknown[]) => {
    originalError(...args);
    throw new Error(`console.error was called: ${args.map(String).join(' ').slice(0, 500)}`);
  };
});
afterEach(() => {
  console.error = originalError;
});
