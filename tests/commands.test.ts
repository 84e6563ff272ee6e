import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, ROOT, signInHttp } from '../scripts/lib/server-process';

/**
 * Every command README.md offers a user, run as the README writes it (through npm) on a temp
 * database and free ports: the CLI's seed, scenario, user, backup and check; `npm run demo`,
 * `npm start` (with scheduled backups on), `npm run dev` and `npm run dev:mock`. The drills run in
 * .ci/run. Each server is started in a process group of its own and the whole group is killed.
 */
const dir = mkdtempSync(join(tmpdir(), 'commands-test-'));
const running: ChildProcess[] = [];
const killGroup = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
};
afterAll(async () => {
  for (const child of running) killGroup(child);
  await new Promise((r) => setTimeout(r, 1500));
  for (const child of running) killGroup(child, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const DB = { DATABASE_URL: `file:${join(dir, 'tracker.db')}` };

/**
 * The environment a user's shell gives a command, plus `env`: without the NODE_ENV=test that vitest
 * sets, which Vite would build into the client (React's development build), unlike any user's.
 */
const asUser = (env: Record<string, string>) => ({ ...process.env, NODE_ENV: undefined, ...env });

function npm(args: string[], env: Record<string, string> = DB, input?: string) {
  const r = spawnSync('npm', ['run', '--silent', ...args], {
    cwd: ROOT,
    env: asUser(env),
    input,
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Starts an npm command in its own process group; resolves once `ready` appears in its output. */
function start(args: string[], env: Record<string, string>, ready: RegExp, timeoutMs = 90_000) {
  const child = spawn('npm', ['run', ...args], {
    cwd: ROOT,
    env: asUser(env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  return new Promise<{ child: ChildProcess; output: () => string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const read = (d: Buffer) => {
      output += d.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
}

async function stop(child: ChildProcess) {
  const gone = new Promise((r) => child.once('exit', r));
  killGroup(child);
  await gone;
}

describe('README commands', { timeout: 180_000 }, () => {
  it('npm run cli: seed, scenario load/list, user add/list, backup FILE, check', () => {
    expect(npm(['cli', '--', 'seed']).out).toMatch(/seeded 258 measures/);
    expect(npm(['cli', '--', 'scenario', 'load', 'sample']).out).toMatch(/loaded sample scenario/);
    expect(npm(['cli', '--', 'scenario', 'list']).out).toMatch(/^sample\t/m);
    const add = npm(
      [
        'cli',
        '--',
        'user',
        'add',
        '--email',
        'liaison@npa.go.jp',
        '--name',
        '警察 次郎',
        '--role',
        'liaison',
        '--ministry',
        'npa',
      ],
      DB,
      'a-long-enough-passphrase-2015',
    );
    expect(add.status, add.out).toBe(0);
    expect(npm(['cli', '--', 'user', 'list']).out).toMatch(/liaison@npa\.go\.jp/);
    const file = join(dir, 'backups', 'manual.db');
    const backup = npm(['cli', '--', 'backup', file]);
    expect(backup.out).toMatch(/verified: integrity_check: ok; 258 measures/);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM users WHERE email = ?').pluck().get('liaison@npa.go.jp')).toBe(1);
    copy.close();
    const check = npm(['cli', '--', 'check']);
    expect(check.out).toMatch(/integrity_check: ok; foreign key problems: 0/);
    expect(check.status).toBe(0);
    expect(npm(['cli', '--', 'scenario', 'load', 'no-such']).status).not.toBe(0);
  });

  it('npm run demo serves the app over a fresh demo database with the sample scenario and demo accounts', async () => {
    const port = await freePort();
    const demo = await start(
      ['demo'],
      { PORT: String(port), HOST: '127.0.0.1', DEMO_DATABASE: join(dir, 'demo.db') },
      /tracker listening/,
    );
    const url = `http://127.0.0.1:${port}`;
    expect(await (await fetch(url)).text()).toMatch(/<div id="root">/);
    const viewer = /viewer\s+(\S+)\s+(\S+)/.exec(demo.output())!;
    const headers = await signInHttp(url, viewer[1]!, viewer[2]!);
    const meta = (await (await fetch(`${url}/api/meta`, { headers })).json()) as { scenarios: { id: string }[] };
    expect(meta.scenarios.map((s) => s.id)).toEqual(['sample']);
    await stop(demo.child);
  });

  it('npm start serves the app, and with BACKUP_DIR takes a verified backup at once', async () => {
    const port = await freePort();
    const backups = join(dir, 'scheduled');
    const server = await start(
      ['start'],
      { ...DB, PORT: String(port), HOST: '127.0.0.1', BACKUP_DIR: backups, BACKUP_EVERY: '6h', BACKUP_KEEP: '3' },
      /tracker listening/,
    );
    const url = `http://127.0.0.1:${port}`;
    expect((await fetch(`${url}/api/ready`)).status).toBe(200);
    const page = await (await fetch(`${url}/measures`)).text();
    expect(page).toMatch(/<div id="root">/);
    // The client as a user's `npm start` builds it: React's production build, without the
    // development build's warnings (the test runner's NODE_ENV=test is not passed on).
    const react = /href="(\/assets\/react-[^"]+\.js)"/.exec(page)?.[1];
    expect(react).toBeDefined();
    expect(await (await fetch(`${url}${react}`)).text()).not.toContain('Each child in a list should have a unique');
    for (let i = 0; i < 100 && !/backup \S+: tracker-/.test(server.output()); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(server.output()).toMatch(/backups: every 6h into .*, keeping 3/);
    expect(readdirSync(backups)).toEqual([expect.stringMatching(/^tracker-\d{8}T\d{6}Z\.db$/)]);
    await stop(server.child);
  });

  it('npm run dev: Vite with hot reload proxying /api to the API', async () => {
    const [api, vite] = [await freePort(), await freePort()];
    const dev = await start(['dev'], { ...DB, API_PORT: String(api), VITE_PORT: String(vite) }, /tracker listening/);
    const url = `http://127.0.0.1:${vite}`;
    let health = 0;
    for (let i = 0; i < 100 && health !== 200; i++) {
      health = await fetch(`${url}/api/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (health !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(health).toBe(200);
    expect(await (await fetch(url)).text()).toMatch(/src\/client\/main\.tsx/);
    await stop(dev.child);
  });

  it('npm run dev:mock: the SPA with the API in the browser (MSW)', async () => {
    const port = await freePort();
    const mock = await start(['dev:mock'], { VITE_PORT: String(port) }, /ready in/);
    const url = `http://localhost:${port}`;
    expect(await (await fetch(url)).text()).toMatch(/src\/client\/main\.tsx/);
    // The mock's entry (createApp over the in-memory store) compiles for the browser.
    expect((await fetch(`${url}/mocks/browser.ts`)).status).toBe(200);
    expect(
      existsSync(join(ROOT, 'mockServiceWorker.js')) || existsSync(join(ROOT, 'public/mockServiceWorker.js')),
    ).toBe(true);
    await stop(mock.child);
  });
});
