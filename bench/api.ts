/**
 * API benchmark (`npm run bench:api`): 5,000 synthetic measures, signed in, autocannon at 1 and 50
 * connections against the real server and against a bare node:http server sending the same bytes.
 * Prints requests/s, p50/p99 latency and the ratio; records the run in bench/results/.
 * Targets: ratio ≥ 0.75 on the list page; p99 ≤ 250 ms at 50 connections.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { cli, freePort, ROOT, signInHttp, startServer, stopServer } from '../scripts/lib/server-process';
import { recordRun } from './record';

const MEASURES = Number(process.env.BENCH_MEASURES ?? 5000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const USER = { email: 'bench@nisc.example.go.jp', password: 'autocannon-fifty-connections' };
const PATHS = ['/api/measures?limit=100&asOf=2017-03-31', '/api/stats?asOf=2017-03-31'];

type Figures = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

async function cannon(url: string, headers: Record<string, string>, connections: number): Promise<Figures> {
  const r = await autocannon({ url, headers, connections, duration: DURATION, pipelining: 1 });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

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

const rows: Record<string, unknown>[] = [];
for (const path of PATHS) {
  for (const connections of [1, 50]) {
    const real = await cannon(server.url + path, headers, connections);
    const base = await cannon(`http://127.0.0.1:${barePort}${path}`, {}, connections);
    const ratio = +(real.rps / base.rps).toFixed(2);
    rows.push({ path, connections, app: real, bare: base, ratio });
    console.log(
      `${path.padEnd(42)} c=${String(connections).padStart(2)}  app ${String(real.rps).padStart(6)} req/s p50 ${real.p50} ms p99 ${real.p99} ms` +
        `  | bare ${String(base.rps).padStart(6)} req/s p99 ${base.p99} ms  | ratio ${ratio}${real.non2xx ? `  (non-2xx ${real.non2xx})` : ''}`,
    );
  }
}
bare.kill();
await stopServer(server);
rmSync(dir, { recursive: true, force: true });
console.log(`recorded in ${recordRun('api', { measures: MEASURES, durationSeconds: DURATION, rows })}`);
