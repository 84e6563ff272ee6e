/**
 * `npm run demo`: the app over a separate demo database, fresh on every run, holding the strategy
 * and the clearly labelled sample progress scenario (FY2015–FY2019). The real database
 * (data/tracker.db) is never touched.
 *
 *   npm run demo                 build, then serve http://localhost:8080 from data/demo.db
 *   PORT=8090 npm run demo -- --no-build
 *   DEMO_DATABASE=/tmp/demo.db npm run demo
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, seedIfEmpty } from '../src/server/bootstrap';
import { systemClock } from '../src/server/clock';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const database = resolve(root, process.env.DEMO_DATABASE ?? 'data/demo.db');
const port = process.env.PORT ?? '8080';

if (database === resolve(root, 'data/tracker.db')) {
  console.error('demo: refusing to use the real database data/tracker.db; set DEMO_DATABASE to another file');
  process.exit(2);
}

// Fresh each run: the database and its WAL files go.
for (const suffix of ['', '-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
mkdirSync(dirname(database), { recursive: true });

const store = createSqliteStore(openDatabase(database));
const seeded = await seedIfEmpty(store, systemClock);
const raw: unknown = JSON.parse(readFileSync(resolve(root, 'seeds/scenarios/sample.json'), 'utf8'));
const scenario = await loadScenario(store, systemClock, raw, 'demo');
// Demo accounts with printed passwords belong with the accounts work (issue 4); until then the
// server prints its one-time administrator password on this fresh database.
await store.close();
console.log(
  `demo: ${database} — ${seeded.measures} measures and the sample scenario "${scenario.label.ja}" ` +
    `(${scenario.events.length} updates, fictitious; the app shows a banner)`,
);

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn('npx', ['tsx', 'src/server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: `file:${database}`, PORT: port },
});
const stop = (signal: NodeJS.Signals) => server.kill(signal);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
