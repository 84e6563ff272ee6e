/**
 * Fault drills (`npm run drill`): figures, not assertions. Each drill prints what it did and what it
 * found; the process exits non-zero if an acknowledged write went missing or the database is damaged.
 *
 *   1. crash: SIGKILL the server 20 times under concurrent write load; after each kill,
 *      PRAGMA integrity_check and every write the API acknowledged must be present.
 *   2. slow clients: a client trickling headers is cut off; an oversized body gets 413 and the
 *      server's memory stays flat; 3,000 trickling connections are capped per address
 *      (lib/slow-connections.ts).
 *   3. backup: an online backup taken while writes continue restores to a working tracker with the
 *      same data.
 *   4. hostile upload: the quadratic XLSX of issue 17 while another client asks /api/health
 *      (lib/hostile-upload.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hostileUploadDrill } from './lib/hostile-upload';
import { cli, signInHttp, startServer, stopServer, type RunningServer } from './lib/server-process';
import { slowConnectionsDrill } from './lib/slow-connections';

const STAFF = { email: 'ops@nisc.example.go.jp', password: 'kill-nine-twenty-times-2015' };
const ROUNDS = Number(process.env.DRILL_ROUNDS ?? 20);
const WORKERS = 8;
const MEASURES = ['5.2.3(1)ii-1', '5.2.3(1)i-1', '5.2.2(2)-4', '6-4', '5.4.2(5)-3'];

function prepare(dir: string): Record<string, string> {
  const env = { DATABASE_URL: `file:${join(dir, 'tracker.db')}` };
  const r = cli(
    ['user', 'add', '--email', STAFF.email, '--name', 'Drill', '--role', 'nisc_staff'],
    env,
    STAFF.password,
  );
  if (r.status !== 0) throw new Error(`user add failed: ${r.stderr}`);
  return env;
}

type Ack = { narrative: string };

/** Writers: read an assignment's version, PATCH it with a unique narrative; remember each 200. */
async function writeLoad(
  server: RunningServer,
  headers: Record<string, string>,
  acks: Ack[],
  stop: { now: boolean },
  tag: string,
) {
  let n = 0;
  const worker = async (w: number) => {
    while (!stop.now) {
      const id = MEASURES[(w + n) % MEASURES.length]!;
      try {
        const detail = (await (
          await fetch(`${server.url}/api/measures/${encodeURIComponent(id)}`, { headers })
        ).json()) as {
          assignments: { ministryId: string; version: number; status: string }[];
        };
        const a = detail.assignments[0]!;
        const narrative = `drill ${tag} w${w} #${n++}`;
        const res = await fetch(`${server.url}/api/measures/${encodeURIComponent(id)}/assignments/${a.ministryId}`, {
          method: 'PATCH',
          headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${a.version}"` },
          body: JSON.stringify({ status: 'in_progress', progress: n % 100, narrative, comment: 'drill' }),
        });
        if (res.status === 200) acks.push({ narrative });
      } catch {
        return; // the server died under us: that is the drill
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
}

function checkDatabase(path: string, acks: Ack[]): { integrity: string; missing: number; events: number } {
  const db = new Database(path, { readonly: true });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const present = new Set(
      (
        db.prepare(`SELECT narrative FROM progress_events WHERE narrative LIKE 'drill %'`).all() as {
          narrative: string;
        }[]
      ).map((r) => r.narrative),
    );
    return { integrity, missing: acks.filter((a) => !present.has(a.narrative)).length, events: present.size };
  } finally {
    db.close();
  }
}

async function crashDrill(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'drill-crash-'));
  const env = prepare(dir);
  const acks: Ack[] = [];
  let ok = true;
  const started = Date.now();
  for (let round = 1; round <= ROUNDS; round++) {
    const server = await startServer(env);
    const headers = await signInHttp(server.url, STAFF.email, STAFF.password);
    const stop = { now: false };
    const load = writeLoad(server, headers, acks, stop, `r${round}`);
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
    server.child.kill('SIGKILL');
    stop.now = true;
    await load;
    await stopServer(server);
    const check = checkDatabase(join(dir, 'tracker.db'), acks);
    const good = check.integrity === 'ok' && check.missing === 0;
    ok &&= good;
    console.log(
      `  round ${String(round).padStart(2)}: acknowledged so far ${acks.length}, integrity ${check.integrity}, missing ${check.missing}`,
    );
  }
  console.log(
    `crash: ${ROUNDS} kills, ${acks.length} acknowledged writes, ${ok ? 'none lost, integrity ok' : 'PROBLEMS FOUND'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  rmSync(dir, { recursive: true, force: true });
  return ok;
}

function rss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return NaN;
  }
}

async function slowClientDrill(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'drill-slow-'));
  const env = prepare(dir);
  const server = await startServer(env);
  // 1. Trickle one header byte a second and see when the server hangs up.
  const cutAfter = await new Promise<number>((resolve) => {
    const started = Date.now();
    const socket = connect(server.port, '127.0.0.1', () => socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n'));
    const timer = setInterval(() => socket.writable && socket.write('X'), 1000);
    const done = () => {
      clearInterval(timer);
      resolve((Date.now() - started) / 1000);
    };
    socket.on('close', done);
    socket.on('error', () => undefined);
    setTimeout(() => {
      socket.destroy();
    }, 40_000);
  });
  // 2. An oversized body: refused with 413, memory flat.
  const before = rss(server.child.pid!);
  const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
  const t0 = Date.now();
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: big,
  }).catch((e: unknown) => ({ status: `connection closed (${String(e)})` }));
  const after = rss(server.child.pid!);
  const connections = await slowConnectionsDrill(server);
  await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
  const status = 'status' in res ? res.status : '?';
  console.log(`slow headers: connection cut after ${cutAfter.toFixed(1)} s (target ≤ 15 s)`);
  console.log(
    `oversized body (50 MiB): ${String(status)} in ${Date.now() - t0} ms; server RSS ${before.toFixed(0)} → ${after.toFixed(0)} MiB`,
  );
  return connections && cutAfter <= 15 && (status === 413 || String(status).startsWith('connection closed'));
}

async function backupDrill(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'drill-backup-'));
  const env = prepare(dir);
  const server = await startServer(env);
  const headers = await signInHttp(server.url, STAFF.email, STAFF.password);
  const acks: Ack[] = [];
  const stop = { now: false };
  const load = writeLoad(server, headers, acks, stop, 'b');
  await new Promise((r) => setTimeout(r, 1500));
  const ackedBefore = acks.length;
  const backupFile = join(dir, 'backup.db');
  const t0 = Date.now();
  const r = cli(['backup', backupFile], env);
  const took = Date.now() - t0;
  await new Promise((res) => setTimeout(res, 500));
  stop.now = true;
  await load;
  await stopServer(server);
  const check = checkDatabase(backupFile, acks.slice(0, ackedBefore));
  // Restore: a server on the backup answers with the same plan.
  const restored = await startServer({ DATABASE_URL: `file:${backupFile}` });
  const h2 = await signInHttp(restored.url, STAFF.email, STAFF.password);
  const list = (await (await fetch(`${restored.url}/api/measures?limit=1`, { headers: h2 })).json()) as {
    total: number;
  };
  await stopServer(restored);
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `backup: taken in ${took} ms while ${acks.length} writes ran (${r.stdout.trim()}); integrity ${check.integrity}; ` +
      `writes acknowledged before the backup missing from it: ${check.missing}; restored tracker serves ${list.total} measures`,
  );
  return r.status === 0 && check.integrity === 'ok' && check.missing === 0 && list.total > 0;
}

const results = {
  crash: await crashDrill(),
  slow: await slowClientDrill(),
  backup: await backupDrill(),
  hostile: await hostileUploadDrill(),
};
console.log(
  `drills: ${Object.entries(results)
    .map(([k, v]) => `${k} ${v ? 'ok' : 'FAILED'}`)
    .join(', ')}`,
);
process.exit(Object.values(results).every(Boolean) ? 0 : 1);
