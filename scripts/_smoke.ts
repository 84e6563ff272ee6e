import { createApp } from '../src/server/app';
import { loadScenario, seedIfEmpty } from '../src/server/bootstrap';
import { fixedClock } from '../src/server/clock';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import sample from '../seeds/scenarios/sample.json' with { type: 'json' };
const store = createSqliteStore(openDatabase(':memory:'));
const clock = fixedClock('2016-03-31');
console.log(await seedIfEmpty(store, clock));
await loadScenario(store, clock, sample);
const app = createApp({ store, clock, log: console.error });
for (const u of [
  '/api/health',
  '/api/measures?limit=1',
  '/api/measures?status=foo&bar=1',
  '/api/measures/5.2.3(1)ii-1',
  '/api/stats?granularity=quarter',
  '/api/nope',
  '/api/measures?area=9',
  '/api/measures?health=overdue&limit=0',
  '/api/measures?asOf=2016-02-30',
]) {
  const t0 = performance.now();
  const r = await app.request(u);
  const t = await r.text();
  console.log(r.status, u, (performance.now() - t0).toFixed(1) + 'ms', t.slice(0, 300));
}
