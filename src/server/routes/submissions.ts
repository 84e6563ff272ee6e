import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { actsFor } from '@/domain/auth';
import type { Submission } from '@/domain/contract';
import { WRITE_ROUTES } from '@/domain/routes';
import type { PlanIndex } from '@/domain/plan';
import { statusProgressIssues } from '@/domain/contract';
import type { AppEnv, Deps } from '../context';
import { ApiError, conflict, forbidden, notFound, staleVersion } from '../errors';
import { ifMatchVersion, parseBody } from '../middleware';
import { parseQuery } from '../validate';
import { commitOrStale, invalid } from './updates';

type Ctx = Context<AppEnv>;

/** Liaisons submit; NISC staff approve (it applies, under both names) or return it with a comment. */
export function submissionRoutes(deps: Deps & { plan: () => Promise<PlanIndex> }) {
  const { store, clock, plan } = deps;
  const app = new Hono<AppEnv>();
  const assignmentOf = async (measureId: string, ministryId: string) =>
    (await plan()).tracksByMeasure.get(measureId)?.find((t) => t.record.ministryId === ministryId)?.record;

  app.post('/submissions', async (c) => {
    const user = c.get('user')!;
    const body = await parseBody(c, WRITE_ROUTES.createSubmission.body);
    if (!actsFor(user, body.ministryId))
      throw forbidden('自府省庁の担当分のみ提出できます / You can submit only for your own ministry');
    const a = await assignmentOf(body.measureId, body.ministryId);
    if (!a) throw notFound('担当 / Assignment');
    const issues = statusProgressIssues(body.status, body.progress);
    if (issues.length) throw invalid(issues);
    if (a.version !== body.baseVersion) throw staleVersion(a);
    const submission: Submission = {
      id: randomUUID(),
      ...body,
      state: 'pending',
      submittedBy: user.email,
      submittedAt: clock.now(),
      reviewedBy: null,
      reviewedAt: null,
      reviewComment: null,
      version: 1,
    };
    await commitOrStale(deps, [{ kind: 'submission', expectVersion: null, next: submission }], {
      c,
      action: 'submission.create',
      entity: 'submission',
      entityId: submission.id,
      before: undefined,
      after: submission,
      current: () => Promise.resolve(a),
    });
    c.header('ETag', '"1"');
    return c.json(submission, 201);
  });

  app.get('/submissions', async (c) => {
    const user = c.get('user')!;
    const q = parseQuery(c, WRITE_ROUTES.listSubmissions.query);
    // A liaison sees their own ministry's submissions, whatever they ask for.
    const ministryId = user.role === 'liaison' ? (user.ministryId ?? '-') : q.ministry;
    return c.json({ items: await store.listSubmissions({ state: q.state, ministryId, measureId: q.measure }) });
  });

  const review = (decision: 'approve' | 'return') => async (c: Ctx) => {
    const expected = ifMatchVersion(c);
    const body =
      decision === 'approve'
        ? await parseBody(c, WRITE_ROUTES.approveSubmission.body)
        : await parseBody(c, WRITE_ROUTES.returnSubmission.body);
    const submission = await store.getSubmission(c.req.param('id') ?? '');
    if (!submission) throw notFound('提出 / Submission');
    // A reviewed submission is final whatever version the reviewer saw: say so (409) before comparing
    // versions, so approving twice (a double click, two reviewers) is named for what it is, not a 412.
    if (submission.state !== 'pending') {
      throw conflict('not_pending', 'この提出は処理済みです / This submission has already been reviewed', {
        current: submission,
      });
    }
    if (submission.version !== expected) throw staleVersion(submission);
    const reviewer = c.get('user')!.email;
    // Four eyes: whoever submitted (staff may submit for any ministry) cannot also approve it.
    if (decision === 'approve' && submission.submittedBy === reviewer) {
      throw new ApiError(
        403,
        'own_submission',
        '自分が提出した内容は承認できません。別の担当者に依頼してください / You cannot approve your own submission; ask another reviewer',
      );
    }
    const next: Submission = {
      ...submission,
      state: decision === 'approve' ? 'approved' : 'returned',
      reviewedBy: reviewer,
      reviewedAt: clock.now(),
      reviewComment: body.comment ?? null,
      version: submission.version + 1,
    };
    const changes: Parameters<typeof commitOrStale>[1] = [{ kind: 'submission', expectVersion: expected, next }];
    if (decision === 'approve') {
      const a = await assignmentOf(submission.measureId, submission.ministryId);
      if (!a) throw notFound('担当 / Assignment');
      if (a.version !== submission.baseVersion) {
        throw conflict(
          'assignment_changed',
          '提出後に担当の内容が更新されています。最新の内容を確認してください / The assignment changed after this was submitted; review the current state',
          { current: a },
        );
      }
      changes.push(
        {
          kind: 'assignment',
          expectVersion: a.version,
          next: {
            ...a,
            status: submission.status,
            progress: submission.progress,
            narrative: submission.narrative,
            version: a.version + 1,
          },
        },
        {
          kind: 'event',
          event: {
            measureId: a.measureId,
            ministryId: a.ministryId,
            effectiveOn: clock.today(),
            status: submission.status,
            progress: submission.progress,
            narrative: submission.narrative,
            actor: reviewer,
            submittedBy: submission.submittedBy,
            comment: body.comment || '府省庁からの提出を承認 / Approved ministry submission',
            recordedAt: clock.now(),
            origin: 'user',
          },
        },
      );
    }
    await commitOrStale(deps, changes, {
      c,
      action: `submission.${decision}`,
      entity: 'submission',
      entityId: submission.id,
      before: { state: submission.state },
      after: {
        state: next.state,
        comment: body.comment ?? null,
        measureId: submission.measureId,
        ministryId: submission.ministryId,
      },
      current: async () => store.getSubmission(submission.id),
    });
    c.header('ETag', `"${next.version}"`);
    return c.json(next);
  };
  app.post('/submissions/:id/approve', review('approve'));
  app.post('/submissions/:id/return', review('return'));
  return app;
}
