import { beforeAll, describe, expect, it } from 'vitest';
import { can, type UserRole } from '@/domain/auth';
import type { ResultSubmission, Submission } from '@/domain/contract';
import type { RouteSpec } from '@/domain/routes';
import { ALL_ROUTES } from '@/domain/routes';
import type { Checklist } from '@/domain/rounds';
import { TEST_USERS, type TestUser } from '../src/server/testing';
import { openRound, ROUND_BODY } from './support/rounds';
import {
  assignmentPath,
  createWorld,
  json,
  MEASURE,
  measurePath,
  MILESTONE,
  SHARED_MEASURE,
  storeState,
  type ErrorJson,
  type World,
} from './support/world';

/**
 * The permission matrix, generated from the route table: every route × every role (and nobody).
 * The expectation comes from the same `access` and `can()` the server uses, so a new route or a
 * changed grant extends the matrix by itself; what this proves is that the server enforces them.
 */
type Who = TestUser | null;
const WHO: Who[] = [null, 'viewer', 'liaison', 'staff', 'admin'];
const roleOf = (who: TestUser): UserRole => TEST_USERS[who].role;

type Expectation = 'allowed' | 401 | 403;
function expectation(spec: RouteSpec, who: Who): Expectation {
  if (spec.access === 'public') return 'allowed';
  if (who === null) return 401;
  if (spec.access === 'session') return 'allowed';
  return can(roleOf(who), spec.access) ? 'allowed' : 403;
}

let world: World;
let pendingId: string;
let pendingResultId: string;
let round: { id: string; rowId: string };

beforeAll(async () => {
  world = await createWorld();
  pendingId = await pendingSubmission(world);
  pendingResultId = await pendingResultSubmission(world, 2016);
  round = await roundFixture(world);
});

/** An open round over npa and nisc (issue 12), with one of npa's rows answered. */
async function roundFixture(w: World): Promise<{ id: string; rowId: string }> {
  const { round: r } = await openRound(w);
  const liaison = await w.as('liaison');
  const list = await json<Checklist>(await liaison.get(`/api/rounds/${r.id}/ministries/npa`));
  const row = list.rows[0]!;
  const res = await liaison.post(`/api/rounds/${r.id}/answers`, {
    answers: [{ rowId: row.id, version: row.version, baseVersion: row.currentVersion, unchanged: true }],
  });
  if (res.status !== 200) throw new Error(`round fixture: ${res.status} ${await res.text()}`);
  return { id: r.id, rowId: row.id };
}

/** A pending submission written straight to the store, so approve/return have a real id. */
async function pendingSubmission(w: World): Promise<string> {
  const a = await w.assignment(SHARED_MEASURE, 'npa');
  const s: Submission = {
    id: `fixture-${Math.random().toString(36).slice(2)}`,
    measureId: a.measureId,
    ministryId: a.ministryId,
    baseVersion: a.version,
    status: 'in_progress',
    progress: 20,
    narrative: 'fixture',
    evidence: '',
    state: 'pending',
    submittedBy: TEST_USERS.liaison.email,
    submittedAt: w.clock.now(),
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
    version: 1,
  };
  await w.store.commit([{ kind: 'submission', expectVersion: null, next: s }], []);
  return s.id;
}

/** A liaison's pending results text (decision record 020), written straight to the store. */
async function pendingResultSubmission(w: World, fy: number): Promise<string> {
  const id = `fixture-result-${Math.random().toString(36).slice(2)}`;
  const next: ResultSubmission = {
    id,
    fy,
    measureId: SHARED_MEASURE,
    ministryId: 'npa',
    baseVersion: 0,
    previousText: '',
    text: 'fixture',
    note: '',
    state: 'pending',
    submittedBy: TEST_USERS.liaison.email,
    submittedAt: w.clock.now(),
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
    version: 1,
  };
  await w.store.commit([{ kind: 'resultSubmission', expectVersion: null, next }], []);
  return id;
}

/** Fills a route's path parameters with real ids; an unknown parameter fails loudly so it gets one. */
function fillPath(path: string): string {
  const [, , resource] = path.split('/');
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    // A round's ministry is the liaison's own (npa), so that the read is theirs to make.
    if (name === 'ministryId') return resource === 'rounds' ? 'npa' : 'nisc';
    if (name === 'answerId') return round.rowId;
    if (name === 'fy') return '2016';
    const byResource: Record<string, string> = {
      measures: encodeURIComponent(MEASURE),
      plans: encodeURIComponent(MEASURE),
      ministries: 'nisc',
      milestones: MILESTONE,
      users: world.users.viewer.id,
      submissions: pendingId,
      'result-submissions': pendingResultId,
      rounds: round.id,
    };
    const id = resource && byResource[resource];
    if (!id) throw new Error(`permissions.test: give {${name}} in ${path} a real id in fillPath`);
    return id;
  });
}

/** Puts back any test account a row changed (POST /api/session/totp re-keys the caller's TOTP). */
async function restoreUsers(): Promise<void> {
  for (const original of Object.values(world.users)) {
    const now = await world.store.getUser(original.id);
    if (now && JSON.stringify({ ...now, version: 0 }) !== JSON.stringify({ ...original, version: 0 }))
      await world.setUser(original.id, () => original);
  }
}

const rows = ALL_ROUTES.flatMap((spec) =>
  WHO.map((who) => ({ spec, who, expected: expectation(spec, who) })).map(
    (r) => [`${r.spec.method.toUpperCase()} ${r.spec.path} as ${r.who ?? 'nobody'} → ${r.expected}`, r] as const,
  ),
);

describe('permission matrix (generated from ALL_ROUTES)', () => {
  it('covers every route for every role and nobody', () => {
    expect(rows).toHaveLength(ALL_ROUTES.length * WHO.length);
    // Not vacuous: each outcome occurs, and writes are among the refused.
    const outcomes = rows.map(([, r]) => r.expected);
    expect(new Set(outcomes)).toEqual(new Set(['allowed', 401, 403]));
  });

  it.each(rows)('%s', async (_label, { spec, who, expected }) => {
    // A fresh session per row: some rows sign out or re-key the caller.
    const c = who ? await world.as(who) : world.anon;
    const path = fillPath(spec.path);
    const res =
      spec.method === 'get'
        ? await c.get(path)
        : await c.send(spec.method.toUpperCase(), path, {}, { 'if-match': '"1"' });
    await restoreUsers();
    expect(res.status).toBeLessThan(500);
    if (expected === 'allowed') {
      expect([401, 403]).not.toContain(res.status);
      // Reads name real records, so a permitted read succeeds outright. The provider sign-in routes answer
      // a redirect, or 404 where no provider is configured, as here (tests/oidc.test.ts drives them).
      if (spec.method === 'get' && spec.redirects) expect([302, 404]).toContain(res.status);
      else if (spec.method === 'get') expect(res.status).toBe(200);
    } else {
      expect(res.status).toBe(expected);
      const body = await json<ErrorJson>(res);
      expect(body.error.code).toBe(expected === 401 ? 'unauthenticated' : 'forbidden');
    }
  });
});

/** A valid request for every permission-guarded write, so refusals cannot hide behind validation. */
async function validWrites(
  w: World,
): Promise<Record<string, { method: string; path: string; body: unknown; version?: number }>> {
  const nisc = await w.assignment(MEASURE, 'nisc');
  const npa = await w.assignment(SHARED_MEASURE, 'npa');
  const measure = (await w.store.snapshot()).measures.find((m) => m.id === MEASURE)!;
  const shared = (await w.store.snapshot()).measures.find((m) => m.id === SHARED_MEASURE)!;
  const staff = (await w.store.getUser(w.users.staff.id))!;
  const pending = await pendingSubmission(w);
  const pendingResult = await pendingResultSubmission(w, 2016);
  // One round each for the writes that review a row: each needs an answered row of its own.
  const [r, forAccept, forReturn, forReview] = [
    await roundFixture(w),
    await roundFixture(w),
    await roundFixture(w),
    await roundFixture(w),
  ];
  const staffClient = await w.as('staff');
  const nisc0 = (await json<Checklist>(await staffClient.get(`/api/rounds/${r.id}/ministries/nisc`))).rows[0]!;
  return {
    updateMeasure: {
      method: 'PATCH',
      path: measurePath(MEASURE),
      body: { rag: { rating: 'amber', reason: '要員不足' }, comment: 'c' },
      version: measure.version,
    },
    // Another measure, so that the administrator's run does not find updateMeasure's version moved.
    setFyTargets: {
      method: 'PATCH',
      path: `${measurePath(SHARED_MEASURE)}/fy-targets`,
      body: { targets: [], comment: 'c' },
      version: shared.version,
    },
    updateAssignment: {
      method: 'PATCH',
      path: assignmentPath(MEASURE, 'nisc'),
      body: { status: 'in_progress', progress: 30, comment: 'c' },
      version: nisc.version,
    },
    createSubmission: {
      method: 'POST',
      path: '/api/submissions',
      body: {
        measureId: SHARED_MEASURE,
        ministryId: 'npa',
        baseVersion: npa.version,
        status: 'in_progress',
        progress: 10,
        narrative: 'n',
      },
    },
    approveSubmission: { method: 'POST', path: `/api/submissions/${pending}/approve`, body: {}, version: 1 },
    returnSubmission: {
      method: 'POST',
      path: `/api/submissions/${pending}/return`,
      body: { comment: 'c' },
      version: 1,
    },
    updateMilestone: {
      method: 'PATCH',
      path: `/api/milestones/${MILESTONE}`,
      body: { end: '2019-11-03', reason: '延長 / extended' },
      version: 1,
    },
    createUser: {
      method: 'POST',
      path: '/api/users',
      body: {
        email: 'new@mic.example.go.jp',
        name: '総務 一郎',
        role: 'liaison',
        ministryId: 'mic',
        password: 'plum-blossom-kudan-7781',
      },
    },
    updateUser: { method: 'PATCH', path: `/api/users/${staff.id}`, body: { name: '改名' }, version: staff.version },
    // Issue 5: the annual cycle (version 0: the record does not exist yet).
    startFiscalYear: { method: 'POST', path: '/api/plans/2016/start', body: {} },
    updatePlan: {
      method: 'PATCH',
      path: `/api/plans/2016/measures/${encodeURIComponent(MEASURE)}`,
      body: { planText: '計画' },
      version: 0,
    },
    updateResult: {
      method: 'PATCH',
      path: `/api/plans/2016/measures/${encodeURIComponent(MEASURE)}/results/nisc`,
      body: { text: '成果' },
      version: 0,
    },
    importTemplate: { method: 'POST', path: '/api/import?dryRun=true', body: csvUpload() },
    // Issue 18: results under review (the fixture waits on FY2016; a new one is for FY2015).
    createResultSubmission: {
      method: 'POST',
      path: '/api/result-submissions',
      body: { fy: 2015, measureId: SHARED_MEASURE, ministryId: 'npa', baseVersion: 0, text: '成果' },
    },
    approveResultSubmission: {
      method: 'POST',
      path: `/api/result-submissions/${pendingResult}/approve`,
      body: {},
      version: 1,
    },
    returnResultSubmission: {
      method: 'POST',
      path: `/api/result-submissions/${pendingResult}/return`,
      body: { comment: 'c' },
      version: 1,
    },
    // Issue 12: reporting rounds.
    openRound: { method: 'POST', path: '/api/rounds', body: ROUND_BODY },
    updateRound: { method: 'PATCH', path: `/api/rounds/${r.id}`, body: { dueOn: '2016-05-31' }, version: 1 },
    answerRound: {
      method: 'POST',
      path: `/api/rounds/${r.id}/answers`,
      body: {
        answers: [{ rowId: nisc0.id, version: nisc0.version, baseVersion: nisc0.currentVersion, unchanged: true }],
      },
    },
    acceptRoundAnswer: {
      method: 'POST',
      path: `/api/rounds/${forAccept.id}/answers/${forAccept.rowId}/accept`,
      body: {},
      version: 2,
    },
    returnRoundAnswer: {
      method: 'POST',
      path: `/api/rounds/${forReturn.id}/answers/${forReturn.rowId}/return`,
      body: { comment: '再確認' },
      version: 2,
    },
    reviewRoundMinistry: {
      method: 'POST',
      path: `/api/rounds/${forReview.id}/ministries/npa/review`,
      body: { decision: 'accept', rows: [{ id: forReview.rowId, version: 2 }] },
    },
    importRound: { method: 'POST', path: `/api/rounds/${r.id}/import?dryRun=true`, body: roundUpload(r.id) },
  };
}

describe('resource-level rules', () => {
  // Writes a viewer is not allowed: the viewer's own notification settings and read marks are theirs.
  const guardedWrites = ALL_ROUTES.filter(
    (r) => r.method !== 'get' && r.access !== 'public' && r.access !== 'session' && !can('viewer', r.access),
  );

  it('refuses a viewer every permission-guarded write, even a valid one, and writes nothing', async () => {
    const w = await createWorld();
    const writes = await validWrites(w);
    expect(guardedWrites.length).toBeGreaterThanOrEqual(8);
    const viewer = await w.as('viewer');
    const before = await storeState(w.store);
    for (const spec of guardedWrites) {
      const req = writes[spec.operationId];
      if (!req) throw new Error(`add a valid ${spec.operationId} request to validWrites`);
      const headers: Record<string, string> = req.version === undefined ? {} : { 'if-match': `"${req.version}"` };
      const res = await viewer.send(req.method, req.path, req.body, headers);
      expect(res.status, spec.operationId).toBe(403);
      expect((await json<ErrorJson>(res)).error.code).toBe('forbidden');
    }
    expect(await storeState(w.store)).toEqual(before);
  });

  it('the same valid writes succeed for an administrator (so the refusals above are about the role)', async () => {
    const w = await createWorld();
    const writes = await validWrites(w);
    const admin = await w.as('admin');
    for (const spec of guardedWrites) {
      const req = writes[spec.operationId]!;
      // approve and return share one pending submission: give return its own.
      const path =
        spec.operationId === 'returnSubmission'
          ? `/api/submissions/${await pendingSubmission(w)}/return`
          : spec.operationId === 'returnResultSubmission'
            ? `/api/result-submissions/${await pendingResultSubmission(w, 2017)}/return`
            : req.path;
      const headers: Record<string, string> = req.version === undefined ? {} : { 'if-match': `"${req.version}"` };
      const res =
        req.body instanceof FormData
          ? await w.app.request(path, {
              method: req.method,
              headers: { cookie: admin.session.cookie, 'x-csrf-token': admin.session.csrfToken, ...headers },
              body: req.body,
            })
          : await admin.send(req.method, path, req.body, headers);
      expect(res.status, `${spec.operationId}: ${await res.clone().text()}`).toBeLessThan(300);
    }
  });

  it('lets a liaison (npa) submit for their own ministry (201) but not for another ministry (403)', async () => {
    const w = await createWorld();
    const liaison = await w.as('liaison');
    const submit = async (ministryId: string) => {
      const a = await w.assignment(SHARED_MEASURE, ministryId);
      return liaison.post('/api/submissions', {
        measureId: SHARED_MEASURE,
        ministryId,
        baseVersion: a.version,
        status: 'in_progress',
        progress: 40,
        narrative: '体制を整備中',
      });
    };
    for (const other of ['nisc', 'mic', 'meti']) {
      const before = await storeState(w.store);
      const res = await submit(other);
      expect(res.status, other).toBe(403);
      expect(await storeState(w.store)).toEqual(before);
    }
    const own = await submit('npa');
    expect(own.status).toBe(201);
    expect(await json(own)).toMatchObject({
      ministryId: 'npa',
      state: 'pending',
      submittedBy: TEST_USERS.liaison.email,
    });
  });

  it.each([
    [SHARED_MEASURE, 'npa', 'their own ministry'],
    [SHARED_MEASURE, 'nisc', 'another ministry'],
    [MEASURE, 'nisc', 'a measure they have no part in'],
  ])('refuses a liaison PATCHing %s × %s (%s) directly: 403, nothing written', async (measureId, ministryId) => {
    const w = await createWorld();
    const liaison = await w.as('liaison');
    const a = await w.assignment(measureId, ministryId);
    const before = await storeState(w.store);
    const res = await liaison.patch(
      assignmentPath(measureId, ministryId),
      { progress: 50, status: 'in_progress', comment: 'c' },
      a.version,
    );
    expect(res.status).toBe(403);
    expect(await storeState(w.store)).toEqual(before);
  });

  it('a liaison sees only their own ministry in GET /api/submissions, whatever they ask for', async () => {
    const w = await createWorld();
    await pendingSubmission(w); // npa
    const nisc = await w.assignment(MEASURE, 'nisc');
    const staff = await w.as('admin');
    expect(
      (
        await staff.post('/api/submissions', {
          measureId: MEASURE,
          ministryId: 'nisc',
          baseVersion: nisc.version,
          status: 'in_progress',
          progress: 5,
          narrative: 'nisc',
        })
      ).status,
    ).toBe(201);
    const liaison = await w.as('liaison');
    for (const q of ['', '?ministry=nisc', '?measure=' + encodeURIComponent(MEASURE)]) {
      const { items } = await json<{ items: Submission[] }>(await liaison.get(`/api/submissions${q}`));
      expect(
        items.every((s) => s.ministryId === 'npa'),
        q,
      ).toBe(true);
    }
  });

  it('a user who must change their password gets 403 setup_required on plan routes, 200 on GET /api/session', async () => {
    const w = await createWorld();
    await w.setUser(w.users.viewer.id, (u) => ({ ...u, mustChangePassword: true }));
    const viewer = await w.as('viewer');
    for (const path of ['/api/measures', '/api/stats', measurePath(MEASURE)]) {
      const res = await viewer.get(path);
      expect(res.status, path).toBe(403);
      expect((await json<ErrorJson>(res)).error.code).toBe('setup_required');
    }
    const session = await viewer.get('/api/session');
    expect(session.status).toBe(200);
    expect(await json(session)).toMatchObject({ requires: ['password_change'] });
  });

  it('an administrator without TOTP, or anyone when TOTP is required for all, must enrol first', async () => {
    const w = await createWorld({ config: { requireTotpForAll: true } });
    await w.setUser(w.users.admin.id, (u) => ({ ...u, totpEnabled: false, totpSecret: null }));
    for (const who of ['admin', 'staff', 'viewer'] as const) {
      const c = await w.as(who);
      const res = await c.get('/api/measures');
      expect(res.status, who).toBe(403);
      expect((await json<ErrorJson>(res)).error.code).toBe('setup_required');
      expect(await json(await c.get('/api/session'))).toMatchObject({ requires: ['totp_enrolment'] });
    }
  });

  it('answers 404, not a handler, for a method or path the route table does not declare', async () => {
    const admin = await world.as('admin');
    for (const [method, path] of [
      ['DELETE', '/api/audit'],
      ['PATCH', '/api/audit'],
      ['PUT', measurePath(MEASURE)],
      ['DELETE', `/api/users/${world.users.viewer.id}`],
      ['GET', '/api/admin'],
    ] as const) {
      const res = await admin.send(method, path, method === 'GET' ? undefined : {});
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });
});

/** A multipart upload for POST /api/rounds/{id}/import: the header of a round template, no rows. */
function roundUpload(roundId: string): FormData {
  const form = new FormData();
  form.set('file', new Blob([`measureId,ministryId,status,progress,version,roundId\r\n`]), `round-${roundId}.csv`);
  return form;
}

/** A multipart upload for POST /api/import: a template header and one unchanged-looking row. */
function csvUpload(): FormData {
  const form = new FormData();
  form.set('file', new Blob(['measureId,ministryId,status,progress,version\r\n']), 'template.csv');
  return form;
}
