import { beforeAll, describe, expect, it } from 'vitest';
import sample from '../../seeds/scenarios/sample.json' with { type: 'json' };
import {
  ErrorBodySchema,
  MeasureDetailSchema,
  MeasureListSchema,
  MetaSchema,
  MilestoneListSchema,
  MinistryListSchema,
  StatsSchema,
  StrategySchema,
} from '@/domain/contract';
import { computeStats, listMeasures } from '@/domain/contract';
import { ROUTES } from '@/domain/routes';
import { buildIndex } from '@/domain/plan';
import { createApp } from './app';
import { loadScenario, seedIfEmpty } from './bootstrap';
import { fixedClock } from './clock';
import { createMemoryStore } from './store/memory';
import { StoreUnavailableError, type Store } from './store/port';
import { client, seedTestUsers, signIn } from './testing';
import { nodeHasher } from './auth/passwords';

const clock = fixedClock('2016-03-31');
let store: Store;
let app: ReturnType<typeof createApp>;
let viewer: ReturnType<typeof client>;

beforeAll(async () => {
  store = createMemoryStore();
  await seedIfEmpty(store, clock);
  await loadScenario(store, clock, sample);
  app = createApp({ store, clock, hasher: nodeHasher });
  await seedTestUsers(store, clock, nodeHasher);
  viewer = client(app, await signIn(app, clock, 'viewer'));
});

/** Reads as a signed-in viewer: the least privileged role that may read the plan. */
async function get(path: string) {
  const res = await viewer.get(path);
  return { status: res.status, body: (await res.json()) as unknown, headers: res.headers };
}

describe('read API', () => {
  it('answers /api/health', async () => {
    expect(await get('/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('answers /api/ready without a session while the store answers', async () => {
    const res = await createApp({ store, clock, hasher: nodeHasher }).request('/api/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', store: 'memory' });
  });

  it('serves the strategy structure: five areas and chapters 6 and 7, thirteen sections, the items', async () => {
    const { body } = await get('/api/strategy');
    const strategy = StrategySchema.parse(body);
    expect(strategy.areas.map((a) => a.code)).toEqual(['5.1', '5.2', '5.3', '5.4', '6', '7']);
    expect(strategy.sections).toHaveLength(13);
    expect(strategy.items.some((i) => i.code === '5.2.3(1)ii' && i.parentCode === '5.2.3(1)')).toBe(true);
  });

  it('lists measures with every field the contract names, 100 by default, and the total of all matches', async () => {
    const { status, body } = await get('/api/measures');
    expect(status).toBe(200);
    const list = MeasureListSchema.parse(body);
    const snapshot = await store.snapshot();
    expect(list.total).toBe(snapshot.measures.length);
    expect(list.items).toHaveLength(100);
    const first = list.items[0]!;
    expect(first).toMatchObject({
      code: '5.1.1(1)-1',
      sectionCode: '5.1.1',
      leadMinistryId: expect.any(String) as string,
    });
    expect(first.due).toHaveProperty('wording');
  });

  it('filters as the domain rules do, for a given as-of date', async () => {
    const index = buildIndex(await store.snapshot());
    const cases = [
      { area: '5.2' },
      { section: '5.2.3', status: 'in_progress' as const },
      { ministry: 'npa' },
      { health: 'at_risk' as const },
      { dueFy: 2015 },
      { tag: 'tokyo2020' as const },
      // The keyword is the search index's (routes/search.test.ts, tests/search-queries.test.ts).
    ];
    for (const filters of cases) {
      const query = new URLSearchParams({
        ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, String(v)])),
        asOf: '2017-03-31',
        limit: '1000',
      });
      const list = MeasureListSchema.parse((await get(`/api/measures?${query}`)).body);
      const expected = listMeasures(index, filters, { limit: 1000, offset: 0 }, '2017-03-31');
      expect(list.total, JSON.stringify(filters)).toBe(expected.total);
      expect(list.items.map((m) => m.id)).toEqual(expected.items.map((m) => m.id));
    }
  });

  it('pages with limit and offset, at most 1000', async () => {
    const page = MeasureListSchema.parse((await get('/api/measures?limit=10&offset=10')).body);
    const all = MeasureListSchema.parse((await get('/api/measures?limit=1000')).body);
    expect(page.items.map((m) => m.id)).toEqual(all.items.slice(10, 20).map((m) => m.id));
    expect((await get('/api/measures?limit=1001')).status).toBe(422);
  });

  it.each([
    ['status=done', 'status'],
    ['health=fine', 'health'],
    ['area=9.9', 'area'],
    ['ministry=gsoc', 'ministry'],
    ['dueFy=15', 'dueFy'],
    ['asOf=2016-02-30', 'asOf'],
    ['limit=-1', 'limit'],
    ['colour=blue', 'colour'],
    ['status=completed&status=suspended', 'status'],
  ])('refuses %s with a 422 naming %s in Japanese and English', async (query, param) => {
    const { status, body } = await get(`/api/measures?${query}`);
    expect(status).toBe(422);
    const error = ErrorBodySchema.parse(body).error;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain(param);
    expect(error.message).toMatch(/パラメータ.*\/ Invalid parameter/);
    expect(error.issues?.some((i) => i.path.includes(param))).toBe(true);
  });

  it('shows one measure with its source, assignments, history up to the as-of date, and an ETag', async () => {
    const res = await get(`/api/measures/${encodeURIComponent('5.2.3(1)ii-1')}?asOf=2016-03-31`);
    expect(res.status).toBe(200);
    const m = MeasureDetailSchema.parse(res.body);
    expect(m.quote).toContain('GSOC');
    expect(m.breadcrumb.map((b) => b.code)).toEqual(['5.2', '5.2.3', '5.2.3(1)', '5.2.3(1)ii']);
    expect(m.assignments.filter((a) => a.role === 'lead')).toHaveLength(1);
    expect(m.history.every((h) => h.effectiveOn <= '2016-03-31')).toBe(true);
    expect(res.headers.get('ETag')).toBe(`"${m.version}"`);
  });

  it('answers 404 in the error format for an unknown measure and an unknown API path', async () => {
    for (const path of ['/api/measures/nope', '/api/nothing-here']) {
      const { status, body } = await get(path);
      expect(status).toBe(404);
      expect(ErrorBodySchema.parse(body).error.code).toBe('not_found');
    }
  });

  it('serves ministries with their lead and contributing counts', async () => {
    const { items } = MinistryListSchema.parse((await get('/api/ministries')).body);
    const snapshot = await store.snapshot();
    const nisc = items.find((o) => o.id === 'nisc')!;
    expect(nisc.leadCount).toBe(
      snapshot.assignments.filter((a) => a.ministryId === 'nisc' && a.role === 'lead').length,
    );
    expect(items.find((o) => o.id === 'police')).toMatchObject({ assignable: false, impliesId: 'npa' });
  });

  it('serves milestones with the Tokyo 2020 Games dates', async () => {
    const { items } = MilestoneListSchema.parse((await get('/api/milestones')).body);
    expect(items.find((m) => m.id === 'tokyo2020-olympics')).toMatchObject({ start: '2020-07-24', end: '2020-08-09' });
  });

  it('computes stats for an as-of date exactly as the domain does', async () => {
    const stats = StatsSchema.parse((await get('/api/stats?asOf=2017-03-31&granularity=quarter')).body);
    const expected = computeStats(buildIndex(await store.snapshot()), '2017-03-31', 'quarter');
    expect(stats).toEqual(expected);
    expect(stats.byArea.reduce((n, a) => n + a.counts.total, 0)).toBe(stats.overall.total);
  });

  it('reports the loaded sample scenario so the UI can say so', async () => {
    const meta = MetaSchema.parse((await get('/api/meta')).body);
    expect(meta.scenarios.map((s) => s.id)).toEqual(['sample']);
    expect(meta.today).toBe('2016-03-31');
  });

  it('publishes an OpenAPI document listing every route', async () => {
    const { body } = await get('/api/openapi.json');
    const doc = body as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of Object.values(ROUTES))
      expect(doc.paths[route.path]?.[route.method]?.operationId).toBe(route.operationId);
    expect(JSON.stringify(doc.paths['/api/measures'])).toContain('"name":"dueFy"');
  });
});

describe('errors', () => {
  it('answers 503 with Retry-After, not 500, while the database cannot be reached', async () => {
    const down = () => Promise.reject(new StoreUnavailableError(new Error('connect ECONNREFUSED 10.0.0.5:5432')));
    const broken: Store = { ...createMemoryStore(), revision: down, getSession: down, lookupSession: down };
    const app = createApp({ store: broken, clock, hasher: nodeHasher });
    for (const [path, headers] of [
      ['/api/ready', {}],
      ['/api/measures', { cookie: 'sid=abc' }],
    ] as const) {
      const res = await app.request(path, { headers });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('2');
      const text = await res.text();
      expect(text).not.toContain('10.0.0.5');
      expect(ErrorBodySchema.parse(JSON.parse(text)).error.code).toBe('store_unavailable');
    }
  });

  it('never leaks internals in a 5xx', async () => {
    // The session lookup is the first thing a signed-in request does: make it fail.
    const fire = () => Promise.reject(new Error('disk on fire at /var/secret'));
    const broken: Store = { ...createMemoryStore(), getSession: fire, lookupSession: fire };
    const logged: unknown[] = [];
    const res = await createApp({ store: broken, clock, hasher: nodeHasher, log: (_m, e) => logged.push(e) }).request(
      '/api/measures',
      {
        headers: { cookie: 'sid=abc' },
      },
    );
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret');
    expect(ErrorBodySchema.parse(JSON.parse(text)).error.code).toBe('internal');
    expect(logged).toHaveLength(1);
  });
});

describe('afterWrite (main.ts warms the overview’s figures with it)', () => {
  it('is called after each write answered with success, not after reads or refused writes', async () => {
    let writes = 0;
    const watched = createApp({ store, clock, hasher: nodeHasher, afterWrite: () => writes++ });
    const session = await signIn(watched, clock, 'viewer');
    expect(writes).toBe(1);
    const api = client(watched, session);
    expect((await api.get('/api/meta')).status).toBe(200);
    expect((await api.post('/api/measures/no-such-measure/updates', {})).status).toBeGreaterThanOrEqual(400);
    expect(writes).toBe(1);
  });
});
