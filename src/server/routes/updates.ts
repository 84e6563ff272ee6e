import { Hono, type Context } from 'hono';
import { WRITE_ROUTES } from '@/domain/routes';
import type { PlanIndex } from '@/domain/plan';
import { applyAssignmentPatch, applyFyTargets, applyMeasurePatch, applyMilestonePatch } from '@/domain/contract';
import type { AppEnv, Deps } from '../context';
import { ApiError, notFound, staleVersion } from '../errors';
import { ifMatchVersion, parseBody } from '../middleware';
import { StaleVersionError, type Change } from '../store/port';
import { fullMeasureDetail } from './measure-detail';

type Ctx = Context<AppEnv>;

export function invalid(issues: { path: string; message: string }[]): ApiError {
  return new ApiError(422, 'validation_failed', issues.map((i) => i.message).join('; '), issues);
}

/** NISC staff's direct updates, and the administrators' milestone moves. Each is versioned and audited. */
export function updateRoutes(deps: Deps & { plan: () => Promise<PlanIndex> }) {
  const { clock, plan } = deps;
  const app = new Hono<AppEnv>();
  const actor = (c: Ctx) => c.get('user')!.email;
  const detail = async (id: string) => fullMeasureDetail(deps.store, await plan(), id, clock.today());

  app.patch('/measures/:id', async (c) => {
    const id = c.req.param('id');
    const expected = ifMatchVersion(c);
    const body = await parseBody(c, WRITE_ROUTES.updateMeasure.body);
    const measure = (await plan()).measureById.get(id);
    if (!measure) throw notFound('施策 / Measure');
    if (measure.version !== expected) throw staleVersion(await detail(id));
    const outcome = applyMeasurePatch(measure, body);
    if (!outcome.ok) throw invalid(outcome.issues);
    await commitOrStale(deps, [{ kind: 'measure', expectVersion: expected, next: outcome.next }], {
      c,
      action: 'measure.update',
      entity: 'measure',
      entityId: id,
      before: { due: measure.due, rag: measure.rag },
      after: { due: outcome.next.due, rag: outcome.next.rag, comment: body.comment },
      current: () => detail(id),
    });
    const fresh = (await detail(id))!;
    c.header('ETag', `"${fresh.version}"`);
    return c.json(fresh);
  });

  app.patch('/measures/:id/fy-targets', async (c) => {
    const id = c.req.param('id');
    const expected = ifMatchVersion(c);
    const body = await parseBody(c, WRITE_ROUTES.setFyTargets.body);
    const index = await plan();
    const measure = index.measureById.get(id);
    if (!measure) throw notFound('施策 / Measure');
    if (measure.version !== expected) throw staleVersion(await detail(id));
    const outcome = applyFyTargets(measure, body, index.snapshot.planPeriod.end);
    if (!outcome.ok) throw invalid(outcome.issues);
    await commitOrStale(deps, [{ kind: 'measure', expectVersion: expected, next: outcome.next }], {
      c,
      action: 'measure.fy_targets',
      entity: 'measure',
      entityId: id,
      before: { fyTargets: measure.fyTargets ?? [] },
      after: { fyTargets: outcome.next.fyTargets ?? [], comment: body.comment },
      current: () => detail(id),
    });
    const fresh = (await detail(id))!;
    c.header('ETag', `"${fresh.version}"`);
    return c.json(fresh);
  });

  app.patch('/measures/:id/assignments/:ministryId', async (c) => {
    const { id, ministryId } = c.req.param();
    const expected = ifMatchVersion(c);
    const body = await parseBody(c, WRITE_ROUTES.updateAssignment.body);
    const track = (await plan()).tracksByMeasure.get(id)?.find((t) => t.record.ministryId === ministryId);
    if (!track) throw notFound('担当 / Assignment');
    const a = track.record;
    if (a.version !== expected) throw staleVersion(await detail(id));
    const outcome = applyAssignmentPatch(a, body);
    if (!outcome.ok) throw invalid(outcome.issues);
    const next = outcome.next;
    const changes: Change[] = [{ kind: 'assignment', expectVersion: expected, next }];
    if (outcome.progressChanged) {
      changes.push({
        kind: 'event',
        event: {
          measureId: id,
          ministryId,
          effectiveOn: clock.today(),
          status: next.status,
          progress: next.progress,
          narrative: next.narrative,
          actor: actor(c),
          submittedBy: null,
          comment: body.comment,
          recordedAt: clock.now(),
          origin: 'user',
        },
      });
    }
    await commitOrStale(deps, changes, {
      c,
      action: body.confirmed && !a.confirmed ? 'assignment.confirm' : 'assignment.update',
      entity: 'assignment',
      entityId: `${id}/${ministryId}`,
      before: pickAssignment(a),
      after: { ...pickAssignment(next), comment: body.comment },
      current: () => detail(id),
    });
    const fresh = (await detail(id))!;
    c.header('ETag', `"${fresh.assignments.find((x) => x.ministryId === ministryId)?.version ?? next.version}"`);
    return c.json(fresh);
  });

  app.patch('/milestones/:id', async (c) => {
    const id = c.req.param('id');
    const expected = ifMatchVersion(c);
    const body = await parseBody(c, WRITE_ROUTES.updateMilestone.body);
    const milestone = (await plan()).snapshot.milestones.find((m) => m.id === id);
    if (!milestone) throw notFound('マイルストーン / Milestone');
    if (milestone.version !== expected) throw staleVersion(milestone);
    const outcome = applyMilestonePatch(milestone, body);
    if (!outcome.ok) throw invalid(outcome.issues);
    await commitOrStale(deps, [{ kind: 'milestone', expectVersion: expected, next: outcome.next }], {
      c,
      action: 'milestone.update',
      entity: 'milestone',
      entityId: id,
      before: milestone,
      after: { ...outcome.next, reason: body.reason },
      current: async () => (await plan()).snapshot.milestones.find((m) => m.id === id),
    });
    c.header('ETag', `"${outcome.next.version}"`);
    return c.json(outcome.next);
  });

  return app;
}

const pickAssignment = (a: { status: string; progress: number; narrative: string; confirmed: boolean }) => ({
  status: a.status,
  progress: a.progress,
  narrative: a.narrative,
  confirmed: a.confirmed,
});

/** Commits with its audit entry; a version that moved between read and write is a 412 with the current state. */
export async function commitOrStale(
  deps: Deps,
  changes: Change[],
  audit: {
    c: Ctx;
    action: string;
    entity: string;
    entityId: string;
    before: unknown;
    after: unknown;
    current: () => Promise<unknown>;
  },
): Promise<void> {
  try {
    await deps.store.commit(changes, [
      {
        at: deps.clock.now(),
        actor: audit.c.get('user')?.email ?? 'system',
        action: audit.action,
        entity: audit.entity,
        entityId: audit.entityId,
        before: audit.before,
        after: audit.after,
        requestId: audit.c.get('requestId'),
      },
    ]);
  } catch (error) {
    if (error instanceof StaleVersionError) throw staleVersion(await audit.current());
    throw error;
  }
}
