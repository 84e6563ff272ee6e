/**
 * Write-path benchmark (`npm run bench:write`): sustained assignment updates per second through the
 * API, each one versioned, committed with its progress event and audit entry, synchronous=FULL.
 * Writers update different assignments (no conflicts); prints updates/s and latency percentiles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, signInHttp, startServer, stopServer } from '../scripts/lib/server-process';
import { recordRun } from './record';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 8);
const USER = { email: 'writer@nisc.example.go.jp', password: 'sustained-updates-per-second' };

const dir = mkdtempSync(join(tmpdir(), 'bench-write-'));
const env = { DATABASE_URL: `file:${join(dir, 'tracker.db')}` };
cli(['seed'], env);
cli(['user', 'add', '--email', USER.email, '--name', 'Writer', '--role', 'nisc_staff'], env, USER.password);
const server = await startServer(env);
const headers = await signInHttp(server.url, USER.email, USER.password);
const { items } = (await (await fetch(`${server.url}/api/measures?limit=1000`, { headers })).json()) as {
  items: { id: string; leadMinistryId: string }[];
};

const latencies: number[] = [];
let refused = 0;
const deadline = Date.now() + SECONDS * 1000;
await Promise.all(
  Array.from({ length: WRITERS }, async (_, w) => {
    let n = 0;
    while (Date.now() < deadline) {
      const m = items[(w + n * WRITERS) % items.length]!;
      const path = `${server.url}/api/measures/${encodeURIComponent(m.id)}`;
      const detail = (await (await fetch(path, { headers })).json()) as {
        assignments: { ministryId: string; version: number }[];
      };
      const a = detail.assignments[0]!;
      const t0 = performance.now();
      const res = await fetch(`${path}/assignments/${a.ministryId}`, {
        method: 'PATCH',
        headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${a.version}"` },
        body: JSON.stringify({
          status: 'in_progress',
          progress: (n % 99) + 1,
          narrative: `bench w${w} #${n}`,
          comment: 'bench',
        }),
      });
      await res.arrayBuffer();
      if (res.status === 200) latencies.push(performance.now() - t0);
      else refused++;
      n++;
    }
  }),
);
await stopServer(server);
rmSync(dir, { recursive: true, force: true });
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  +(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0).toFixed(1);
const figures = {
  writers: WRITERS,
  seconds: SECONDS,
  updates: latencies.length,
  perSecond: +(latencies.length / SECONDS).toFixed(1),
  p50: pct(50),
  p99: pct(99),
  refused,
};
console.log(
  `write path: ${figures.updates} updates in ${SECONDS} s with ${WRITERS} writers = ${figures.perSecond}/s; PATCH p50 ${figures.p50} ms, p99 ${figures.p99} ms; refused ${refused}`,
);
console.log(`recorded in ${recordRun('write', figures)}`);
