import { createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { cli, freePort, ROOT, startServer } from '../../scripts/lib/server-process';
import { E2E_USERS, stateFile } from './support/users';

/**
 * A fresh SQLite file, the real server on a free port, the strategy seeded on first start, the
 * labelled sample scenario and the test accounts added through the CLI as an operator would.
 */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-'));
  process.env.E2E_STATE_FILE = join(dir, 'state.json');
  // The organisation's provider (`npm run dev:idp`, spec 11) first: the tracker's settings name it.
  const port = await freePort();
  const idp = await startProvider(`http://127.0.0.1:${port}`);
  const env = { DATABASE_URL: `file:${join(dir, 'tracker.db')}`, STATIC_DIR: 'dist/client', ...idp.env };
  const server = await startServer(env, { port });
  const printed = /email:\s+(\S+)\s+password:\s+(\S+)/.exec(server.output().replace(/\n/g, ' '));
  if (!printed) throw new Error(`the first start did not print an administrator password:\n${server.output()}`);
  const load = cli(['scenario', 'load', 'sample'], env);
  if (load.status !== 0) throw new Error(load.stderr);
  for (const u of Object.values(E2E_USERS)) {
    const args = [
      'user',
      'add',
      '--email',
      u.email,
      '--name',
      u.name,
      '--role',
      u.role,
      ...(u.ministry ? ['--ministry', u.ministry] : []),
    ];
    const r = cli(args, env, u.password);
    if (r.status !== 0) throw new Error(`user add ${u.email}: ${r.stderr}`);
  }
  // The server's own output for the rest of the run, to read when a test finds it gone.
  mkdirSync(join(import.meta.dirname, 'artifacts'), { recursive: true });
  const log = createWriteStream(join(import.meta.dirname, 'artifacts', 'server.log'));
  log.write(server.output());
  server.child.stdout?.pipe(log);
  server.child.stderr?.pipe(log);
  server.child.on('exit', (code, signal) => log.write(`\n[server exited: code ${code}, signal ${signal}]\n`));
  process.env.E2E_BASE_URL = server.url;
  writeFileSync(
    stateFile(),
    JSON.stringify({
      url: server.url,
      pid: server.child.pid,
      idpPid: idp.pid,
      idpIssuer: idp.issuer,
      dir,
      admin: { email: printed[1], password: printed[2] },
    }),
  );
  server.child.unref();
}

/** `npm run dev:idp` in its own process group (teardown ends the group); resolves with its settings line. */
function startProvider(trackerUrl: string): Promise<{ pid: number; issuer: string; env: Record<string, string> }> {
  const child = spawn('npm', ['run', '--silent', 'dev:idp'], {
    cwd: ROOT,
    env: { ...process.env, TRACKER_URL: trackerUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const { issuer, env } = JSON.parse(line) as { issuer: string; env: Record<string, string> };
      child.stdout.removeAllListeners('data');
      child.unref();
      resolve({ pid: child.pid!, issuer, env });
    });
    child.on('exit', (code) => reject(new Error(`npm run dev:idp exited (${code}): ${out}`)));
  });
}
