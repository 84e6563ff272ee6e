import { Hono } from 'hono';
import { ministrySummary } from '@/domain/dashboard';
import { ROUTES } from '@/domain/routes';
import { defaultDatesFor } from '@/domain/plan';
import { timeline } from '@/domain/dashboard';
import type { Clock } from '../clock';
import type { AppEnv } from '../context';
import type { PlanReader } from '../plan-cache';
import { notFound } from '../errors';
import { parseQuery } from '../validate';
import { cachedJson, sendBody } from '../cached-json';
import { dashboardBody } from '../figures';

type Deps = { clock: Clock; plan: PlanReader };

/**
 * The dashboard's reads (issue 3). Each answers for `asOf` (default: today in Tokyo, or the data's last update once the plan period is over) and is a
 * domain function over the plan index; counts by area, section and ministry come from /api/stats.
 */
export function dashboardRoutes({ clock, plan }: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/dashboard', async (c) => {
    const { asOf } = parseQuery(c, ROUTES.dashboard.query);
    const index = await plan(c);
    const date = asOf ?? defaultDatesFor(index, clock.today()).asOf;
    return sendBody(c, dashboardBody(index, date));
  });

  app.get('/timeline', async (c) => {
    const { asOf, groupBy = 'area', fy = null, limit, group } = parseQuery(c, ROUTES.timeline.query);
    const index = await plan(c);
    const date = asOf ?? defaultDatesFor(index, clock.today()).asOf;
    return cachedJson(c, index, `timeline:${date}:${groupBy}:${fy}:${limit}:${group}`, () =>
      timeline(index, date, groupBy, fy, { limit, group }),
    );
  });

  app.get('/ministries/:id/summary', async (c) => {
    const { asOf } = parseQuery(c, ROUTES.ministrySummary.query);
    const [index, id] = [await plan(c), c.req.param('id')];
    const date = asOf ?? defaultDatesFor(index, clock.today()).asOf;
    if (!index.snapshot.organisations.some((o) => o.id === id && o.assignable)) throw notFound('府省庁 / Ministry');
    return cachedJson(c, index, `ministry:${id}:${date}`, () => ministrySummary(index, id, date));
  });

  return app;
}
