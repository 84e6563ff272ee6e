import { Hono } from 'hono';
import { loadSearchSynonyms, loadStrategyText } from '../../../seeds';
import type { StrategyText } from '@/domain/plan';
import type { SynonymList } from '@/domain/search';
import type { MeasureFilters } from '@/domain/contract';
import { listMeasures } from '@/domain/contract';
import { ROUTES } from '@/domain/routes';
import { defaultDatesFor, type PlanIndex } from '@/domain/plan';
import { cachedJson, sendBody } from '../cached-json';
import { statsBody } from '../figures';
import type { Clock } from '../clock';
import type { AppEnv } from '../context';
import type { PlanReader } from '../plan-cache';
import { invalidParams, notFound, type ApiIssue } from '../errors';
import type { Store } from '../store/port';
import { parseQuery } from '../validate';
import { fullMeasureDetail } from './measure-detail';
import { rankQuery, searchInfo } from './search';

type Deps = { store: Store; clock: Clock; plan: PlanReader };

/** Filters that name things must name things that exist: an unknown code is a 422, not an empty list. */
function checkReferences(index: PlanIndex, f: MeasureFilters): void {
  const { areas, sections, organisations } = index.snapshot;
  const issues: ApiIssue[] = [];
  const unknown = (param: string, value: string) =>
    issues.push({ path: param, message: `存在しない値です / Unknown value: ${value}` });
  if (f.area && !areas.some((a) => a.code === f.area)) unknown('area', f.area);
  if (f.section && !sections.some((s) => s.code === f.section)) unknown('section', f.section);
  if (f.ministry && !organisations.some((o) => o.id === f.ministry && o.assignable)) unknown('ministry', f.ministry);
  if (issues.length) throw invalidParams(issues);
}

export function readRoutes({ store, clock, plan }: Deps) {
  const app = new Hono<AppEnv>();
  // Lead-ins, section targets and steps: the strategy's own text, loaded once from seeds/ like the public comments.
  let text: StrategyText | undefined;
  let synonyms: SynonymList | undefined;

  app.get('/meta', async (c) => {
    const today = clock.today();
    return c.json({
      revision: await store.revision(),
      today,
      defaults: defaultDatesFor(await plan(c), today),
      scenarios: await store.scenarios(),
    });
  });

  app.get('/strategy', async (c) => {
    const { planPeriod, areas, sections, items, packageEntries } = (await plan(c)).snapshot;
    text ??= loadStrategyText();
    return c.json({ planPeriod, areas, sections, items, packageEntries, ...text });
  });

  app.get('/ministries', async (c) => {
    const index = await plan(c);
    const counts = new Map<string, { lead: number; contributing: number }>();
    for (const a of index.snapshot.assignments) {
      const row = counts.get(a.ministryId) ?? { lead: 0, contributing: 0 };
      row[a.role === 'lead' ? 'lead' : 'contributing']++;
      counts.set(a.ministryId, row);
    }
    const items = index.snapshot.organisations.map((o) => ({
      ...o,
      leadCount: counts.get(o.id)?.lead ?? 0,
      contributingCount: counts.get(o.id)?.contributing ?? 0,
    }));
    return c.json({ items });
  });

  app.get('/measures', async (c) => {
    const { asOf, limit, offset, sort, order, ...filters } = parseQuery(c, ROUTES.measures.query);
    const index = await plan(c);
    checkReferences(index, filters);
    const date = asOf ?? defaultDatesFor(index, clock.today()).asOf;
    const page = { limit: limit ?? 100, offset: offset ?? 0 };
    const q = filters.q?.trim();
    if (!q) {
      const key = `measures:${date}:${page.limit}:${page.offset}:${sort}:${order}:${JSON.stringify(filters)}`;
      return cachedJson(c, index, key, () => ({
        ...listMeasures(index, { ...filters, q: undefined }, page, date, { sort, order }),
        asOf: date,
      }));
    }
    synonyms ??= loadSearchSynonyms();
    const ranking = await rankQuery(store, index, q, synonyms);
    const list = listMeasures(index, filters, page, date, { sort, order }, ranking);
    const search = await searchInfo(store, index, { ...filters, q }, list.total, date, synonyms, ranking);
    return c.json({ ...list, asOf: date, search });
  });

  app.get('/measures/:id', async (c) => {
    const { asOf } = parseQuery(c, ROUTES.measure.query);
    const index = await plan(c);
    const date = asOf ?? defaultDatesFor(index, clock.today()).asOf;
    const detail = await fullMeasureDetail(store, index, c.req.param('id'), date);
    if (!detail) throw notFound('施策 / Measure');
    c.header('ETag', `"${detail.version}"`);
    return c.json(detail);
  });

  app.get('/milestones', async (c) => c.json({ items: (await plan(c)).snapshot.milestones }));
  app.get('/instructions', async (c) => c.json({ items: (await store.reference()).instructions }));
  app.get('/ci-sectors', async (c) => c.json({ items: (await store.reference()).ciSectors }));

  app.get('/stats', async (c) => {
    const { asOf, granularity = 'month', scope = 'all' } = parseQuery(c, ROUTES.stats.query);
    const index = await plan(c);
    const date = asOf ?? defaultDatesFor(index, clock.today()).asOf;
    return sendBody(c, statsBody(index, date, granularity, scope));
  });

  return app;
}
