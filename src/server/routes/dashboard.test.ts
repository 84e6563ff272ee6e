import { beforeAll, describe, expect, it } from 'vitest';
import sample from '../../../seeds/scenarios/sample.json' with { type: 'json' };
import { ErrorBodySchema, MeasureDetailSchema, StatsSchema, type ProgressPoint } from '@/domain/contract';
import { expectedProgressAt, oneDecimal } from '@/domain/plan';
import { computeStats } from '@/domain/contract';
import { DashboardSchema, MinistrySummarySchema, TimelineSchema } from '@/domain/contract';
import { overview } from '@/domain/dashboard';
import { ministrySummary } from '@/domain/dashboard';
import { buildIndex, type PlanIndex } from '@/domain/plan';
import { timeline } from '@/domain/dashboard';
import { createApp } from '../app';
import { loadScenario, seedIfEmpty } from '../bootstrap';
import { fixedClock } from '../clock';
import { createMemoryStore } from '../store/memory';
import { client, seedTestUsers, signIn } from '../testing';
import { nodeHasher } from '../auth/passwords';

const clock = fixedClock('2016-03-31');
let app: ReturnType<typeof createApp>;
let api: ReturnType<typeof client>;
let index: PlanIndex;

beforeAll(async () => {
  const store = createMemoryStore();
  await seedIfEmpty(store, clock);
  await loadScenario(store, clock, sample);
  await seedTestUsers(store, clock, nodeHasher);
  app = createApp({ store, clock, hasher: nodeHasher });
  // A reader: the dashboard needs only plan.read.
  api = client(app, await signIn(app, clock, 'viewer'));
  index = buildIndex(await store.snapshot());
});

async function get(path: string) {
  const res = await api.get(path);
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('GET /api/dashboard', () => {
  it.each(['2016-03-31', '2018-03-31'])('answers exactly what the domain computes as of %s', async (asOf) => {
    const { status, body } = await get(`/api/dashboard?asOf=${asOf}`);
    expect(status).toBe(200);
    const dashboard = DashboardSchema.parse(body);
    expect(dashboard).toEqual(JSON.parse(JSON.stringify(overview(index, asOf))));
    expect(dashboard.headline.find((f) => f.key === 'total')?.value).toBe(index.snapshot.measures.length);
  });

  it('defaults to today on the server clock and compares with the previous quarter end', async () => {
    const dashboard = DashboardSchema.parse((await get('/api/dashboard')).body);
    expect(dashboard.asOf).toBe('2016-03-31');
    expect(dashboard.previousAsOf).toBe('2015-12-31');
    expect(dashboard.countdowns.tokyo2020).toMatchObject({ days: 1576, tagged: 27, phase: 'upcoming' });
    expect(dashboard.countdowns.next?.milestone.id).toBe('ise-shima-2016');
  });

  it.each([
    ['asOf=2016-02-30', 'asOf'],
    ['limit=5', 'limit'],
  ])('refuses %s with a 422 naming %s', async (query, param) => {
    const { status, body } = await get(`/api/dashboard?${query}`);
    expect(status).toBe(422);
    expect(ErrorBodySchema.parse(body).error.message).toContain(param);
  });
});

describe('GET /api/timeline', () => {
  it.each([
    { query: 'asOf=2016-03-31', groupBy: 'area' as const, fy: null },
    { query: 'asOf=2018-03-31&groupBy=ministry', groupBy: 'ministry' as const, fy: null },
    { query: 'asOf=2018-03-31&groupBy=ministry&fy=2017', groupBy: 'ministry' as const, fy: 2017 },
  ])('answers what the domain computes for $query', async ({ query, groupBy, fy }) => {
    const asOf = new URLSearchParams(query).get('asOf')!;
    const t = TimelineSchema.parse((await get(`/api/timeline?${query}`)).body);
    expect(t).toEqual(JSON.parse(JSON.stringify(timeline(index, asOf, groupBy, fy))));
  });

  it('puts every measure in exactly one group over the whole range', async () => {
    const t = TimelineSchema.parse((await get('/api/timeline?groupBy=ministry')).body);
    const ids = t.groups.flatMap((g) => g.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(index.snapshot.measures.length);
    expect(t.quarters[0]).toMatchObject({ fiscalYear: 2015, quarter: 1, start: '2015-04-01' });
    expect(t.quarters.at(-1)).toMatchObject({ fiscalYear: 2020, quarter: 4, end: '2021-03-31' });
  });

  it('sends at most `limit` rows per group, still counting them all, and one group on request', async () => {
    const whole = timeline(index, '2018-03-31', 'area', null);
    const t = TimelineSchema.parse((await get('/api/timeline?asOf=2018-03-31&limit=7')).body);
    expect(t.groups.map((g) => [g.key, g.total, g.byHealth, g.rows.map((r) => r.id)])).toEqual(
      whole.groups.map((g) => [g.key, g.total, g.byHealth, g.rows.slice(0, 7).map((r) => r.id)]),
    );
    const long = whole.groups.find((g) => g.total > 7)!;
    const one = TimelineSchema.parse((await get(`/api/timeline?asOf=2018-03-31&group=${long.key}&limit=20`)).body);
    expect(one.groups.map((g) => [g.key, g.total, g.rows.length])).toEqual([
      [long.key, long.total, Math.min(20, long.total)],
    ]);
    expect(one.quarters).toEqual(whole.quarters);
  });

  it.each([
    ['groupBy=section', 'groupBy'],
    ['fy=15', 'fy'],
    ['limit=0', 'limit'],
    ['limit=x', 'limit'],
  ])('refuses %s with a 422 naming %s', async (query, param) => {
    const { status, body } = await get(`/api/timeline?${query}`);
    expect(status).toBe(422);
    expect(ErrorBodySchema.parse(body).error.message).toContain(param);
  });
});

describe('GET /api/ministries/:id/summary', () => {
  it.each(['2016-03-31', '2018-03-31'])('answers what the domain computes for MIC as of %s', async (asOf) => {
    const s = MinistrySummarySchema.parse((await get(`/api/ministries/mic/summary?asOf=${asOf}`)).body);
    expect(s).toEqual(JSON.parse(JSON.stringify(ministrySummary(index, 'mic', asOf))));
    expect(s.lead.length + s.contributing.length).toBe(
      index.snapshot.assignments.filter((a) => a.ministryId === 'mic').length,
    );
  });

  it('answers 404 for an unknown ministry and for a body that cannot be assigned work', async () => {
    for (const id of ['nope', 'police']) {
      const { status, body } = await get(`/api/ministries/${id}/summary`);
      expect(status).toBe(404);
      expect(ErrorBodySchema.parse(body).error.code).toBe('not_found');
    }
  });
});

describe('access', () => {
  it.each(['/api/dashboard', '/api/timeline', '/api/ministries/mic/summary'])(
    '%s needs a signed-in reader',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(401);
    },
  );
});

/**
 * Plan vs actual on the sample scenario (issue 11), the figures the overview states. The old chart
 * read 2018-03-31 as 117 completed against a "plan" of 4; the expected line says 97.2 % against 80.9 %.
 */
describe('plan vs actual and the forecast on the sample scenario', () => {
  const stats = async (query: string) => StatsSchema.parse((await get(`/api/stats?${query}`)).body);
  const on = (points: ProgressPoint[], date: string) => points.find((p) => p.date === date);

  it.each([
    ['2016-03-31', 'all', { expectedProgress: 33.2, actualProgress: 17.9, expectedCompleted: 3, completed: 0 }],
    ['2018-03-31', 'all', { expectedProgress: 97.2, actualProgress: 80.9, expectedCompleted: 223, completed: 117 }],
    ['2020-07-24', 'all', { expectedProgress: 99.6, actualProgress: 88.1, expectedCompleted: 223, completed: 155 }],
    ['2016-03-31', 'tokyo2020', { expectedProgress: 25.1, actualProgress: 12.1, expectedCompleted: 0, completed: 0 }],
    ['2018-03-31', 'tokyo2020', { expectedProgress: 75.2, actualProgress: 65.6, expectedCompleted: 13, completed: 6 }],
    ['2020-07-24', 'tokyo2020', { expectedProgress: 96.1, actualProgress: 85.4, expectedCompleted: 13, completed: 8 }],
  ])('%s scope=%s: %o', async (asOf, scope, want) => {
    const s = await stats(`asOf=${asOf}&granularity=quarter&scope=${scope}`);
    expect(on(s.plannedVsActual, asOf)).toEqual({ date: asOf, ...want });
    expect(s.seriesMeasures).toBe(scope === 'all' ? 237 : 27);
    // Continuous measures are counted apart: 21 in the whole plan, none among the Games' set.
    expect(s.continuous.total).toBe(scope === 'all' ? 21 : 0);
    expect(s).toEqual(JSON.parse(JSON.stringify(computeStats(index, asOf, 'quarter', scope as 'all' | 'tokyo2020'))));
  });

  it('gives each area a series whose measures add up to the whole', async () => {
    const s = await stats('asOf=2018-03-31&granularity=quarter');
    expect(s.progressByArea.map((a) => a.key)).toEqual(index.snapshot.areas.map((a) => a.code));
    const completed = s.progressByArea.reduce((n, a) => n + (on(a.points, '2018-03-31')?.completed ?? 0), 0);
    expect(completed).toBe(117);
  });

  it('forecasts from the recent pace and says where there is none', async () => {
    const d = DashboardSchema.parse((await get('/api/dashboard?asOf=2018-03-31')).body);
    expect(d.forecast.window).toEqual({ from: '2017-09-30', to: '2018-03-31' });
    expect(d.forecast.groups.slice(0, 2)).toEqual([
      { key: 'all', measures: 237, progress: 80.9, progressAtStart: 72.9, reachesFullOn: '2019-06-09', noPace: 7 },
      { key: 'tokyo2020', measures: 27, progress: 65.6, progressAtStart: 55.6, reachesFullOn: '2019-12-17', noPace: 0 },
    ]);
    // The scenario's last updates are in 2019: on the Games' opening nobody has a pace, and no date is guessed.
    const games = DashboardSchema.parse((await get('/api/dashboard?asOf=2020-07-24')).body).forecast;
    expect(games.groups[0]).toMatchObject({ reachesFullOn: null, noPace: 82 });
    expect(games.late.total).toBe(0);
  });

  it('carries the series on a ministry page and a measure page', async () => {
    const m = MinistrySummarySchema.parse((await get('/api/ministries/mic/summary?asOf=2018-03-31')).body);
    expect(on(m.progressSeries, '2018-03-31')).toEqual(
      on(ministrySummary(index, 'mic', '2018-03-31')!.progressSeries, '2018-03-31'),
    );
    const detail = MeasureDetailSchema.parse((await get('/api/measures/5.1.1(1)-1?asOf=2018-03-31')).body);
    // Its line runs to its effective due date (2020年までに, as the seeds read it today); 40 % recorded by both ministries.
    const expected = oneDecimal(expectedProgressAt(index.measureById.get(detail.id)!, '2018-03-31', '2018-03-31')!);
    expect(expected).toBeGreaterThan(0);
    expect(detail.expectedProgress).toBe(expected);
    expect(on(detail.progressSeries!, '2018-03-31')).toEqual({
      date: '2018-03-31',
      expectedProgress: expected,
      actualProgress: 40,
      expectedCompleted: expected === 100 ? 1 : 0,
      completed: 0,
    });
  });
});
