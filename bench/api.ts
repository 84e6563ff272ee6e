/**
 * API benchmark (`npm run bench:api`): 5,000 synthetic measures, signed in, autocannon at 1 and 50
 * connections against the real server and against a bare node:http server sending the same bytes.
 * Prints requests/s, p50/p99 latency and the ratio; records the run in bench/results/.
 * Targets: ratio ≥ 0.75 on the list page; p99 ≤ 250 ms at 50 connections.
 *
 * With PG_TEST_URL set (a PostgreSQL server, `.ci/postgres`), the same data is copied into a fresh
 * PostgreSQL database (migrate-data) and each path is measured at 50 connections on one SQLite
 * instance, one PostgreSQL instance and two PostgreSQL instances (25 connections each), side by
 * side. Targets: one PostgreSQL instance ≥ 0.7 of SQLite; p99 ≤ 50 ms.
 *
 * Both servers get the same request headers (the session cookie and CSRF token) and send the same
 * response bytes, headers included. Throughput on a shared machine moves with whatever else runs, so
 * the run also prints each server's CPU time per request (from /proc, Linux only), which other load
 * disturbs far less, and the load average before and after. Each server first answers each path
 * for BENCH_WARMUP seconds (default 5), unrecorded: the figures are the steady state of a long-running
 * server, not V8 compiling the app's code while the bare server has none to compile.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { cli, freePort, ROOT, signInHttp, startServer, stopServer } from '../scripts/lib/server-process';
import { recordRun } from './record';

const MEASURES = Number(process.env.BENCH_MEASURES ?? 5000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const USER = { email: 'bench@nisc.example.go.jp', password: 'autocannon-fifty-connections' };
const PATHS = ['/api/measures?limit=100&asOf=2017-03-31', '/api/stats?asOf=2017-03-31'];

type Figures = {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  cpuUsPerRequest: number | null;
};

/** The process's user + system CPU time in ms (clock ticks of 10 ms), or null where /proc is absent. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function cannon(
  url: string,
  headers: Record<string, string>,
  connections: number,
  pid: number | undefined,
): Promise<Figures> {
  const before = cpuMs(pid);
  const r = await autocannon({ url, headers, connections, duration: DURATION, pipelining: 1 });
  const after = cpuMs(pid);
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
    cpuUsPerRequest:
      before === null || after === null || !r.requests.total
        ? null
        : Math.round(((after - before) * 1000) / r.requests.total),
  };
}

const load = () => loadavg().map((l) => +l.toFixed(2));
const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
const env = { DATABASE_URL: `file:${join(dir, 'tracker.db')}` };
console.log(`preparing ${MEASURES} synthetic measures…`);
console.log(
  cli(['seed', 'synthetic', '--measures', String(MEASURES), '--ministries', '20', '--years', '5'], env).stdout.trim(),
);
cli(['user', 'add', '--email', USER.email, '--name', 'Bench', '--role', 'nisc_staff'], env, USER.password);
const server = await startServer(env);
const headers = await signInHttp(server.url, USER.email, USER.password);

// Record the real responses, byte for byte, for the bare server.
const recording: Record<string, { status: number; headers: Record<string, string>; body: string }> = {};
for (const path of PATHS) {
  const res = await fetch(server.url + path, { headers });
  const hs: Record<string, string> = {};
  res.headers.forEach((v, k) => (hs[k] = v));
  recording[path] = { status: res.status, headers: hs, body: Buffer.from(await res.arrayBuffer()).toString('base64') };
}
const recordingFile = join(dir, 'recording.json');
writeFileSync(recordingFile, JSON.stringify(recording));
const barePort = await freePort();
const bare = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts', recordingFile, String(barePort)], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => bare.stdout.once('data', resolve));

const loadBefore = load();
console.log(
  `load average ${loadBefore.join(' ')} (${MEASURES} measures, ${DURATION} s per run after ${WARMUP} s warm-up per path)`,
);
const rows: Record<string, unknown>[] = [];
for (const path of PATHS) {
  for (const base of [server.url, `http://127.0.0.1:${barePort}`])
    if (WARMUP > 0) await autocannon({ url: base + path, headers, connections: 1, duration: WARMUP });
  for (const connections of [1, 50]) {
    const real = await cannon(server.url + path, headers, connections, server.child.pid);
    const base = await cannon(`http://127.0.0.1:${barePort}${path}`, headers, connections, bare.pid);
    const ratio = +(real.rps / base.rps).toFixed(2);
    const cpuRatio =
      real.cpuUsPerRequest && base.cpuUsPerRequest ? +(base.cpuUsPerRequest / real.cpuUsPerRequest).toFixed(2) : null;
    rows.push({ path, connections, app: real, bare: base, ratio, cpuRatio });
    const cpu = (f: Figures) => (f.cpuUsPerRequest === null ? '' : ` cpu ${f.cpuUsPerRequest} µs/req`);
    console.log(
      `${path.padEnd(42)} c=${String(connections).padStart(2)}  app ${String(real.rps).padStart(6)} req/s p50 ${real.p50} ms p99 ${real.p99} ms${cpu(real)}` +
        `  | bare ${String(base.rps).padStart(6)} req/s p99 ${base.p99} ms${cpu(base)}  | ratio ${ratio}` +
        `${cpuRatio === null ? '' : ` (cpu ${cpuRatio})`}${real.non2xx ? `  (non-2xx ${real.non2xx})` : ''}`,
    );
  }
}
const postgres = process.env.PG_TEST_URL ? await comparePostgres(process.env.PG_TEST_URL) : null;
if (!postgres) console.log('PostgreSQL: not measured (set PG_TEST_URL, e.g. from .ci/postgres)');
const loadAfter = load();
console.log(`load average ${loadAfter.join(' ')}`);
bare.kill();
await stopServer(server);
rmSync(dir, { recursive: true, force: true });
console.log(
  `recorded in ${recordRun('api', { measures: MEASURES, durationSeconds: DURATION, warmupSeconds: WARMUP, loadAverage: { before: loadBefore, after: loadAfter }, rows, postgres })}`,
);

/** Several autocannon runs at once, one per URL: summed requests/s, the worst p99. */
async function together(urls: string[], headers: Record<string, string>, connections: number) {
  const runs = await Promise.all(
    urls.map((url) => autocannon({ url, headers, connections, duration: DURATION, pipelining: 1 })),
  );
  return {
    rps: runs.reduce((sum, r) => sum + Math.round(r.requests.average), 0),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
  };
}

async function comparePostgres(baseUrl: string) {
  const pg = (await import('pg')).default;
  const name = `bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString();
  const pgServers: Awaited<ReturnType<typeof startServer>>[] = [];
  try {
    const moved = cli(['migrate-data', '--from', env.DATABASE_URL, '--to', url], {});
    if (moved.status !== 0) throw new Error(`migrate-data failed: ${moved.stdout}${moved.stderr}`);
    pgServers.push(await startServer({ DATABASE_URL: url }), await startServer({ DATABASE_URL: url }));
    const pgHeaders = await signInHttp(pgServers[0]!.url, USER.email, USER.password);
    const out: Record<string, unknown>[] = [];
    console.log('\nat 50 connections        one SQLite            one PostgreSQL        two PostgreSQL (25 + 25)');
    for (const path of PATHS) {
      for (const s of pgServers)
        if (WARMUP > 0) await autocannon({ url: s.url + path, headers: pgHeaders, connections: 1, duration: WARMUP });
      const sqlite = await together([server.url + path], headers, 50);
      const one = await together([pgServers[0]!.url + path], pgHeaders, 50);
      const two = await together(
        pgServers.map((s) => s.url + path),
        pgHeaders,
        25,
      );
      const ratio = +(one.rps / sqlite.rps).toFixed(2);
      out.push({ path, sqlite, postgresOne: one, postgresTwo: two, ratio });
      const cell = (f: { rps: number; p99: number; non2xx: number }) =>
        `${String(f.rps).padStart(6)} req/s p99 ${String(f.p99).padStart(3)} ms${f.non2xx ? ` (${f.non2xx} failed)` : ''}`;
      console.log(
        `${path.split('?')[0]!.padEnd(24)} ${cell(sqlite)}  ${cell(one)}  ${cell(two)}  | PG/SQLite ${ratio} (target ≥ 0.7)`,
      );
    }
    return out;
  } finally {
    await Promise.all(pgServers.map((s) => stopServer(s)));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
