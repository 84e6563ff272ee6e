import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from './app';
import { seedIfEmpty } from './bootstrap';
import { systemClock } from './clock';
import { databasePath, parseEnv } from './env';
import { createSqliteStore, openDatabase } from './store/sqlite';

/** The only Node entry point: configuration, the database, the API and the built SPA. */
async function main() {
  const env = parseEnv(process.env);
  const path = databasePath(env.DATABASE_URL);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const store = createSqliteStore(openDatabase(path));
  const seeded = await seedIfEmpty(store, systemClock);
  if (seeded.seeded) console.log(`seeded ${seeded.measures} measures from seeds/ into ${path}`);

  const app = createApp({ store, clock: systemClock, log: (m, e) => console.error(m, e) });
  app.use('/*', serveStatic({ root: env.STATIC_DIR }));
  // Client-side routes: every other GET answers with the SPA's index.html.
  app.get('*', serveStatic({ root: env.STATIC_DIR, path: 'index.html' }));

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    console.log(`tracker listening on http://localhost:${info.port} (database ${path})`);
  });
  if ('headersTimeout' in server) {
    server.headersTimeout = 10_000;
    server.requestTimeout = 30_000;
  }
  const stop = () => {
    server.close();
    void store.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
