import { Hono, type Context } from 'hono';
import { ROUND_ROUTES } from '@/domain/routes';
import type { BulkReviewResult, Round, RoundRow } from '@/domain/rounds';
import type { AppEnv } from '../context';
import { ApiError, conflict, invalidParams, notFound, staleVersion } from '../errors';
import { ifMatchVersion, parseBody } from '../middleware';
import { answerCommit, checkAnswer } from '../rounds/answers';
import { liaisonsOf, notification, params } from '../rounds/notify';
import { applyAnswer, targetOf } from '../rounds/targets';
import { StaleVersionError, type Change } from '../store/port';
import { loadRound, roundClosed, type RoundDeps } from './rounds';

type Ctx = Context<AppEnv>;

/** Liaisons answer rows; NISC staff accept (it applies, versioned and audited) or return them. */
export function roundAnswerRoutes(deps: RoundDeps) {
  const { store, clock, plan } = deps;
  const app = new Hono<AppEnv>();

  app.post('/rounds/:id/answers', async (c) => {
    const body = await parseBody(c, ROUND_ROUTES.answerRound.body);
    const round = await loadRound(deps, c.req.param('id'));
    if (round.state === 'closed') throw roundClosed();
    const user = c.get('user')!;
    const [index, annual] = await Promise.all([plan(), store.annual(round.fy)]);
    const now = clock.now();
    const seen = new Set<string>();
    const answered: RoundRow[] = [];
    for (const input of body.answers) {
      if (seen.has(input.rowId))
        throw invalidParams([
          { path: 'answers', message: `同じ行が重複しています / The same row twice: ${input.rowId}` },
        ]);
      seen.add(input.rowId);
      const { rowId, version, baseVersion, unchanged, ...values } = input;
      const check = checkAnswer(
        { rowId, version, baseVersion, unchanged, values },
        await store.getRoundRow(rowId),
        round,
        index,
        annual,
        user,
        now,
      );
      if (!check.ok) {
        if (check.status === 412) throw staleVersion(check.current);
        throw new ApiError(check.status, check.code, check.message);
      }
      answered.push(check.next);
    }
    const { changes, audit } = await answerCommit(
      store,
      round,
      index,
      answered,
      user,
      now,
      clock.today(),
      c.get('requestId') ?? null,
      null,
    );
    await commitRows(deps, changes, audit);
    return c.json({ items: answered });
  });

  const single = (decision: 'accept' | 'return') => async (c: Ctx) => {
    const expected = ifMatchVersion(c);
    const body = await parseBody(c, ROUND_ROUTES.acceptAnswer.body);
    const round = await loadRound(deps, c.req.param('id') ?? '');
    const row = await store.getRoundRow(c.req.param('answerId') ?? '');
    if (!row || row.roundId !== round.id) throw notFound('回答 / Answer');
    const next = await review(c, round, row, expected, decision, body.comment ?? null, true);
    c.header('ETag', `"${next.version}"`);
    return c.json(next);
  };
  app.post('/rounds/:id/answers/:answerId/accept', single('accept'));
  app.post('/rounds/:id/answers/:answerId/return', single('return'));

  /** Each listed row is its own write: one that moved on or conflicts is reported, never applied blindly. */
  app.post('/rounds/:id/ministries/:ministryId/review', async (c) => {
    const body = await parseBody(c, ROUND_ROUTES.reviewMinistry.body);
    const round = await loadRound(deps, c.req.param('id'));
    const ministryId = c.req.param('ministryId');
    if (!round.ministryIds.includes(ministryId)) throw notFound('照会先の府省庁 / Ministry in this round');
    if (round.state === 'closed') throw roundClosed();
    if (body.decision === 'return' && !body.comment)
      throw invalidParams([
        { path: 'comment', message: '差し戻しの理由を入力してください / Say why the rows are returned' },
      ]);
    const results: BulkReviewResult['results'] = [];
    for (const { id, version } of body.rows) {
      const row = await store.getRoundRow(id);
      try {
        if (!row || row.roundId !== round.id || row.ministryId !== ministryId) throw notFound('回答 / Answer');
        await review(c, round, row, version, body.decision, body.comment ?? null, false);
        results.push({ id, outcome: body.decision === 'accept' ? 'accepted' : 'returned', message: null });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const outcome = error.code === 'assignment_changed' ? 'conflict' : error.status === 412 ? 'stale' : 'refused';
        results.push({ id, outcome, message: error.message });
      }
    }
    const done = results.filter((r) => r.outcome === 'accepted' || r.outcome === 'returned').length;
    if (done > 0) {
      const index = await plan();
      const now = clock.now();
      const kind = body.decision === 'accept' ? 'row_accepted' : 'row_returned';
      const p = params(round, index.snapshot.organisations, ministryId, { count: done, comment: body.comment ?? null });
      const notes = (await liaisonsOf(store, ministryId)).map((u) =>
        notification(u, kind, round.id, `${kind}:${round.id}:${ministryId}:${now}`, p, now),
      );
      await store.commit(notes, []);
    }
    return c.json({ results });
  });

  /**
   * Accepts or returns one answered row as its own commit: the row, the record it applies to (with the
   * version the answer was given against) and the audit entry; a liaison notification unless `notify` is off.
   */
  async function review(
    c: Ctx,
    round: Round,
    row: RoundRow,
    expected: number,
    decision: 'accept' | 'return',
    comment: string | null,
    notify: boolean,
  ): Promise<RoundRow> {
    if (round.state === 'closed') throw roundClosed();
    if (row.state !== 'answered')
      throw conflict('not_answered', 'この行は回答待ちではありません / This row is not waiting for review', {
        current: row,
      });
    if (row.version !== expected) throw staleVersion(row);
    if (decision === 'return' && !comment)
      throw invalidParams([
        { path: 'comment', message: '差し戻しの理由を入力してください / Say why the row is returned' },
      ]);
    const reviewer = c.get('user')!.email;
    if (decision === 'accept' && row.answeredBy === reviewer)
      throw new ApiError(
        403,
        'own_answer',
        '自分が回答した行は受理できません。別の担当者に依頼してください / You cannot accept your own answer; ask another reviewer',
      );
    const [index, annual] = await Promise.all([plan(), store.annual(round.fy)]);
    const now = clock.now();
    const next: RoundRow = {
      ...row,
      state: decision === 'accept' ? 'accepted' : 'returned',
      reviewedBy: reviewer,
      reviewedAt: now,
      reviewComment: comment,
      version: row.version + 1,
    };
    const changes: Change[] = [{ kind: 'roundRow', expectVersion: row.version, next }];
    if (decision === 'accept') {
      const target = targetOf(index, annual, row);
      if (target.version !== row.baseVersion)
        throw conflict(
          'assignment_changed',
          '回答後に内容が更新されています。最新の内容を確認してください / The record changed after this was answered; review the current state',
          { current: target.current, answer: row.answer },
        );
      changes.push(...applyAnswer(round, row, annual, target, reviewer, now, clock.today(), comment ?? ''));
    }
    if (notify) {
      const kind = decision === 'accept' ? 'row_accepted' : 'row_returned';
      const p = params(round, index.snapshot.organisations, row.ministryId, { count: 1, comment });
      for (const u of await liaisonsOf(store, row.ministryId))
        changes.push(notification(u, kind, round.id, `${kind}:${row.id}:${next.version}`, p, now));
    }
    const audit = {
      at: now,
      actor: reviewer,
      action: `round.${decision}`,
      entity: 'roundRow',
      entityId: row.id,
      before: { state: row.state },
      after: {
        state: next.state,
        roundId: round.id,
        measureId: row.measureId,
        ministryId: row.ministryId,
        kind: row.kind,
        answer: row.answer,
        comment,
      },
      requestId: c.get('requestId') ?? null,
    };
    try {
      await store.commit(changes, [audit]);
    } catch (error) {
      if (error instanceof StaleVersionError)
        throw error.entity === 'roundRow'
          ? staleVersion(await store.getRoundRow(row.id))
          : conflict(
              'assignment_changed',
              '回答後に内容が更新されています / The record changed after this was answered',
            );
      throw error;
    }
    return next;
  }
  return app;
}

/** Commits answered rows; a row that moved on in between is a 412 and nothing is written. */
export async function commitRows(
  deps: RoundDeps,
  changes: Change[],
  audit: Parameters<RoundDeps['store']['commit']>[1],
) {
  try {
    await deps.store.commit(changes, audit);
  } catch (error) {
    if (error instanceof StaleVersionError) throw staleVersion(undefined);
    throw error;
  }
}
