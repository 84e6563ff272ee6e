import { Hono, type Context } from 'hono';
import { planList, planYearStart } from '@/domain/annual';
import { actsFor } from '@/domain/auth';
import { FiscalYearParamSchema, type AnnualPlanRecord, type AnnualResultRecord } from '@/domain/contract';
import { defaultDatesFor, inPlanYears } from '@/domain/plan';
import { ANNUAL_ROUTES } from '@/domain/routes';
import type { PlanIndex } from '@/domain/plan';
import type { AppEnv, Deps } from '../context';
import { ApiError, conflict, forbidden, invalidParams, notFound, zodIssues } from '../errors';
import { ifMatchVersion, parseBody } from '../middleware';
import { StaleVersionError, type Change } from '../store/port';
import { parseQuery } from '../validate';
import { staleVersion } from '../errors';

type Ctx = Context<AppEnv>;
type PlanDeps = Deps & { plan: () => Promise<PlanIndex> };

export function fyParam(c: Ctx): number {
  const parsed = FiscalYearParamSchema.safeParse(c.req.param('fy'));
  if (!parsed.success) throw invalidParams(zodIssues(parsed.error).map((i) => ({ ...i, path: 'fy' })));
  return parsed.data;
}

/**
 * 年次計画: read a year's plan; NISC staff edit plan texts and results directly (audited). A liaison's
 * results go through review instead (result-submissions.ts): the route table keeps them out of here.
 */
export function planRoutes(deps: PlanDeps) {
  const { store, clock, plan } = deps;
  const app = new Hono<AppEnv>();
  const item = async (fy: number, measureId: string) =>
    planList(await plan(), fy, await store.annual(fy), { measureId }).items[0];

  app.get('/plans', async (c) => {
    const q = parseQuery(c, ANNUAL_ROUTES.listPlans.query);
    const index = await plan();
    const fy = q.fy ?? defaultDatesFor(index, clock.today()).fy;
    return c.json(planList(index, fy, await store.annual(fy), { measureId: q.measure, ministryId: q.ministry }));
  });

  app.post('/plans/:fy/start', async (c) => {
    const fy = fyParam(c);
    const { outsidePlanPeriod } = parseQuery(c, ANNUAL_ROUTES.startFiscalYear.query);
    const index = await plan();
    const { planYears } = defaultDatesFor(index, clock.today());
    // A year the strategy never planned is not the obvious next step: only on purpose (decision record 020).
    if (!inPlanYears(fy, planYears) && outsidePlanPeriod !== 'true')
      throw new ApiError(
        422,
        'outside_plan_period',
        `${fy}年度は戦略の計画期間（${planYears.first}〜${planYears.last}年度）の外です。それでも開始する場合は outsidePlanPeriod=true を指定してください / FY${fy} lies outside the strategy's plan period (FY${planYears.first}–FY${planYears.last}); to start it anyway, send outsidePlanPeriod=true`,
      );
    const [current, previous] = await Promise.all([store.annual(fy), store.annual(fy - 1)]);
    if (current.fiscalYear)
      throw conflict('already_started', `${fy}年度は開始済みです / FY${fy} has already been started`, {
        current: current.fiscalYear,
      });
    const start = planYearStart(index, fy, previous, current);
    const by = c.get('user')!.email;
    const at = clock.now();
    const changes: Change[] = [
      {
        kind: 'fiscalYear',
        expectVersion: null,
        next: { fy, startedAt: at, startedBy: by, roster: start.roster, version: 1 },
      },
      ...start.carried.map((p): Change => {
        const had = current.plans.find((x) => x.measureId === p.measureId);
        const next: AnnualPlanRecord = {
          fy,
          measureId: p.measureId,
          planText: p.planText,
          nextPlanText: had?.nextPlanText ?? '',
          updatedBy: by,
          updatedAt: at,
          version: (had?.version ?? 0) + 1,
        };
        return { kind: 'annualPlan', expectVersion: had ? had.version : null, next };
      }),
    ];
    const { added, retired, renumbered, withoutPlan, total, carried } = start.report;
    await commitAnnual(deps, c, changes, {
      action: 'plan.start',
      entity: 'fiscalYear',
      entityId: String(fy),
      before: null,
      after: {
        total,
        carried,
        added: added.length,
        retired: retired.length,
        renumbered: renumbered.length,
        withoutPlan: withoutPlan.length,
        ...(inPlanYears(fy, planYears) ? {} : { outsidePlanPeriod: true }),
      },
    });
    return c.json(start.report, 201);
  });

  app.patch('/plans/:fy/measures/:id', async (c) => {
    const fy = fyParam(c);
    const id = c.req.param('id');
    const expected = ifMatchVersion(c);
    const body = await parseBody(c, ANNUAL_ROUTES.updatePlan.body);
    if (!(await plan()).measureById.has(id)) throw notFound('施策 / Measure');
    const had = (await store.annual(fy)).plans.find((p) => p.measureId === id);
    if ((had?.version ?? 0) !== expected) throw staleVersion(await item(fy, id));
    const next: AnnualPlanRecord = {
      fy,
      measureId: id,
      planText: body.planText ?? had?.planText ?? '',
      nextPlanText: body.nextPlanText ?? had?.nextPlanText ?? '',
      updatedBy: c.get('user')!.email,
      updatedAt: clock.now(),
      version: expected + 1,
    };
    await commitAnnual(deps, c, [{ kind: 'annualPlan', expectVersion: had ? expected : null, next }], {
      action: 'plan.update',
      entity: 'annualPlan',
      entityId: `${fy}/${id}`,
      before: had ? { planText: had.planText, nextPlanText: had.nextPlanText } : null,
      after: { planText: next.planText, nextPlanText: next.nextPlanText, comment: body.comment ?? null },
      current: () => item(fy, id),
    });
    c.header('ETag', `"${next.version}"`);
    return c.json(await item(fy, id));
  });

  app.patch('/plans/:fy/measures/:id/results/:ministryId', async (c) => {
    const fy = fyParam(c);
    const { id, ministryId } = c.req.param();
    const expected = ifMatchVersion(c);
    const body = await parseBody(c, ANNUAL_ROUTES.updateResult.body);
    const user = c.get('user')!;
    if (!actsFor(user, ministryId))
      throw forbidden('自府省庁の成果のみ編集できます / You can edit only your own ministry’s results');
    const track = (await plan()).tracksByMeasure.get(id)?.find((t) => t.record.ministryId === ministryId);
    if (!track) throw notFound('担当 / Assignment');
    const had = (await store.annual(fy)).results.find((r) => r.measureId === id && r.ministryId === ministryId);
    if ((had?.version ?? 0) !== expected) throw staleVersion(await item(fy, id));
    const next: AnnualResultRecord = {
      fy,
      measureId: id,
      ministryId,
      text: body.text,
      updatedBy: user.email,
      updatedAt: clock.now(),
      version: expected + 1,
    };
    await commitAnnual(deps, c, [{ kind: 'annualResult', expectVersion: had ? expected : null, next }], {
      action: 'result.update',
      entity: 'annualResult',
      entityId: `${fy}/${id}/${ministryId}`,
      before: had ? { text: had.text } : null,
      after: { text: next.text, comment: body.comment ?? null },
      current: () => item(fy, id),
    });
    c.header('ETag', `"${next.version}"`);
    return c.json(await item(fy, id));
  });

  return app;
}

/** One commit with its audit entry; a record that moved meanwhile is a 412 with the current state. */
export async function commitAnnual(
  deps: Deps,
  c: Ctx,
  changes: Change[],
  audit: {
    action: string;
    entity: string;
    entityId: string;
    before: unknown;
    after: unknown;
    current?: () => Promise<unknown>;
  },
  more: Parameters<Deps['store']['commit']>[1] = [],
): Promise<void> {
  try {
    await deps.store.commit(changes, [
      {
        at: deps.clock.now(),
        actor: c.get('user')?.email ?? 'system',
        action: audit.action,
        entity: audit.entity,
        entityId: audit.entityId,
        before: audit.before,
        after: audit.after,
        requestId: c.get('requestId'),
      },
      ...more,
    ]);
  } catch (error) {
    if (error instanceof StaleVersionError) throw staleVersion(audit.current ? await audit.current() : undefined);
    throw error;
  }
}
