import { describe, expect, it } from 'vitest';
import sample from '../../../seeds/scenarios/sample.json' with { type: 'json' };
import { MetaSchema } from '@/domain/contract';
import { createApp } from '../app';
import { loadScenario, seedIfEmpty } from '../bootstrap';
import { fixedClock } from '../clock';
import { createMemoryStore } from '../store/memory';
import { client, seedTestUsers, signIn } from '../testing';
import { nodeHasher } from '../auth/passwords';

/** Pages open on dates from the data once the plan period is over (docs/decisions/017-dates-from-the-data.md). */
async function appOn(today: string, withSample: boolean) {
  const clock = fixedClock(today);
  const store = createMemoryStore();
  await seedIfEmpty(store, clock);
  if (withSample) await loadScenario(store, clock, sample);
  await seedTestUsers(store, clock, nodeHasher);
  const app = createApp({ store, clock, hasher: nodeHasher });
  const api = client(app, await signIn(app, clock, 'staff'));
  return async (path: string) => {
    const res = await api.get(path);
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
}

const latestSampleEvent = sample.events
  .map((e) => e.effectiveOn)
  .sort()
  .at(-1)!;

describe('default dates on the server', () => {
  it('within the plan period every read answers for today', async () => {
    const get = await appOn('2016-10-01', true);
    const meta = MetaSchema.parse(await get('/api/meta'));
    expect(meta.defaults).toMatchObject({ asOf: '2016-10-01', basis: 'today', fy: 2016 });
    expect((await get('/api/dashboard')).asOf).toBe('2016-10-01');
    expect((await get('/api/plans')).fy).toBe(2016);
  });

  it('years after the plan, reads answer for the data’s last update and its fiscal year', async () => {
    const get = await appOn('2026-12-04', true);
    const meta = MetaSchema.parse(await get('/api/meta'));
    expect(latestSampleEvent).toBe('2019-09-30');
    expect(meta.today).toBe('2026-12-04');
    expect(meta.defaults).toEqual({
      asOf: latestSampleEvent,
      basis: 'data',
      dataDate: latestSampleEvent,
      fy: 2019,
      planYears: { first: 2015, last: 2017 },
    });
    expect((await get('/api/dashboard')).asOf).toBe(latestSampleEvent);
    expect((await get('/api/measures?limit=1')).asOf).toBe(latestSampleEvent);
    expect((await get('/api/stats')).asOf).toBe(latestSampleEvent);
    expect((await get('/api/plans')).fy).toBe(2019);
    const report = await get('/api/reports/annual');
    expect(report).toMatchObject({ fy: 2019, asOf: latestSampleEvent });
    // An explicit date still wins.
    expect((await get('/api/dashboard?asOf=2016-03-31')).asOf).toBe('2016-03-31');
  });
});
