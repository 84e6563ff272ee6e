import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The SPA lives in src/client; the API is proxied to the Node server in development
// (`npm run dev`), or answered in the browser by MSW over the in-memory store (`npm run dev:mock`).
/** `@/domain/…`, `@/client/…`, `@/server/…` as in tsconfig.json's paths (docs/decisions/010). */
const alias = [
  { find: /^@\/(domain|client|server)\//, replacement: `${fileURLToPath(new URL('./src', import.meta.url))}/$1/` },
];

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  build: { outDir: 'dist/client', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.API_PORT ?? '8080'}` } },
  },
});
