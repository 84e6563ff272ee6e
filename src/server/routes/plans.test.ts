import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, json, type World } from '../../../tests/support/world';
import { FyStartReportSchema, PlanItemSchema, PlanListSchema } from '@/domain/contract';

let w: World;
beforeEach(async () => {
  w = await createWorld({ scenario: true });
});

const SHARED = '5.2.1(2)-1'; // nisc, mic, meti, npa

describe('GET /api/plans', () => {
  it("lists FY2015's roster with the sample plan texts, every ministry's results and item numbers", async () => {
    const viewer = await w.as('viewer');
    const list = PlanListSchema.parse(await json(await viewer.get('/api/plans?fy=2015')));
    expect(list.label.ja).toBe('2015年度（平成27年度）');
    expect(list.items).toHaveLength((await w.store.snapshot()).measures.length);
    const first = list.items[0]!;
    expect(first.number).toBe('5.1.1(1)（ア）');
    expect(list.items[1]!.number).toBe('5.1.1(1)（イ）');
    expect(first.plan.planText).toMatch(/^【サンプル】/);
    expect(first.results.map((r) => r.ministryId)).toEqual(first.ministries.map((m) => m.ministryId));
  });

  it('filters to one measure or one ministry, and refuses a malformed year', async () => {
    const viewer = await w.as('viewer');
    const one = PlanListSchema.parse(
      await json(await viewer.get(`/api/plans?fy=2016&measure=${encodeURIComponent(SHARED)}`)),
    );
    expect(one.items.map((i) => i.measureId)).toEqual([SHARED]);
    expect(one.items[0]!.plan.version).toBe(0); // nothing written for FY2016 yet
    const npa = PlanListSchema.parse(await json(await viewer.get('/api/plans?fy=2015&ministry=npa')));
    expect(npa.items.every((i) => i.ministries.some((m) => m.ministryId === 'npa'))).toBe(true);
    expect((await viewer.get('/api/plans?fy=15')).status).toBe(422);
  });
});

describe('editing plans and results', () => {
  const planPath = (fy: number, id: string) => `/api/plans/${fy}/measures/${encodeURIComponent(id)}`;

  it('NISC staff create (If-Match 0) and update a plan; a stale version is a 412; the audit has both', async () => {
    const staff = await w.as('staff');
    const created = await staff.patch(planPath(2016, SHARED), { planText: '計画A', comment: '作成' }, 0);
    expect(created.status).toBe(200);
    expect(created.headers.get('etag')).toBe('"1"');
    const item = PlanItemSchema.parse(await json(created));
    expect(item.plan).toMatchObject({ planText: '計画A', nextPlanText: '', version: 1 });
    expect((await staff.patch(planPath(2016, SHARED), { nextPlanText: 'B' }, 0)).status).toBe(412);
    const updated = PlanItemSchema.parse(
      await json(await staff.patch(planPath(2016, SHARED), { nextPlanText: '翌年度B' }, 1)),
    );
    expect(updated.plan).toMatchObject({ planText: '計画A', nextPlanText: '翌年度B', version: 2 });
    const audit = await w.store.listAudit({ limit: 10, offset: 0, entity: 'annualPlan' });
    expect(audit.items.map((a) => a.action)).toEqual(['plan.update', 'plan.update']);
    expect((await staff.patch(planPath(2016, SHARED), { planText: 'x' })).status).toBe(428);
  });

  it('NISC staff edit any ministry’s results directly (audited); liaisons and viewers cannot', async () => {
    const staff = await w.as('staff');
    const own = await staff.patch(`${planPath(2016, SHARED)}/results/npa`, { text: '警察庁の成果' }, 0);
    expect(own.status).toBe(200);
    expect(PlanItemSchema.parse(await json(own)).results.find((r) => r.ministryId === 'npa')).toMatchObject({
      text: '警察庁の成果',
      version: 1,
    });
    const audit = await w.store.listAudit({ limit: 1, offset: 0, action: 'result.update' });
    expect(audit.items[0]).toMatchObject({ actor: 'staff@nisc.example.go.jp', after: { text: '警察庁の成果' } });
    // A liaison's results go through review (result-submissions.ts), even for their own ministry.
    const liaison = await w.as('liaison'); // npa
    expect((await liaison.patch(`${planPath(2016, SHARED)}/results/npa`, { text: 'x' }, 1)).status).toBe(403);
    expect((await liaison.patch(`${planPath(2016, SHARED)}/results/mic`, { text: 'x' }, 0)).status).toBe(403);
    expect((await liaison.patch(planPath(2016, SHARED), { planText: 'x' }, 0)).status).toBe(403);
    expect((await (await w.as('viewer')).patch(`${planPath(2016, SHARED)}/results/npa`, { text: 'x' }, 1)).status).toBe(
      403,
    );
  });
});

describe('POST /api/plans/:fy/start', () => {
  it("carries each measure's next-year plan forward and reports retired and renumbered measures", async () => {
    const staff = await w.as('staff');
    // Complete 5.1.1(1)-1 (both its ministries) before FY2016 begins: it retires, and the
    // measures after it in item 5.1.1(1) move up a letter.
    for (const ministry of ['meti', 'mic']) {
      const a = await w.assignment('5.1.1(1)-1', ministry);
      const res = await staff.patch(
        `/api/measures/${encodeURIComponent('5.1.1(1)-1')}/assignments/${ministry}`,
        { status: 'completed', comment: '完了' },
        a.version,
      );
      expect(res.status).toBe(200);
    }
    const res = await staff.post('/api/plans/2016/start');
    expect(res.status).toBe(201);
    const report = FyStartReportSchema.parse(await json(res));
    expect(report.retired).toEqual([
      { measureId: '5.1.1(1)-1', code: '5.1.1(1)-1', previousNumber: '5.1.1(1)（ア）', status: 'completed' },
    ]);
    expect(report.renumbered).toContainEqual({
      measureId: '5.1.1(1)-2',
      code: '5.1.1(1)-2',
      from: '5.1.1(1)（イ）',
      to: '5.1.1(1)（ア）',
    });
    expect(report.added).toEqual([]);
    expect(report.total).toBe((await w.store.snapshot()).measures.length - 1);

    const fy2015 = await w.store.annual(2015);
    const fy2016 = PlanListSchema.parse(await json(await staff.get('/api/plans?fy=2016')));
    expect(fy2016.started?.by).toBe('staff@nisc.example.go.jp');
    const carried = fy2016.items.filter((i) => i.plan.planText);
    expect(carried.length).toBe(report.carried);
    for (const i of carried)
      expect(i.plan.planText).toBe(fy2015.plans.find((p) => p.measureId === i.measureId)!.nextPlanText);
    expect(fy2016.items.find((i) => i.measureId === '5.1.1(1)-2')!.number).toBe('5.1.1(1)（ア）');

    const again = await staff.post('/api/plans/2016/start');
    expect(again.status).toBe(409);
    expect((await w.store.listAudit({ limit: 5, offset: 0, action: 'plan.start' })).total).toBe(1);
  });

  it('is for NISC staff only, and names a real year', async () => {
    expect((await (await w.as('liaison')).post('/api/plans/2016/start')).status).toBe(403);
    expect((await (await w.as('staff')).post('/api/plans/1999/start')).status).toBe(422);
    expect((await w.store.annual(2016)).fiscalYear).toBeNull();
  });

  it('refuses a year outside the plan period (FY2015–FY2017) unless asked for deliberately', async () => {
    const staff = await w.as('staff');
    const refused = await staff.post('/api/plans/2018/start');
    expect(refused.status).toBe(422);
    const body = await json<{ error: { code: string; message: string } }>(refused);
    expect(body.error.code).toBe('outside_plan_period');
    expect(body.error.message).toContain('2018年度は戦略の計画期間（2015〜2017年度）の外です');
    expect(body.error.message).toContain("FY2018 lies outside the strategy's plan period (FY2015–FY2017)");
    expect((await w.store.annual(2018)).fiscalYear).toBeNull();
    expect((await staff.post('/api/plans/2018/start?outsidePlanPeriod=false')).status).toBe(422);
    expect((await w.store.listAudit({ limit: 5, offset: 0, action: 'plan.start' })).total).toBe(0);

    const started = await staff.post('/api/plans/2018/start?outsidePlanPeriod=true');
    expect(started.status).toBe(201);
    expect((await w.store.annual(2018)).fiscalYear?.startedBy).toBe('staff@nisc.example.go.jp');
    const audit = await w.store.listAudit({ limit: 5, offset: 0, action: 'plan.start' });
    expect(audit.items[0]?.after).toMatchObject({ outsidePlanPeriod: true });
    // Within the period the flag is not needed.
    expect((await staff.post('/api/plans/2017/start')).status).toBe(201);
  });
});
