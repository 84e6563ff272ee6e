import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { browserGraphGuard } from './scripts/lib/browser-graph-guard';
import { firstLoad } from './scripts/lib/first-load';

// The SPA lives in src/client; the API is proxied to the Node server in development
// (`npm run dev`), or answered in the browser by MSW over the in-memory store (mode "mock":
// `npm run dev:mock`, and `npm run build:demo` for the static demo in dist/demo).
/** `@/domain/…`, `@/client/…`, `@/server/…` as in tsconfig.json's paths (docs/decisions/012). */
const alias = [
  { find: /^@\/(domain|client|server)\//, replacement: `${fileURLToPath(new URL('./src', import.meta.url))}/$1/` },
];

export default defineConfig(({ mode }) => {
  const mock = mode === 'mock';
  return {
    plugins: [
      react(),
      browserGraphGuard(),
      // Route preloads, compile hints, precompressed files (decision record 018).
      firstLoad({
        routerFile: fileURLToPath(new URL('./src/client/app/router.tsx', import.meta.url)),
        serverBuild: !mock,
      }),
      ...(mock ? [notFoundPage()] : []),
    ],
    // The static demo can live under a path (`npm run build:demo -- --base /tracker/`, or DEMO_BASE);
    // the router, the assets and the service worker's scope all follow import.meta.env.BASE_URL.
    base: mock ? (process.env.DEMO_BASE ?? '/') : '/',
    resolve: {
      // In the browser, createApp's few node:crypto calls run on Web Crypto and hash-wasm.
      alias: [
        ...alias,
        // zod without its eval probe, which the CSP reports on every page load (src/client/zod.ts).
        { find: /^zod$/, replacement: fileURLToPath(new URL('./src/client/zod.ts', import.meta.url)) },
        ...(mock
          ? [{ find: 'node:crypto', replacement: fileURLToPath(new URL('./mocks/browser-crypto.ts', import.meta.url)) }]
          : []),
      ],
    },
    // No source maps in the build: served, they would publish the whole client source (issue 17).
    build: { outDir: mock ? 'dist/demo' : 'dist/client', emptyOutDir: true, sourcemap: false },
    server: {
      // VITE_PORT: another port for `npm run dev` / `dev:mock` (the commands test runs them on free ports).
      port: Number(process.env.VITE_PORT ?? 5173),
      strictPort: process.env.VITE_PORT !== undefined,
      proxy: mock ? undefined : { '/api': { target: `http://127.0.0.1:${process.env.API_PORT ?? '8080'}` } },
    },
  };
});

/**
 * The demo's index.html again as 404.html: hosts such as GitHub Pages answer an unknown path (a deep
 * link, a reload on /tracker/measures/…) with it, and the SPA's router takes over from there.
 */
function notFoundPage(): Plugin {
  return {
    name: 'demo-not-found-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (index?.type === 'asset') this.emitFile({ type: 'asset', fileName: '404.html', source: index.source });
    },
  };
}
