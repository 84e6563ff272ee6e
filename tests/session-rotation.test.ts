/**
 * Issue 17, item 5: a new session id when the password changes, when TOTP is turned on (first
 * enrolment or re-enrolment) and, for a role change, the user's sessions end. Each case first uses
 * the session twice (so the SQLite store has it cached, decision record 009); the old cookie must be
 * refused on the very next request, and the client must go on with the new cookie and CSRF token.
 */
import { describe, expect, it } from 'vitest';
import type { Session } from '@/domain/contract';
import { totpAt } from '../src/server/auth/totp';
import { mutableClock } from '../src/server/clock';
import { createMemoryStore } from '../src/server/store/memory';
import type { Store } from '../src/server/store/port';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import { client, TEST_PASSWORD, TEST_TOTP_SECRET } from '../src/server/testing';
import { assignmentPath, createWorld, json, MEASURE, type Client, type ErrorJson, type World } from './support/world';

const START = '2016-03-31T00:00:00.000Z';
const stores: [string, () => Store][] = [
  ['memory', createMemoryStore],
  ['sqlite', () => createSqliteStore(openDatabase(':memory:'))],
];
async function world(create: () => Store) {
  const clock = mutableClock(START);
  return { ...(await createWorld({ store: create(), clock })), clock };
}
const now = (w: World) => Date.parse(w.clock.now()) / 1000;

/** Uses the session twice (cached from then on); returns when it ends at the latest. */
async function warm(c: Client) {
  for (let i = 0; i < 2; i++) expect((await c.get('/api/measures?limit=1')).status).toBe(200);
  return (await json<Session>(await c.get('/api/session'))).absoluteExpiresAt;
}
/** The client after the answer: the cookie it set and the CSRF token it carried, as the SPA keeps them. */
async function renewed(w: World, res: Response, old: Client, absoluteExpiresAt: string) {
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('sid='))!
    .split(';')[0]!;
  const body = await json<Session>(res);
  expect(cookie).not.toBe(old.session.cookie);
  expect(body.csrfToken).not.toBe(old.session.csrfToken);
  expect(body.absoluteExpiresAt).toBe(absoluteExpiresAt); // the 12 hours still count from sign-in
  return Object.assign(client(w.app, { cookie, csrfToken: body.csrfToken }), {
    session: { cookie, csrfToken: body.csrfToken },
  });
}
/** Starts TOTP enrolment, confirms it with a code from the new secret; the client after the answer. */
async function enrol(w: Awaited<ReturnType<typeof world>>, c: Client, body: object, ends: string) {
  const { secret } = await json<{ secret: string }>(await c.post('/api/session/totp', body));
  const confirmed = await c.post('/api/session/totp/confirm', { code: totpAt(secret, now(w)) });
  return renewed(w, confirmed, c, ends);
}
async function expectRotated(w: World, old: Client, next: Client) {
  expect((await old.get('/api/measures?limit=1')).status).toBe(401);
  expect((await next.get('/api/measures?limit=1')).status).toBe(200);
}

describe.each(stores)('session rotation (%s store)', (_name, create) => {
  it('on a password change: the old cookie gets 401; the new cookie and its CSRF token write', async () => {
    const w = await world(create);
    const staff = await w.as('staff');
    const ends = await warm(staff);
    w.clock.advance(20 * 60_000);
    const res = await staff.post('/api/session/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'hydrangea-season-in-kamakura',
    });
    const next = await renewed(w, res, staff, ends);
    await expectRotated(w, staff, next);
    // The SPA's way back if it missed the token: GET /api/session with the new cookie hands it over.
    expect((await json<Session>(await next.get('/api/session'))).csrfToken).toBe(next.session.csrfToken);
    const a = await w.assignment(MEASURE, 'nisc');
    const write = { progress: 20, status: 'in_progress', comment: 'after rotation' };
    const stale = await next.patch(assignmentPath(MEASURE, 'nisc'), write, a.version, {
      'x-csrf-token': staff.session.csrfToken,
    });
    expect((await json<ErrorJson>(stale)).error.code).toBe('csrf_failed');
    expect((await next.patch(assignmentPath(MEASURE, 'nisc'), write, a.version)).status).toBe(200);
  });

  it('on turning TOTP on: the session that enrolled gets a new id, the old one and any other end', async () => {
    const w = await world(create);
    const [staff, other] = [await w.as('staff'), await w.as('staff')];
    const ends = await warm(staff);
    await warm(other);
    const next = await enrol(w, staff, { currentPassword: TEST_PASSWORD }, ends);
    await expectRotated(w, staff, next);
    expect((await other.get('/api/measures?limit=1')).status).toBe(401);
  });

  it('on confirming a re-enrolment (new phone): a new id again', async () => {
    const w = await world(create);
    const admin = await w.as('admin');
    const ends = await warm(admin);
    w.clock.advance(30_000);
    const code = totpAt(TEST_TOTP_SECRET, now(w));
    const next = await enrol(w, admin, { currentPassword: TEST_PASSWORD, code }, ends);
    await expectRotated(w, admin, next);
  });

  it('on a role change by an administrator: the user’s sessions end (they sign in again under the new role)', async () => {
    const w = await world(create);
    const [viewer, admin] = [await w.as('viewer'), await w.as('admin')];
    await warm(viewer);
    const current = (await w.store.getUser(w.users.viewer.id))!;
    const res = await admin.patch(`/api/users/${current.id}`, { role: 'nisc_staff' }, current.version);
    expect(res.status).toBe(200);
    expect((await viewer.get('/api/measures?limit=1')).status).toBe(401);
    expect((await viewer.get('/api/session')).status).toBe(401);
    const again = await w.as('viewer');
    expect((await json<Session>(await again.get('/api/session'))).user.role).toBe('nisc_staff');
  });
});
