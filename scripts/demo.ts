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
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, seedIfEmpty } from '../src/server/bootstrap';
import { nodeHasher } from '../src/server/auth/passwords';
import { newUserRecord } from '../src/server/auth/users';
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
// Demo accounts, one per role, with fresh random passwords printed below (this database only).
const DEMO_ACCOUNTS = [
  { email: 'admin@demo.example.go.jp', name: 'デモ 管理者', role: 'nisc_admin', ministryId: null },
  { email: 'staff@demo.example.go.jp', name: 'デモ NISC職員', role: 'nisc_staff', ministryId: null },
  { email: 'liaison@demo.example.go.jp', name: 'デモ 警察庁担当', role: 'liaison', ministryId: 'npa' },
  { email: 'viewer@demo.example.go.jp', name: 'デモ 閲覧者', role: 'viewer', ministryId: null },
] as const;
const printed: string[] = [];
for (const account of DEMO_ACCOUNTS) {
  const password = randomBytes(12).toString('base64url');
  const user = await newUserRecord(
    { ...account, password, mustChangePassword: false, now: systemClock.now() },
    nodeHasher,
  );
  await store.commit(
    [{ kind: 'user', expectVersion: null, next: user }],
    [
      {
        at: systemClock.now(),
        actor: 'demo',
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        before: undefined,
        after: { email: user.email, role: user.role },
        requestId: null,
      },
    ],
  );
  printed.push(`    ${account.role.padEnd(10)} ${account.email.padEnd(28)} ${password}`);
}
await store.close();
console.log(
  ['', 'demo accounts / デモ用アカウント (the administrator sets up TOTP at first sign-in):', ...printed, ''].join(
    '\n',
  ),
);
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
