import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { actsFor } from '@/domain/auth';
import type { AnnualResultRecord, ResultSubmission } from '@/domain/contract';
import { ANNUAL_ROUTES } from '@/domain/routes';
import type { PlanIndex } from '@/domain/plan';
import type { AppEnv, Deps } from '../context';
import { ApiError, conflict, forbidden, notFound, staleVersion } from '../errors';
import { ifMatchVersion, parseBody } from '../middleware';
import type { Change } from '../store/port';
import { parseQuery } from '../validate';
import { commitAnnual } from './plans';

type Ctx = Context<AppEnv>;

/** A pending submission of a results text, as the API and the template import both make it. */
export function newResultSubmission(input: {
  fy: number;
  measureId: string;
  ministryId: string;
  text: string;
  note: string;
  current: AnnualResultRecord | undefined;
  by: string;
  at: string;
}): ResultSubmission {
  return {
    id: randomUUID(),
    fy: input.fy,
    measureId: input.measureId,
    ministryId: input.ministryId,
    baseVersion: input.current?.version ?? 0,
    previousText: input.current?.text ?? '',
    text: input.text,
    note: input.note,
    state: 'pending',
    submittedBy: input.by,
    submittedAt: input.at,
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
    version: 1,
  };
}

const PENDING_EXISTS =
  'この成果には審査待ちの提出があります。審査が終わってから提出してください / These results already have a submission awaiting review; submit again once it has been reviewed';

/**
 * 年度実績 (a ministry's results for a fiscal year) under review, as progress submissions are
 * (issue 18, item 6; decision record 020): a liaison submits, NISC staff approve (the text then
 * becomes the record) or return it with a comment. NISC staff still edit results directly (plans.ts).
 */
export function resultSubmissionRoutes(deps: Deps & { plan: () => Promise<PlanIndex> }) {
  const { store, clock, plan } = deps;
  const app = new Hono<AppEnv>();
  const recorded = async (fy: number, measureId: string, ministryId: string) =>
    (await store.annual(fy)).results.find((r) => r.measureId === measureId && r.ministryId === ministryId);

  app.post('/result-submissions', async (c) => {
    const user = c.get('user')!;
    const body = await parseBody(c, ANNUAL_ROUTES.createResultSubmission.body);
    if (!actsFor(user, body.ministryId))
      throw forbidden('自府省庁の成果のみ提出できます / You can submit only your own ministry’s results');
    const index = await plan();
    if (!index.tracksByMeasure.get(body.measureId)?.some((t) => t.record.ministryId === body.ministryId))
      throw notFound('担当 / Assignment');
    const current = await recorded(body.fy, body.measureId, body.ministryId);
    if ((current?.version ?? 0) !== body.baseVersion) throw staleVersion(current ?? null);
    if ((current?.text ?? '') === body.text)
      throw new ApiError(422, 'validation_failed', '変更内容がありません / Nothing to change', [
        { path: 'text', message: '変更内容がありません / Nothing to change' },
      ]);
    const pending = await store.listResultSubmissions({
      state: 'pending',
      fy: body.fy,
      measureId: body.measureId,
      ministryId: body.ministryId,
    });
    if (pending[0]) throw conflict('pending_exists', PENDING_EXISTS, { current: pending[0] });
    const submission = newResultSubmission({ ...body, current, by: user.email, at: clock.now() });
    await commitAnnual(deps, c, [{ kind: 'resultSubmission', expectVersion: null, next: submission }], {
      action: 'resultSubmission.create',
      entity: 'resultSubmission',
      entityId: submission.id,
      before: null,
      after: { fy: body.fy, measureId: body.measureId, ministryId: body.ministryId, text: body.text },
      current: async () =>
        (
          await store.listResultSubmissions({
            state: 'pending',
            fy: body.fy,
            measureId: body.measureId,
            ministryId: body.ministryId,
          })
        )[0] ?? null,
    });
    c.header('ETag', '"1"');
    return c.json(submission, 201);
  });

  app.get('/result-submissions', async (c) => {
    const user = c.get('user')!;
    const q = parseQuery(c, ANNUAL_ROUTES.listResultSubmissions.query);
    // A liaison sees their own ministry's submissions, whatever they ask for.
    const ministryId = user.role === 'liaison' ? (user.ministryId ?? '-') : q.ministry;
    const items = await store.listResultSubmissions({ state: q.state, ministryId, measureId: q.measure, fy: q.fy });
    return c.json({ items });
  });

  const review = (decision: 'approve' | 'return') => async (c: Ctx) => {
    const expected = ifMatchVersion(c);
    const body =
      decision === 'approve'
        ? await parseBody(c, ANNUAL_ROUTES.approveResultSubmission.body)
        : await parseBody(c, ANNUAL_ROUTES.returnResultSubmission.body);
    const s = await store.getResultSubmission(c.req.param('id') ?? '');
    if (!s) throw notFound('提出 / Submission');
    if (s.state !== 'pending')
      throw conflict('not_pending', 'この提出は処理済みです / This submission has already been reviewed', {
        current: s,
      });
    if (s.version !== expected) throw staleVersion(s);
    const reviewer = c.get('user')!.email;
    if (decision === 'approve' && s.submittedBy === reviewer)
      throw new ApiError(
        403,
        'own_submission',
        '自分が提出した内容は承認できません。別の担当者に依頼してください / You cannot approve your own submission; ask another reviewer',
      );
    const at = clock.now();
    const next: ResultSubmission = {
      ...s,
      state: decision === 'approve' ? 'approved' : 'returned',
      reviewedBy: reviewer,
      reviewedAt: at,
      reviewComment: body.comment || null,
      version: s.version + 1,
    };
    const changes: Change[] = [{ kind: 'resultSubmission', expectVersion: expected, next }];
    const more: Parameters<typeof commitAnnual>[4] = [];
    if (decision === 'approve') {
      const current = await recorded(s.fy, s.measureId, s.ministryId);
      if ((current?.version ?? 0) !== s.baseVersion)
        throw conflict(
          'result_changed',
          '提出後に成果の記録が更新されています。最新の内容を確認してください / The recorded results changed after this was submitted; review the current text',
          { current: current ?? null },
        );
      changes.push({
        kind: 'annualResult',
        expectVersion: current ? current.version : null,
        next: {
          fy: s.fy,
          measureId: s.measureId,
          ministryId: s.ministryId,
          text: s.text,
          updatedBy: reviewer,
          updatedAt: at,
          version: s.baseVersion + 1,
        },
      });
      // The record's own history says what changed and whose text it was.
      more.push({
        at,
        actor: reviewer,
        action: 'result.update',
        entity: 'annualResult',
        entityId: `${s.fy}/${s.measureId}/${s.ministryId}`,
        before: current ? { text: current.text } : null,
        after: { text: s.text, submittedBy: s.submittedBy, submission: s.id, comment: body.comment ?? null },
        requestId: c.get('requestId') ?? null,
      });
    }
    await commitAnnual(
      deps,
      c,
      changes,
      {
        action: `resultSubmission.${decision}`,
        entity: 'resultSubmission',
        entityId: s.id,
        before: { state: s.state },
        after: {
          state: next.state,
          comment: body.comment ?? null,
          fy: s.fy,
          measureId: s.measureId,
          ministryId: s.ministryId,
        },
        current: () => store.getResultSubmission(s.id),
      },
      more,
    );
    c.header('ETag', `"${next.version}"`);
    return c.json(next);
  };
  app.post('/result-submissions/:id/approve', review('approve'));
  app.post('/result-submissions/:id/return', review('return'));
  return app;
}
