import { describe, expect, it } from 'vitest';
import type { MeasureDetail, Stats } from '@/domain/contract';
import type { PublicUser, Session } from '@/domain/contract';
import type { Submission } from '@/domain/contract';
import type { Milestone } from '@/domain/plan';
import { ALL_ROUTES } from '@/domain/routes';
import { auditCsv, csvCell } from '../src/server/routes/audit';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import type { AuditEntry } from '../src/server/store/port';
import { client, TEST_PASSWORD, TEST_USERS } from '../src/server/testing';
import {
  assignmentPath,
  createWorld,
  json,
  MEASURE,
  measurePath,
  MILESTONE,
  SHARED_MEASURE,
  storeState,
  type Client,
  type ErrorJson,
  type World,
} from './support/world';

const TODAY = '2016-03-31';

async function detail(c: Client, id = MEASURE): Promise<MeasureDetail> {
  return json<MeasureDetail>(await c.get(measurePath(id)));
}
async function audit(w: World, filter: { action?: string; entity?: string; entityId?: string } = {}) {
  return (await w.store.listAudit({ limit: 1000, offset: 0, ...filter })).items;
}
async function stats(c: Client): Promise<Stats> {
  return json<Stats>(await c.get(`/api/stats?asOf=${TODAY}`));
}

describe('PATCH /api/measures/:id (RAG override, deadline)', () => {
  const body = { rag: { rating: 'red', reason: '予算措置が遅れている' }, comment: '四半期レビューで確認' };

  it('requires If-Match (428) and writes nothing without it', async () => {
    const w = await createWorld();
    const staff = await w.as('staff');
    const before = await storeState(w.store);
    const res = await staff.patch(measurePath(MEASURE), body);
    expect(res.status).toBe(428);
    expect((await json<ErrorJson>(res)).error.code).toBe('version_required');
    expect(await storeState(w.store)).toEqual(before);
  });

  it.each([
    ['"2"', 412],
    ['"0"', 412],
    ['W/"9"', 412],
    ['*', 400],
    ['"1", "2"', 400],
    ['abc', 400],
  ])('answers If-Match %s with %i and writes nothing', async (ifMatch, status) => {
    const w = await createWorld();
    const staff = await w.as('staff');
    const before = await storeState(w.store);
    const res = await staff.patch(measurePath(MEASURE), body, undefined, { 'if-match': ifMatch });
    expect(res.status).toBe(status);
    if (status === 412) {
      const { error } = await json<ErrorJson>(res);
      expect(error.code).toBe('stale_version');
      expect(error.current).toMatchObject({ id: MEASURE, version: 1, rag: null });
    }
    expect(await storeState(w.store)).toEqual(before);
  });

  it('applies with the right version: 200, a new ETag, audited before → after with who and the comment', async () => {
    const w = await createWorld();
    const staff = await w.as('staff');
    const res = await staff.patch(measurePath(MEASURE), body, 1);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const m = await json<MeasureDetail>(res);
    expect(m).toMatchObject({ version: 2, rag: body.rag });
    expect((await staff.get(measurePath(MEASURE))).headers.get('etag')).toBe('"2"');
    const [entry] = await audit(w, { action: 'measure.update' });
    expect(entry).toMatchObject({
      actor: TEST_USERS.staff.email,
      entity: 'measure',
      entityId: MEASURE,
      before: { rag: null },
      after: { rag: body.rag, comment: body.comment },
      requestId: expect.any(String) as string,
    });
    // The second write from the same (now old) version is refused: no lost update.
    expect((await staff.patch(measurePath(MEASURE), { ...body, comment: 'again' }, 1)).status).toBe(412);
  });

  it('moves the deadline with its wording, and refuses an inconsistent one (422, nothing written)', async () => {
    const w = await createWorld();
    const staff = await w.as('staff');
    const due = { wording: '平成29年度末まで', kind: 'fiscal_year', date: '2018-03-31' };
    const ok = await staff.patch(measurePath(MEASURE), { due, comment: '延期' }, 1);
    expect(ok.status).toBe(200);
    expect((await json<MeasureDetail>(ok)).due).toMatchObject({ ...due, source: 'staff' });
    const before = await storeState(w.store);
    const bad = await staff.patch(measurePath(MEASURE), { due: { ...due, date: '2018-02-30' }, comment: 'x' }, 2);
    expect(bad.status).toBe(422);
    expect((await json<ErrorJson>(bad)).error.message).toContain('due');
    expect(await storeState(w.store)).toEqual(before);
  });
  it("puts rating and deadline changes in the measure's timeline, with who, when and the comment", async () => {
    const w = await createWorld();
    const staff = await w.as('staff');
    expect((await detail(staff)).changes).toEqual([]);
    const due = { wording: '平成29年度末まで', kind: 'fiscal_year', date: '2018-03-31' };
    expect((await staff.patch(measurePath(MEASURE), body, 1)).status).toBe(200);
    const moved = await staff.patch(measurePath(MEASURE), { due, rag: null, comment: '延期と評価の解除' }, 2);
    const fromWrite = await json<MeasureDetail>(moved);
    const m = await detail(staff);
    expect(fromWrite.changes).toEqual(m.changes);
    expect(m.changes).toHaveLength(2);
    const [latest, first] = m.changes;
    expect(first).toMatchObject({ actor: TEST_USERS.staff.email, comment: body.comment });
    expect(first!.before.rag).toBeNull();
    expect(first!.after.rag).toEqual(body.rag);
    expect(latest).toMatchObject({
      comment: '延期と評価の解除',
      after: { rag: null, due: { ...due, source: 'staff' } },
    });
    expect(latest!.before.rag).toEqual(body.rag);
    expect(latest!.id).toBeGreaterThan(first!.id);
    // An as-of date before the change shows the timeline as it stood then.
    expect((await json<MeasureDetail>(await staff.get(`${measurePath(MEASURE)}?asOf=2016-03-30`))).changes).toEqual([]);
    // A rejected write adds nothing to the timeline.
    expect((await staff.patch(measurePath(MEASURE), body, 1)).status).toBe(412);
    expect((await detail(staff)).changes).toHaveLength(2);
  });
});

describe('PATCH /api/measures/:id/assignments/:ministryId', () => {
  const path = assignmentPath(MEASURE, 'nisc');

  it('requires If-Match (428); a stale one is a 412 carrying the current measure', async () => {
    const w = await createWorld();
    const staff = await w.as('staff');
    const update = { status: 'in_progress', progress: 20, comment: 'c' };
    expect((await staff.patch(path, update)).status).toBe(428);
    expect((await staff.patch(path, update, 1)).status).toBe(200);
    const before = await storeState(w.store);
    const stale = await staff.patch(path, { ...update, progress: 30 }, 1);
    expect(stale.status).toBe(412);
    const current = (await json<ErrorJson>(stale)).error.current as MeasureDetail;
    expect(current.assignments.find((a) => a.ministryId === 'nisc')).toMatchObject({ version: 2, progress: 20 });
    expect(await storeState(w.store)).toEqual(before);
  });

  it('applies an update: ETag, timeline entry with who and the comment, audit before → after, stats move', async () => {
    const w = await createWorld();
    const staff = await w.as('staff');
    const statsBefore = await stats(staff);
    const res = await staff.patch(
      path,
      { status: 'completed', narrative: 'GSOC の監視対象を拡大した', comment: '年度末報告' },
      1,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const m = await json<MeasureDetail>(res);
    expect(m.assignments.find((a) => a.ministryId === 'nisc')).toMatchObject({
      status: 'completed',
      progress: 100, // 完了 without a figure means 100 %
      version: 2,
    });
    expect((await detail(staff)).history[0]).toMatchObject({
      ministryId: 'nisc',
      status: 'completed',
      progress: 100,
      actor: TEST_USERS.staff.email,
      submittedBy: null,
      comment: '年度末報告',
      effectiveOn: TODAY,
      origin: 'user',
    });
    const [entry] = await audit(w, { action: 'assignment.update' });
    expect(entry).toMatchObject({
      actor: TEST_USERS.staff.email,
      entityId: `${MEASURE}/nisc`,
      before: { status: 'not_started', progress: 0, narrative: '' },
      after: { status: 'completed', progress: 100, narrative: 'GSOC の監視対象を拡大した', comment: '年度末報告' },
    });
    const statsAfter = await stats(staff);
    expect(statsAfter.overall.byStatus.completed).toBe(statsBefore.overall.byStatus.completed + 1);
    expect(statsAfter.overall.byStatus.not_started).toBe(statsBefore.overall.byStatus.not_started - 1);
    expect(statsAfter.overall.total).toBe(statsBefore.overall.total);
  });

  it.each([
    [{ status: 'completed', progress: 60, comment: 'c' }, 'progress'],
    [{ status: 'not_started', progress: 10, comment: 'c' }, 'progress'],
    [{ progress: 101, comment: 'c' }, 'progress'],
    [{ progress: -1, comment: 'c' }, 'progress'],
    [{ progress: 12.5, comment: 'c' }, 'progress'],
    [{ status: 'done', comment: 'c' }, 'status'],
    [{ status: 'in_progress' }, 'comment'],
    [{ status: 'in_progress', comment: '   ' }, 'comment'],
    [{ comment: 'nothing to change' }, '(root)'],
    [{ status: 'in_progress', comment: 'c', owner: 'me' }, 'owner'],
  ])('refuses %j with 422 naming %s, and writes nothing', async (body, field) => {
    const w = await createWorld();
    const staff = await w.as('staff');
    const before = await storeState(w.store);
    const res = await staff.patch(path, body, 1);
    expect(res.status).toBe(422);
    const { error } = await json<ErrorJson>(res);
    expect(error.issues?.map((i) => i.path)).toContain(field);
    expect(error.message).toMatch(/ \/ /); // Japanese / English
    expect(await storeState(w.store)).toEqual(before);
  });

  it('confirms a proposed ministry assignment, audited as assignment.confirm', async () => {
    const w = await createWorld();
    const staff = await w.as('staff');
    const npa = await w.assignment(SHARED_MEASURE, 'npa');
    expect(npa.confirmed).toBe(false);
    const res = await staff.patch(
      assignmentPath(SHARED_MEASURE, 'npa'),
      { confirmed: true, comment: '確認済み' },
      npa.version,
    );
    expect(res.status).toBe(200);
    expect((await w.assignment(SHARED_MEASURE, 'npa')).confirmed).toBe(true);
    expect(await audit(w, { action: 'assignment.confirm' })).toHaveLength(1);
  });

  it('answers 404 for an unknown measure or a ministry with no assignment', async () => {
    const w = await createWorld();
    const staff = await w.as('staff');
    const update = { progress: 10, status: 'in_progress', comment: 'c' };
    expect((await staff.patch(assignmentPath('9.9.9-1', 'nisc'), update, 1)).status).toBe(404);
    expect((await staff.patch(assignmentPath(MEASURE, 'mod'), update, 1)).status).toBe(404);
  });
});

/** A second liaison (mic), created by the administrator through the API and past its first sign-in. */
async function micLiaison(w: World): Promise<Client> {
  const admin = await w.as('admin');
  const email = 'liaison@mic.example.go.jp';
  const temporary = 'temporary-wisteria-4417';
  const created = await admin.post('/api/users', {
    email,
    name: '総務 四郎',
    role: 'liaison',
    ministryId: 'mic',
    password: temporary,
  });
  expect(created.status).toBe(201);
  const res = await w.app.request('/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: temporary }),
  });
  const session = {
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!,
    csrfToken: (await json<Session>(res)).csrfToken,
  };
  const first = client(w.app, session);
  const changed = await first.post('/api/session/password', {
    currentPassword: temporary,
    newPassword: 'maple-leaves-at-takao',
  });
  expect(changed.status).toBe(200);
  // The password change renewed the session: go on with the cookie and CSRF token it answered with.
  const renewed = {
    cookie: (changed.headers.get('set-cookie') ?? '').split(';')[0]!,
    csrfToken: (await json<Session>(changed)).csrfToken,
  };
  return Object.assign(client(w.app, renewed), { session: renewed });
}

async function submit(w: World, liaison: Client, over: Partial<Submission> = {}) {
  const a = await w.assignment(SHARED_MEASURE, 'npa');
  return liaison.post('/api/submissions', {
    measureId: SHARED_MEASURE,
    ministryId: 'npa',
    baseVersion: a.version,
    status: 'in_progress',
    progress: 45,
    narrative: 'サイバー攻撃対策の体制を強化（成果・進捗状況）',
    evidence: '平成27年度 第4四半期報告',
    ...over,
  });
}

describe('liaison submissions and NISC review', () => {
  it('queues a submission as pending: staff and the liaison see it, another ministry’s liaison does not', async () => {
    const w = await createWorld();
    const liaison = await w.as('liaison');
    const res = await submit(w, liaison);
    expect(res.status).toBe(201);
    const s = await json<Submission>(res);
    expect(s).toMatchObject({ state: 'pending', ministryId: 'npa', submittedBy: TEST_USERS.liaison.email, version: 1 });
    // Nothing applied yet.
    expect((await w.assignment(SHARED_MEASURE, 'npa')).progress).toBe(0);
    const staff = await w.as('staff');
    const staffQueue = await json<{ items: Submission[] }>(await staff.get('/api/submissions?state=pending'));
    expect(staffQueue.items.map((x) => x.id)).toEqual([s.id]);
    const own = await json<{ items: Submission[] }>(await liaison.get('/api/submissions?state=pending'));
    expect(own.items.map((x) => x.id)).toEqual([s.id]);
    const mic = await micLiaison(w);
    for (const q of ['?state=pending', '', '?ministry=npa']) {
      const other = await mic.get(`/api/submissions${q}`);
      expect(other.status).toBe(200);
      expect((await json<{ items: Submission[] }>(other)).items, q).toEqual([]);
    }
    expect(await audit(w, { action: 'submission.create' })).toHaveLength(1);
  });

  it('approving applies it under the approver’s and the submitter’s names', async () => {
    const w = await createWorld();
    const liaison = await w.as('liaison');
    const s = await json<Submission>(await submit(w, liaison));
    const staff = await w.as('staff');
    const res = await staff.post(`/api/submissions/${s.id}/approve`, { comment: '内容を確認' }, { 'if-match': '"1"' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(await json(res)).toMatchObject({ state: 'approved', reviewedBy: TEST_USERS.staff.email, version: 2 });
    expect(await w.assignment(SHARED_MEASURE, 'npa')).toMatchObject({
      status: 'in_progress',
      progress: 45,
      version: 2,
    });
    const event = (await detail(staff, SHARED_MEASURE)).history[0];
    expect(event).toMatchObject({
      ministryId: 'npa',
      progress: 45,
      narrative: s.narrative,
      actor: TEST_USERS.staff.email,
      submittedBy: TEST_USERS.liaison.email,
      comment: '内容を確認',
    });
    expect(await audit(w, { action: 'submission.approve' })).toMatchObject([
      { actor: TEST_USERS.staff.email, entityId: s.id, before: { state: 'pending' }, after: { state: 'approved' } },
    ]);
    expect(await json(await staff.get('/api/submissions?state=pending'))).toEqual({ items: [] });
  });

  it('returning it with a comment leaves the assignment alone; the liaison sees why', async () => {
    const w = await createWorld();
    const liaison = await w.as('liaison');
    const s = await json<Submission>(await submit(w, liaison));
    const staff = await w.as('staff');
    const noComment = await staff.post(`/api/submissions/${s.id}/return`, {}, { 'if-match': '"1"' });
    expect(noComment.status).toBe(422);
    expect((await json<ErrorJson>(noComment)).error.issues?.map((i) => i.path)).toContain('comment');
    const res = await staff.post(
      `/api/submissions/${s.id}/return`,
      { comment: '根拠資料を添付してください' },
      { 'if-match': '"1"' },
    );
    expect(res.status).toBe(200);
    expect((await w.assignment(SHARED_MEASURE, 'npa')).version).toBe(1);
    const { items } = await json<{ items: Submission[] }>(await liaison.get('/api/submissions'));
    expect(items).toMatchObject([{ id: s.id, state: 'returned', reviewComment: '根拠資料を添付してください' }]);
  });

  it('refuses to approve once the assignment changed since submission (409 assignment_changed), writing nothing', async () => {
    const w = await createWorld();
    const liaison = await w.as('liaison');
    const s = await json<Submission>(await submit(w, liaison));
    const staff = await w.as('staff');
    expect(
      (
        await staff.patch(
          assignmentPath(SHARED_MEASURE, 'npa'),
          { progress: 10, status: 'in_progress', comment: 'direct' },
          1,
        )
      ).status,
    ).toBe(200);
    const before = await storeState(w.store);
    const res = await staff.post(`/api/submissions/${s.id}/approve`, {}, { 'if-match': '"1"' });
    expect(res.status).toBe(409);
    const { error } = await json<ErrorJson>(res);
    expect(error.code).toBe('assignment_changed');
    expect(error.current).toMatchObject({ ministryId: 'npa', progress: 10, version: 2 });
    expect(await storeState(w.store)).toEqual(before);
  });

  it('refuses to approve twice (409 not_pending), whichever version the second reviewer saw', async () => {
    const w = await createWorld();
    const liaison = await w.as('liaison');
    const s = await json<Submission>(await submit(w, liaison));
    const [first, second] = [await w.as('staff'), await w.as('admin')];
    expect((await first.post(`/api/submissions/${s.id}/approve`, {}, { 'if-match': '"1"' })).status).toBe(200);
    const before = await storeState(w.store);
    for (const version of ['"1"', '"2"']) {
      for (const action of ['approve', 'return']) {
        const res = await second.post(`/api/submissions/${s.id}/${action}`, { comment: 'x' }, { 'if-match': version });
        expect(res.status, `${action} ${version}`).toBe(409);
        const { error } = await json<ErrorJson>(res);
        expect(error.code).toBe('not_pending');
        expect(error.current).toMatchObject({ state: 'approved' });
      }
    }
    expect(await storeState(w.store)).toEqual(before);
  });

  it.each([
    [{ status: 'completed', progress: 50 }, 422],
    [{ progress: 101 }, 422],
    [{ baseVersion: 7 }, 412],
    [{ measureId: 'no-such-measure' }, 404],
  ])('refuses a submission %j with %i, writing nothing', async (over, status) => {
    const w = await createWorld();
    const liaison = await w.as('liaison');
    const before = await storeState(w.store);
    expect((await submit(w, liaison, over as Partial<Submission>)).status).toBe(status);
    expect(await storeState(w.store)).toEqual(before);
  });
});

describe('PATCH /api/milestones/:id', () => {
  const move = { start: '2021-07-23', end: '2021-08-08', reason: '東京2020大会の延期' };

  it('lets an administrator move a milestone with a reason: audited before → after', async () => {
    const w = await createWorld();
    const admin = await w.as('admin');
    const res = await admin.patch(`/api/milestones/${MILESTONE}`, { end: '2019-11-03', reason: '決勝の日程' }, 1);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const { items } = await json<{ items: Milestone[] }>(await admin.get('/api/milestones'));
    expect(items.find((m) => m.id === MILESTONE)).toMatchObject({ start: '2019-09-20', end: '2019-11-03', version: 2 });
    expect(await audit(w, { action: 'milestone.update' })).toMatchObject([
      {
        actor: TEST_USERS.admin.email,
        entityId: MILESTONE,
        before: { end: '2019-11-02', version: 1 },
        after: { end: '2019-11-03', version: 2, reason: '決勝の日程' },
      },
    ]);
  });

  it.each([
    ['staff', 'staff', move, 403],
    ['no reason', 'admin', { start: move.start, end: move.end }, 422],
    ['end before start', 'admin', { start: '2021-08-08', end: '2021-07-23', reason: 'x' }, 422],
    ['an impossible date', 'admin', { end: '2019-02-29', reason: 'x' }, 422],
  ] as const)('refuses a move by %s (%s) and writes nothing', async (_label, who, body, status) => {
    const w = await createWorld();
    const c = await w.as(who);
    const before = await storeState(w.store);
    expect((await c.patch(`/api/milestones/${MILESTONE}`, body, 1)).status).toBe(status);
    expect(await storeState(w.store)).toEqual(before);
  });
});

describe('/api/users (administrators)', () => {
  const liaisonBody = {
    email: 'New.Liaison@MHLW.example.go.jp',
    name: '厚労 五郎',
    role: 'liaison',
    ministryId: 'mhlw',
    password: 'cherry-trees-along-meguro',
  };

  it('creates a liaison (201, must change password), audited; refuses a duplicate email (409)', async () => {
    const w = await createWorld();
    const admin = await w.as('admin');
    const res = await admin.post('/api/users', liaisonBody);
    expect(res.status).toBe(201);
    const user = await json<PublicUser>(res);
    expect(user).toMatchObject({
      email: 'new.liaison@mhlw.example.go.jp',
      role: 'liaison',
      ministryId: 'mhlw',
      mustChangePassword: true,
      totpEnabled: false,
    });
    expect(user).not.toHaveProperty('passwordHash');
    expect(await audit(w, { action: 'user.create' })).toMatchObject([
      { actor: TEST_USERS.admin.email, entityId: user.id },
    ]);
    const dup = await admin.post('/api/users', {
      ...liaisonBody,
      email: 'new.liaison@mhlw.example.go.jp',
      name: '別人',
    });
    expect(dup.status).toBe(409);
    expect((await json<ErrorJson>(dup)).error.code).toBe('email_taken');
    const { items } = await json<{ items: PublicUser[] }>(await admin.get('/api/users'));
    expect(items.filter((u) => u.email === 'new.liaison@mhlw.example.go.jp')).toHaveLength(1);
  });

  it.each([
    ['a liaison without a ministry', { ministryId: undefined }, 'ministryId'],
    ['a liaison of an unknown ministry', { ministryId: 'gsoc' }, 'ministryId'],
    ['a weak password', { password: 'password1234' }, 'newPassword'],
    ['an unknown role', { role: 'superuser' }, 'role'],
  ])('refuses %s (422 naming %s)', async (_label, over, field) => {
    const w = await createWorld();
    const admin = await w.as('admin');
    const before = await storeState(w.store);
    const res = await admin.post('/api/users', { ...liaisonBody, ...over });
    expect(res.status).toBe(422);
    expect((await json<ErrorJson>(res)).error.issues?.map((i) => i.path)).toContain(field);
    expect(await storeState(w.store)).toEqual(before);
  });

  it('never demotes or disables the last administrator (409); with a second one it may', async () => {
    const w = await createWorld();
    const admin = await w.as('admin');
    const id = w.users.admin.id;
    // Signing in with a TOTP code moved the record on (the code's step is kept so it cannot be replayed).
    const version = (await w.store.getUser(id))!.version;
    for (const change of [{ role: 'nisc_staff' }, { disabled: true }]) {
      const res = await admin.patch(`/api/users/${id}`, change, version);
      expect(res.status, JSON.stringify(change)).toBe(409);
      expect((await json<ErrorJson>(res)).error.code).toBe('last_admin');
    }
    expect((await w.store.getUser(id))?.role).toBe('nisc_admin');
    const staff = (await w.store.getUser(w.users.staff.id))!;
    expect((await admin.patch(`/api/users/${staff.id}`, { role: 'nisc_admin' }, staff.version)).status).toBe(200);
    expect(await audit(w, { action: 'user.role_changed' })).toHaveLength(1);
    const demote = await admin.patch(`/api/users/${id}`, { role: 'nisc_staff' }, version);
    expect(demote.status).toBe(200);
  });

  it('disabling a user ends their sessions and refuses their sign-in', async () => {
    const w = await createWorld();
    const admin = await w.as('admin');
    const [viewerA, viewerB] = [await w.as('viewer'), await w.as('viewer')];
    expect((await viewerA.get('/api/measures')).status).toBe(200);
    const res = await admin.patch(`/api/users/${w.users.viewer.id}`, { disabled: true }, 1);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ disabled: true, version: 2 });
    for (const c of [viewerA, viewerB]) expect((await c.get('/api/measures')).status).toBe(401);
    const signIn = await w.app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: TEST_USERS.viewer.email, password: TEST_PASSWORD }),
    });
    expect(signIn.status).toBe(401);
  });

  it('resets a lost phone: TOTP off, sessions ended, audited; never for the administrator themself (409)', async () => {
    const w = await createWorld();
    const admin = await w.as('admin');
    await w.setUser(w.users.staff.id, (u) => ({ ...u, totpEnabled: true, totpSecret: 'JBSWY3DPEHPK3PXP' }));
    const staffUser = (await w.store.getUser(w.users.staff.id))!;
    const staff = await w.as('staff').catch(() => null);
    expect(staff).toBeNull(); // the code is now required
    const res = await admin.patch(`/api/users/${staffUser.id}`, { resetTotp: true }, staffUser.version);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ totpEnabled: false });
    expect(await w.store.getUser(staffUser.id)).toMatchObject({ totpSecret: null, totpPendingSecret: null });
    expect((await audit(w, { action: 'user.update' })).at(0)?.after).toMatchObject({ totpReset: true });
    expect((await (await w.as('staff')).get('/api/session')).status).toBe(200);

    const self = (await w.store.getUser(w.users.admin.id))!;
    const before = await storeState(w.store);
    const own = await admin.patch(`/api/users/${self.id}`, { resetTotp: true }, self.version);
    expect(own.status).toBe(409);
    expect((await json<ErrorJson>(own)).error.code).toBe('own_totp');
    expect(await storeState(w.store)).toEqual(before);
  });

  it('unlocking a locked account lets its user sign in again at once; a role change ends their sessions', async () => {
    const w = await createWorld();
    const signInStaff = (password: string) =>
      w.app.request('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: TEST_USERS.staff.email, password }),
      });
    const staff = await w.as('staff');
    for (let i = 0; i < 5; i++) expect((await signInStaff(`wrong-guess-${i}`)).status).toBe(401);
    expect((await signInStaff(TEST_PASSWORD)).status).toBe(401); // locked: the same answer as a wrong password
    const admin = await w.as('admin');
    const locked = (await w.store.getUser(w.users.staff.id))!;
    expect(locked.lockedUntil).not.toBeNull();
    const res = await admin.patch(`/api/users/${locked.id}`, { unlock: true }, locked.version);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ lockedUntil: null });
    expect((await signInStaff(TEST_PASSWORD)).status).toBe(200);
    // The lock did not end the existing session; a change of role does.
    expect((await staff.get('/api/measures')).status).toBe(200);
    const current = (await w.store.getUser(locked.id))!;
    expect((await admin.patch(`/api/users/${locked.id}`, { role: 'viewer' }, current.version)).status).toBe(200);
    expect((await staff.get('/api/measures')).status).toBe(401);
  });

  it('a stale If-Match on a user is a 412 with the current (public) record', async () => {
    const w = await createWorld();
    const admin = await w.as('admin');
    expect((await admin.patch(`/api/users/${w.users.viewer.id}`, { name: 'A' }, 1)).status).toBe(200);
    const stale = await admin.patch(`/api/users/${w.users.viewer.id}`, { name: 'B' }, 1);
    expect(stale.status).toBe(412);
    const { error } = await json<ErrorJson>(stale);
    expect(error.current).toMatchObject({ name: 'A', version: 2 });
    expect(error.current).not.toHaveProperty('passwordHash');
  });
});

describe('GET /api/audit', () => {
  async function busyWorld() {
    const w = await createWorld();
    const staff = await w.as('staff');
    await staff.patch(assignmentPath(MEASURE, 'nisc'), { progress: 10, status: 'in_progress', comment: 'one' }, 1);
    await staff.patch(measurePath(MEASURE), { rag: { rating: 'amber', reason: 'r' }, comment: 'two' }, 1);
    // A failed sign-in whose email would run as a formula in a spreadsheet.
    await w.app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: '+cmd@evil.example', password: 'x' }),
    });
    return { w, admin: await w.as('admin') };
  }

  it.each([
    ['action=assignment.update', (e: AuditEntry) => e.action === 'assignment.update'],
    ['entity=measure', (e: AuditEntry) => e.entity === 'measure'],
    [`entityId=${encodeURIComponent(`${MEASURE}/nisc`)}`, (e: AuditEntry) => e.entityId === `${MEASURE}/nisc`],
    [`actor=${encodeURIComponent(TEST_USERS.staff.email)}`, (e: AuditEntry) => e.actor === TEST_USERS.staff.email],
    ['from=2016-03-31&to=2016-03-31', () => true],
    ['from=2016-04-01', () => false],
    ['to=2016-03-30', () => false],
  ])('filters by %s', async (query, keep) => {
    const { w, admin } = await busyWorld();
    const all = await audit(w);
    const res = await admin.get(`/api/audit?${query}`);
    expect(res.status).toBe(200);
    const body = await json<{ items: AuditEntry[]; total: number }>(res);
    // The sign-in that fetched this page is audited too: compare with the trail as it is now.
    const expected = (await audit(w)).filter((e) => keep(e) && e.id <= all[0]!.id);
    expect(body.items.filter((e) => e.id <= all[0]!.id).map((e) => e.id)).toEqual(expected.map((e) => e.id));
    if (!query.startsWith('from=2016-03-31')) expect(body.total).toBe(expected.length);
  });

  it('pages with limit and offset, newest first', async () => {
    const { admin } = await busyWorld();
    const all = await json<{ items: AuditEntry[]; total: number }>(await admin.get('/api/audit'));
    const page = await json<{ items: AuditEntry[]; total: number }>(await admin.get('/api/audit?limit=2&offset=1'));
    expect(page.total).toBe(all.total);
    expect(page.items.map((e) => e.id)).toEqual(all.items.slice(1, 3).map((e) => e.id));
    expect(all.items.map((e) => e.id)).toEqual([...all.items.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('exports CSV: BOM, CRLF, a header row, every entry, formula cells neutralised', async () => {
    const { w, admin } = await busyWorld();
    const res = await admin.get('/api/audit?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="audit\.csv"/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFFid,at,actor,action,entity,entityId,before,after,requestId\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/); // no bare LF line ends (quoted cells aside)
    const total = (await w.store.listAudit({ limit: 1, offset: 0 })).total;
    expect(text.trimEnd().split('\r\n')).toHaveLength(total + 1);
    expect(text).toContain(",'+cmd@evil.example,session.failed,");
    expect(text).not.toMatch(/,\+cmd@/);
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['plain, with comma', '"plain, with comma"'],
    ['line\nbreak', '"line\nbreak"'],
    [{ a: 1 }, '"{""a"":1}"'],
    [undefined, ''],
  ])('csvCell(%j) → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('a whole CSV from entries keeps one line per entry even with line breaks inside cells', () => {
    const csv = auditCsv([
      {
        id: 1,
        at: 't',
        actor: '=x',
        action: 'a',
        entity: 'e',
        entityId: 'i',
        before: undefined,
        after: { n: 'a\r\nb' },
        requestId: null,
      },
    ]);
    expect(csv).toBe(
      '\uFEFFid,at,actor,action,entity,entityId,before,after,requestId\r\n1,t,\'=x,a,e,i,,"{""n"":""a\\r\\nb""}",\r\n',
    );
  });

  it('has no route that edits or deletes audit entries, and the database refuses it too', async () => {
    expect(ALL_ROUTES.filter((r) => r.path.startsWith('/api/audit') && r.method !== 'get')).toEqual([]);
    const { admin } = await busyWorld();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/api/audit', '/api/audit/1']) {
        const res = await admin.send(method, path, {}, { 'if-match': '"1"' });
        expect(res.status, `${method} ${path}`).toBe(404);
      }
    }
    const db = openDatabase(':memory:');
    const sqlite = await createWorld({ store: createSqliteStore(db) });
    expect((await sqlite.store.listAudit({ limit: 1, offset: 0 })).total).toBeGreaterThan(0);
    expect(() => db.prepare('UPDATE audit_events SET actor = ?').run('someone else')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  });

  it('is for administrators only', async () => {
    const w = await createWorld();
    for (const who of ['staff', 'liaison', 'viewer'] as const)
      expect((await (await w.as(who)).get('/api/audit')).status).toBe(403);
  });
});
