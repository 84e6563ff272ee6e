/**
 * npm run bench:rounds — issue 12's figures on the 5,000-measure synthetic plan with 40 ministries, in a
 * temporary SQLite database (synchronous=FULL): opening a round over every ministry (one audited write
 * of every row, notifications and mail jobs) and the staff board's answer (GET /api/rounds/{id}).
 * Targets: opening ≤ 1 s, the board ≤ 100 ms. Prints the figures and records them in bench/results.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/server/app';
import { nodeHasher } from '../src/server/auth/passwords';
import { fixedClock } from '../src/server/clock';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import { seedSynthetic } from '../src/server/synthetic';
import { seedTestUsers, signIn, client } from '../src/server/testing';
import { recordRun } from './record';

const MEASURES = Number(process.env.BENCH_MEASURES ?? 5000);
const MINISTRIES = Number(process.env.BENCH_MINISTRIES ?? 40);
const BOARD_RUNS = Number(process.env.BENCH_RUNS ?? 50);

const dir = mkdtempSync(join(tmpdir(), 'bench-rounds-'));
const clock = fixedClock('2016-03-31');
const store = createSqliteStore(openDatabase(join(dir, 'tracker.db')));
await seedSynthetic(store, clock, { measures: MEASURES, ministries: MINISTRIES, years: 3 });
await seedTestUsers(store, clock, nodeHasher);
const app = createApp({ store, clock, hasher: nodeHasher });
const staff = client(app, await signIn(app, clock, 'staff'));
await staff.get('/api/measures?limit=1'); // index the plan first, as main.ts does at start-up

const body = { title: '合成照会', kind: 'annual', fy: 2016, asOf: '2016-03-31', dueOn: '2016-04-30' };
const opens: number[] = [];
let roundId = '';
let rows = 0;
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const res = await staff.post('/api/rounds', { ...body, title: `${body.title} ${i + 1}` });
  const detail = (await res.json()) as { round: { id: string; ministryIds: string[] }; ministries: { owed: number }[] };
  opens.push(performance.now() - t0);
  if (res.status !== 201) throw new Error(`open failed: ${res.status}`);
  roundId = detail.round.id;
  rows = detail.ministries.reduce((n, m) => n + m.owed, 0);
}
const board: number[] = [];
for (let i = 0; i < BOARD_RUNS; i++) {
  const t0 = performance.now();
  const res = await staff.get(`/api/rounds/${roundId}`);
  await res.arrayBuffer();
  board.push(performance.now() - t0);
}
await store.close();
rmSync(dir, { recursive: true, force: true });

const pct = (xs: number[], p: number) =>
  +[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!.toFixed(1);
const figures = {
  measures: MEASURES,
  ministries: MINISTRIES,
  rowsPerRound: rows,
  openMs: { runs: opens.map((x) => +x.toFixed(1)), median: pct(opens, 50), target: 1000 },
  boardMs: { p50: pct(board, 50), p95: pct(board, 95), max: pct(board, 100), runs: BOARD_RUNS, target: 100 },
};
console.log(JSON.stringify(figures, null, 2));
console.log(`recorded in ${recordRun('rounds', figures)}`);
