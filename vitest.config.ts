import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** `@/domain/…`, `@/client/…`, `@/server/…` as in tsconfig.json's paths (docs/decisions/010). */
const alias = [
  { find: /^@\/(domain|client|server)\//, replacement: `${fileURLToPath(new URL('./src', import.meta.url))}/$1/` },
];

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  test: {
    // Node for domain/server/store; jsdom for client component tests (by file location).
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'seeds/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
  },
});
