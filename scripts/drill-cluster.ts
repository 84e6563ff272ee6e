/**
 * Several instances on one PostgreSQL (`npm run drill:cluster`, issue 13): figures, and a non-zero
 * exit if a check fails. Needs a PostgreSQL server: PG_TEST_URL (what `.ci/postgres` prints); the
 * drill makes a database of its own there and drops it afterwards.
 *
 *   1. visibility: a write on one instance, read on another: the worst delay until it is seen;
 *   2. race: DRILL_RACE_BATCHES × DRILL_RACE_ROUNDS (10 × 1,000) rounds of conflicting writes spread
 *      over the instances, each from the same version: exactly one wins each round;
 *   3. kill -9 one instance under write load: the others keep serving, no acknowledged write lost;
 *   4. restart PostgreSQL under load, down for 4 s (when the drill can: PG_STOP_COMMAND and
 *      PG_START_COMMAND, or the cluster of .ci/postgres): 503 with Retry-After meanwhile, never a
 *      500, and every instance recovers by itself;
 *   5. sign in on one instance, use the session on another, sign out: refused everywhere.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { cli, signInHttp, startServer, stopServer, type RunningServer } from './lib/server-process';

const BASE_URL = process.env.PG_TEST_URL;
const INSTANCES = 3;
const RACE_BATCHES = Number(process.env.DRILL_RACE_BATCHES ?? 10);
const RACE_ROUNDS = Number(process.env.DRILL_RACE_ROUNDS ?? 1000);
const STAFF = { email: 'cluster@nisc.example.go.jp', password: 'three-instances-one-database' };
const MEASURES = ['5.2.3(1)ii-1', '5.2.3(1)i-1', '5.2.2(2)-4', '6-4', '5.4.2(5)-3', '5.1.1(1)-1', '5.3.2(1)ii-1'];
const PG_CI_DIR = process.env.PG_CI_DIR ?? '/tmp/tracker-ci-pg';
const PG_PORT = new URL(BASE_URL ?? 'postgres://x:5432').port || '5432';
/** Stops and starts the server (PG_STOP_COMMAND / PG_START_COMMAND, or the cluster of .ci/postgres). */
const PG_CTL = `runuser -u postgres -- $(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl -D ${PG_CI_DIR}/data -w`;
const CI_CLUSTER = existsSync(`${PG_CI_DIR}/data/PG_VERSION`);
const STOP = process.env.PG_STOP_COMMAND ?? (CI_CLUSTER ? `${PG_CTL} -m fast stop` : null);
const START =
  process.env.PG_START_COMMAND ??
  (CI_CLUSTER
    ? `${PG_CTL} -l ${PG_CI_DIR}/server.log start -o "-c listen_addresses=127.0.0.1 -p ${PG_PORT} -k ${PG_CI_DIR} -c max_connections=200"`
    : null);
/** How long the database stays down: longer than the pool's 3 s wait for a connection. */
const DOWN_MS = 4000;

type Headers = Record<string, string>;

/** An idempotent request, sent again (up to 5 times, 50 ms apart) when its connection closes unanswered. */
async function retried(send: () => Promise<Response>): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
type Assignment = { ministryId: string; version: number; narrative: string };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const enc = encodeURIComponent;

async function assignmentOf(server: RunningServer, headers: Headers, measure: string): Promise<Assignment> {
  const url = `${server.url}/api/measures/${enc(measure)}`;
  // A GET may be sent again: on a loaded machine a kept-alive connection can close as it is reused.
  const res = await retried(() => fetch(url, { headers }));
  if (!res.ok) throw new Error(`GET measure ${measure}: ${res.status}`);
  return ((await res.json()) as { assignments: Assignment[] }).assignments[0]!;
}

/**
 * One conditional write; its body is read before the answer is returned, so the connection goes back
 * to the pool (an unread body holds its connection, and 64 held ones hit the per-address cap).
 */
async function patch(server: RunningServer, headers: Headers, measure: string, a: Assignment, narrative: string) {
  const res = await fetch(`${server.url}/api/measures/${enc(measure)}/assignments/${a.ministryId}`, {
    method: 'PATCH',
    headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${a.version}"` },
    body: JSON.stringify({ status: 'in_progress', progress: 50, narrative, comment: 'cluster drill' }),
  });
  await res.arrayBuffer();
  return res;
}

async function visibility(servers: RunningServer[], sessions: Headers[]): Promise<boolean> {
  const delays: number[] = [];
  for (let i = 0; i < 60; i++) {
    const from = i % servers.length;
    const to = (i + 1) % servers.length;
    const measure = MEASURES[i % MEASURES.length]!;
    const a = await assignmentOf(servers[from]!, sessions[from]!, measure);
    const narrative = `visible ${i}`;
    const res = await patch(servers[from]!, sessions[from]!, measure, a, narrative);
    if (res.status !== 200) throw new Error(`visibility write: ${res.status}`);
    const acked = performance.now();
    for (;;) {
      const seen = await assignmentOf(servers[to]!, sessions[to]!, measure);
      if (seen.narrative === narrative) break;
      if (performance.now() - acked > 5000) break;
    }
    delays.push(performance.now() - acked);
  }
  const worst = Math.max(...delays);
  const ok = worst < 1000;
  console.log(
    `visibility: 60 writes, read on another instance: worst ${worst.toFixed(1)} ms, median ${delays.sort((x, y) => x - y)[30]!.toFixed(1)} ms (target < 1000 ms) ${ok ? 'ok' : 'FAILED'}`,
  );
  return ok;
}

async function race(servers: RunningServer[], sessions: Headers[]): Promise<boolean> {
  const started = performance.now();
  let bad = 0;
  let errors = 0;
  let unanswered = 0;
  const batch = async (b: number) => {
    const measure = MEASURES[b % MEASURES.length]!;
    // Batches on the same measure would race each other too: each batch its own measure when it can.
    const who = b % servers.length;
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const a = await assignmentOf(servers[who]!, sessions[who]!, measure);
      const results = await Promise.all(
        servers.map((s, i) =>
          patch(s, sessions[i]!, measure, a, `race b${b} r${round} i${i}`).then(
            (r) => r.status,
            () => -1, // the connection closed before an answer (keep-alive reuse on a loaded machine)
          ),
        ),
      );
      const wins = results.filter((s) => s === 200).length;
      errors += results.filter((s) => s !== -1 && s !== 200 && s !== 409 && s !== 412).length;
      // A round with an unanswered write may have had its winner there: it can only show two winners.
      if (wins > 1) bad++;
      else if (results.includes(-1)) unanswered++;
      else if (wins === 0) bad++;
    }
  };
  // Batches beyond the number of measures share one: they then race each other as well, which
  // only makes rounds lose (0 winners); so batches run MEASURES.length at a time.
  for (let at = 0; at < RACE_BATCHES; at += MEASURES.length)
    await Promise.all(Array.from({ length: Math.min(MEASURES.length, RACE_BATCHES - at) }, (_, i) => batch(at + i)));
  const rounds = RACE_BATCHES * RACE_ROUNDS;
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `race: ${RACE_BATCHES} × ${RACE_ROUNDS} rounds, ${servers.length} conflicting writes each (one per instance): ` +
      `${rounds - bad - unanswered} with exactly one winner, ${bad} with none or several, ${unanswered} with a write unanswered (connection closed; none had two winners), ${errors} other answers (${seconds.toFixed(1)} s, ${(rounds / seconds).toFixed(0)} rounds/s)`,
  );
  return bad === 0 && errors === 0;
}

/** Writers on every instance but stopped ones; remembers each acknowledged narrative. */
function writeLoad(servers: RunningServer[], sessions: Headers[], tag: string) {
  const acks: string[] = [];
  const statuses = new Map<string, number>();
  const stop = { now: false };
  let n = 0;
  const worker = async (w: number) => {
    const i = w % servers.length;
    const measure = MEASURES[w % MEASURES.length]!;
    while (!stop.now) {
      const server = servers[i]!;
      if (server.child.exitCode !== null || server.child.signalCode !== null) return;
      try {
        const a = await assignmentOf(server, sessions[i]!, measure);
        const narrative = `${tag} w${w} #${n++}`;
        const res = await patch(server, sessions[i]!, measure, a, narrative);
        statuses.set(`${i}:${res.status}`, (statuses.get(`${i}:${res.status}`) ?? 0) + 1);
        if (res.status === 200) acks.push(narrative);
      } catch {
        if (server.child.exitCode !== null || server.child.signalCode !== null) return;
        statuses.set(`${i}:network`, (statuses.get(`${i}:network`) ?? 0) + 1);
        await sleep(50);
      }
    }
  };
  const done = Promise.all(Array.from({ length: servers.length * 3 }, (_, w) => worker(w)));
  return { acks, statuses, stop, done };
}

async function missingIn(url: string, narratives: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ narrative: string }>(
      'SELECT narrative FROM progress_events WHERE narrative = ANY($1)',
      [narratives],
    );
    const present = new Set(rows.map((r) => r.narrative));
    return narratives.filter((n) => !present.has(n)).length;
  } finally {
    await client.end();
  }
}

async function killOne(servers: RunningServer[], sessions: Headers[], url: string): Promise<boolean> {
  const load = writeLoad(servers, sessions, 'kill');
  await sleep(1500);
  servers[0]!.child.kill('SIGKILL');
  const killedAt = load.acks.length;
  await sleep(2500);
  load.stop.now = true;
  await load.done;
  const afterKill = load.acks.length - killedAt;
  const others = [...load.statuses].filter(([k]) => !k.startsWith('0:'));
  const failures = others.filter(([k]) => !/:(200|409|412)$/.test(k)).reduce((s, [, n]) => s + n, 0);
  const missing = await missingIn(url, load.acks);
  const ok = failures === 0 && missing === 0 && afterKill > 0;
  console.log(
    `kill -9: instance 1 of ${servers.length} killed under load; the others acknowledged ${afterKill} writes after the kill, ` +
      `${failures} failed answers; ${load.acks.length} acknowledged in all, ${missing} missing ${ok ? 'ok' : 'FAILED'}`,
  );
  return ok;
}

async function restartDatabase(servers: RunningServer[], sessions: Headers[]): Promise<boolean> {
  if (!STOP || !START) {
    console.log('restart: NOT RUN (no PG_STOP_COMMAND/PG_START_COMMAND and no .ci/postgres cluster to restart)');
    return !process.env.PG_REQUIRED;
  }
  const counts = new Map<number, number>();
  let without = 0;
  const stop = { now: false };
  const reader = async (i: number) => {
    while (!stop.now) {
      try {
        const res = await retried(() => fetch(`${servers[i]!.url}/api/measures?limit=5`, { headers: sessions[i]! }));
        counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
        if (res.status === 503 && !res.headers.get('retry-after')) without++;
        await res.arrayBuffer();
      } catch (error) {
        counts.set(-1, (counts.get(-1) ?? 0) + 1);
        if (process.env.DRILL_VERBOSE) console.log('  reader', i, String(error), (error as { cause?: unknown }).cause);
      }
      await sleep(5);
    }
  };
  const readers = Promise.all(servers.flatMap((_, i) => [reader(i), reader(i)]));
  await sleep(500);
  const t0 = performance.now();
  execSync(STOP, { stdio: 'ignore', shell: '/bin/bash' });
  await sleep(DOWN_MS);
  execSync(START, { stdio: 'ignore', shell: '/bin/bash' });
  const restarted = performance.now() - t0;
  // Every instance recovers by itself: ready, and serving the signed-in reads again.
  const recovered: number[] = [];
  for (const [i, s] of servers.entries()) {
    for (;;) {
      const res = await fetch(`${s.url}/api/measures?limit=1`, { headers: sessions[i]! }).catch(() => null);
      if (res?.status === 200) break;
      if (performance.now() - t0 > 30_000) break;
      await sleep(20);
    }
    recovered.push(performance.now() - t0);
  }
  await sleep(300);
  stop.now = true;
  await readers;
  const of = (s: number) => counts.get(s) ?? 0;
  const worst = Math.max(...recovered);
  const ok = of(500) === 0 && of(-1) === 0 && without === 0 && worst < 30_000;
  if (!ok || process.env.DRILL_VERBOSE) for (const s of servers) console.log(s.output().slice(-2000));
  console.log(
    `restart: PostgreSQL stopped under read load, started again after ${restarted.toFixed(0)} ms: ${of(200)} × 200, ${of(503)} × 503 ` +
      `(${without} without Retry-After), ${of(500)} × 500, ${of(-1)} connection errors; every instance serving again ` +
      `${worst.toFixed(0)} ms after the restart began ${ok ? 'ok' : 'FAILED'}`,
  );
  return ok;
}

async function sessionsAcross(servers: RunningServer[]): Promise<boolean> {
  const headers = await signInHttp(servers[0]!.url, STAFF.email, STAFF.password);
  const statusOn = async (s: RunningServer) => (await retried(() => fetch(`${s.url}/api/session`, { headers }))).status;
  const before = await Promise.all(servers.map(statusOn));
  const out = await fetch(`${servers[1]!.url}/api/session`, { method: 'DELETE', headers });
  const after = await Promise.all(servers.map(statusOn));
  const ok = before.every((s) => s === 200) && out.ok && after.every((s) => s === 401);
  console.log(
    `sessions: signed in on instance 1, used on all: ${before.join('/')}; signed out on instance 2 (${out.status}); ` +
      `then everywhere: ${after.join('/')} ${ok ? 'ok' : 'FAILED'}`,
  );
  return ok;
}

async function main(): Promise<number> {
  if (!BASE_URL) {
    console.log('drill:cluster NOT RUN: set PG_TEST_URL to a PostgreSQL server (.ci/postgres prints one)');
    return process.env.CI || process.env.PG_REQUIRED ? 1 : 0;
  }
  const name = `drill_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = Object.assign(new URL(BASE_URL), { pathname: `/${name}` }).toString();
  const env = { DATABASE_URL: url, PG_POOL_SIZE: '8' };
  const servers: RunningServer[] = [];
  try {
    const r = cli(
      ['user', 'add', '--email', STAFF.email, '--name', 'Cluster', '--role', 'nisc_staff'],
      env,
      STAFF.password,
    );
    if (r.status !== 0) throw new Error(`user add failed: ${r.stderr}`);
    // Started together: the migrations are applied once, under the advisory lock.
    servers.push(
      ...(await Promise.all(Array.from({ length: INSTANCES }, () => startServer(env, { timeoutMs: 120_000 })))),
    );
    console.log(`cluster: ${INSTANCES} instances on ${name} (ports ${servers.map((s) => s.port).join(', ')})`);
    const sessions = await Promise.all(servers.map((s) => signInHttp(s.url, STAFF.email, STAFF.password)));
    const results = [
      await visibility(servers, sessions),
      await race(servers, sessions),
      await sessionsAcross(servers),
      await restartDatabase(servers, sessions),
      await killOne(servers, sessions, url),
    ];
    const ok = results.every(Boolean);
    console.log(ok ? 'drill:cluster: all checks passed' : 'drill:cluster: CHECKS FAILED');
    return ok ? 0 : 1;
  } finally {
    await Promise.all(servers.map((s) => stopServer(s, 'SIGKILL')));
    const cleanup = new pg.Client({ connectionString: BASE_URL });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
