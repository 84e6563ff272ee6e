import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The SPA lives in src/client; the API is proxied to the Node server in development
// (`npm run dev`), or answered in the browser by MSW over the in-memory store (`npm run dev:mock`).
export default defineConfig({
  plugins: [react()],
  // No source maps in the build: served, they would publish the whole client source (issue 17).
  build: { outDir: 'dist/client', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    proxy: { '/api': { target: `http://127.0.0.1:${process.env.API_PORT ?? '8080'}` } },
  },
});
