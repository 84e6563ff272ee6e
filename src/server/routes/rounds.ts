import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { PlanIndex } from '@/domain/plan';
import { ROUND_ROUTES } from '@/domain/routes';
import {
  DEFAULT_REMINDER_DAYS,
  ministriesWithAssignments,
  ministryProgress,
  owedRows,
  progressFromCounts,
  roundDateIssues,
  type Checklist,
  type Round,
  type RoundDetail,
  type RoundRow,
} from '@/domain/rounds';
import type { AppEnv, Deps } from '../context';
import { conflict, forbidden, invalidParams, notFound, staleVersion } from '../errors';
import { ifMatchVersion, parseBody } from '../middleware';
import { roundOpenedChanges } from '../rounds/notify';
import { targetOf } from '../rounds/targets';
import { parseQuery } from '../validate';
import { commitOrStale } from './updates';

type Ctx = Context<AppEnv>;
export type RoundDeps = Deps & { plan: () => Promise<PlanIndex> };

/** A round and its board: per ministry, answered of owed, late, returned, last activity. */
export async function roundDetail(deps: RoundDeps, round: Round): Promise<RoundDetail> {
  const counts = await deps.store.roundCounts(round.id, round.dueOn);
  return { round, ministries: progressFromCounts(round.ministryIds, counts, round, deps.clock.today()) };
}

export async function loadRound(deps: RoundDeps, id: string): Promise<Round> {
  const round = await deps.store.getRound(id);
  if (!round) throw notFound('照会 / Round');
  return round;
}

export const roundClosed = () =>
  conflict(
    'round_closed',
    'この照会は締め切られています。回答は確定済みです / This round is closed; its answers are frozen',
  );

/** Reads the checklist of one ministry: a liaison only their own. */
export function mayRead(c: Ctx, ministryId: string): void {
  const user = c.get('user')!;
  if (user.role === 'liaison' && user.ministryId !== ministryId)
    throw forbidden('自府省庁の照会のみ閲覧できます / You can see only your own ministry’s rows');
}

export function roundRoutes(deps: RoundDeps) {
  const { store, clock, plan } = deps;
  const app = new Hono<AppEnv>();

  app.get('/rounds', async (c) => {
    const q = parseQuery(c, ROUND_ROUTES.listRounds.query);
    const today = clock.today();
    const items = [];
    for (const round of await store.listRounds()) {
      if (q.state && round.state !== q.state) continue;
      const progress = progressFromCounts(
        round.ministryIds,
        await store.roundCounts(round.id, round.dueOn),
        round,
        today,
      );
      const sum = (k: 'owed' | 'answered' | 'accepted') => progress.reduce((n, p) => n + p[k], 0);
      items.push({
        ...round,
        owed: sum('owed'),
        answered: sum('answered'),
        accepted: sum('accepted'),
        overdue: round.state === 'open' && progress.some((p) => p.overdue),
      });
    }
    return c.json({ items });
  });

  app.post('/rounds', async (c) => {
    const body = await parseBody(c, ROUND_ROUTES.openRound.body);
    const index = await plan();
    const today = clock.today();
    const assignable = new Set(index.snapshot.organisations.filter((o) => o.assignable).map((o) => o.id));
    const ministryIds = body.ministryIds?.length ? [...new Set(body.ministryIds)] : ministriesWithAssignments(index);
    const unknown = ministryIds.filter((m) => !assignable.has(m));
    const sections = new Set(index.snapshot.sections.map((s) => s.code));
    const unknownSections = (body.sectionCodes ?? []).filter((s) => !sections.has(s));
    const issues = [
      ...unknown.map((m) => ({ path: 'ministryIds', message: `存在しない府省庁です / Unknown ministry: ${m}` })),
      ...unknownSections.map((s) => ({ path: 'sectionCodes', message: `存在しない項目です / Unknown section: ${s}` })),
      ...roundDateIssues(body, today),
    ];
    if (issues.length) throw invalidParams(issues);
    const now = clock.now();
    const user = c.get('user')!;
    const round: Round = {
      id: randomUUID(),
      title: body.title,
      kind: body.kind,
      fy: body.fy,
      asOf: body.asOf,
      openedOn: today,
      dueOn: body.dueOn,
      ministryIds,
      sectionCodes: body.sectionCodes ?? [],
      instructions: body.instructions,
      reminderDays: [...new Set(body.reminderDays ?? DEFAULT_REMINDER_DAYS)].sort((a, b) => b - a),
      state: 'open',
      openedBy: user.email,
      openedAt: now,
      closedBy: null,
      closedAt: null,
      version: 1,
    };
    const owed = owedRows(index, round);
    if (owed.length === 0)
      throw invalidParams([
        {
          path: 'ministryIds',
          message:
            '照会する行がありません（府省庁・項目の指定を確認してください） / The round would ask for no rows (check ministries and sections)',
        },
      ]);
    const rows: RoundRow[] = owed.map((o, i) => ({
      id: `${round.id}-${i + 1}`,
      roundId: round.id,
      ...o,
      state: 'owed',
      baseVersion: null,
      answer: null,
      unchanged: false,
      answeredBy: null,
      answeredAt: null,
      reviewedBy: null,
      reviewedAt: null,
      reviewComment: null,
      version: 1,
    }));
    const notices = await roundOpenedChanges(store, round, index.snapshot.organisations, now, deps.config.publicUrl);
    await commitOrStale(
      deps,
      [{ kind: 'round', expectVersion: null, next: round }, { kind: 'roundRows', rows }, ...notices],
      {
        c,
        action: 'round.open',
        entity: 'round',
        entityId: round.id,
        before: undefined,
        after: { ...round, rows: rows.length },
        current: () => store.getRound(round.id),
      },
    );
    c.header('ETag', '"1"');
    return c.json(await roundDetail(deps, round), 201);
  });

  app.get('/rounds/:id', async (c) => {
    const round = await loadRound(deps, c.req.param('id'));
    c.header('ETag', `"${round.version}"`);
    return c.json(await roundDetail(deps, round));
  });

  app.patch('/rounds/:id', async (c) => {
    const expected = ifMatchVersion(c);
    const body = await parseBody(c, ROUND_ROUTES.updateRound.body);
    const round = await loadRound(deps, c.req.param('id'));
    if (round.state === 'closed') throw roundClosed();
    if (round.version !== expected) throw staleVersion(await roundDetail(deps, round));
    if (body.dueOn) {
      const issues = roundDateIssues({ asOf: round.asOf, dueOn: body.dueOn }, round.openedOn);
      if (issues.length) throw invalidParams(issues);
    }
    const closing = body.state === 'closed';
    const next: Round = {
      ...round,
      dueOn: body.dueOn ?? round.dueOn,
      state: closing ? 'closed' : round.state,
      closedBy: closing ? c.get('user')!.email : null,
      closedAt: closing ? clock.now() : null,
      version: round.version + 1,
    };
    await commitOrStale(deps, [{ kind: 'round', expectVersion: expected, next }], {
      c,
      action: closing ? 'round.close' : 'round.extend',
      entity: 'round',
      entityId: round.id,
      before: { dueOn: round.dueOn, state: round.state },
      after: { dueOn: next.dueOn, state: next.state, comment: body.comment ?? null },
      current: async () => roundDetail(deps, (await store.getRound(round.id))!),
    });
    c.header('ETag', `"${next.version}"`);
    return c.json(await roundDetail(deps, next));
  });

  app.get('/rounds/:id/ministries/:ministryId', async (c) => {
    const { id, ministryId } = c.req.param();
    mayRead(c, ministryId);
    const round = await loadRound(deps, id);
    if (!round.ministryIds.includes(ministryId)) throw notFound('照会先の府省庁 / Ministry in this round');
    const [index, annual, rows] = await Promise.all([
      plan(),
      store.annual(round.fy),
      store.roundRows(round.id, ministryId),
    ]);
    const [progress] = ministryProgress([ministryId], rows, round, clock.today());
    const checklist: Checklist = {
      round,
      ministryId,
      progress: progress!,
      rows: rows.map((r) => {
        const m = index.measureById.get(r.measureId);
        const target = targetOf(index, annual, r);
        return {
          ...r,
          code: m?.code ?? r.measureId,
          title: m?.title ?? { ja: r.measureId, en: r.measureId },
          current: target.current,
          currentVersion: target.version,
          conflict: r.state === 'answered' && r.baseVersion !== target.version,
        };
      }),
    };
    return c.json(checklist);
  });
  return app;
}
