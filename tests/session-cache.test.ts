/**
 * The SQLite store serves session and user lookups from memory (decision record 009). These tests
 * prove that cache never lets a session outlive what ended it: each case first uses the session (so
 * its records are cached), then ends or changes it in one way, and the very next request must see it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PublicUser } from '@/domain/contract';
import { sessionToken } from '../src/server/auth/session';
import { mutableClock, type MutableClock } from '../src/server/clock';
import { ACCOUNT_CACHE_LIMIT } from '../src/server/store/sqlite-accounts';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import type { SessionRecord } from '../src/server/store/port';
import { TEST_PASSWORD } from '../src/server/testing';
import { assignmentPath, createWorld, json, MEASURE, type Client, type World } from './support/world';

const START = '2016-03-31T00:00:00.000Z';
const MINUTE = 60_000;

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A world over a SQLite file, and a second connection to the same file (another process, such as the CLI). */
async function sqliteWorld(): Promise<
  World & { clock: MutableClock; db: Database.Database; other: Database.Database }
> {
  const dir = mkdtempSync(join(tmpdir(), 'session-cache-'));
  const db = openDatabase(join(dir, 'tracker.db'));
  const other = openDatabase(join(dir, 'tracker.db'));
  cleanups.push(() => {
    other.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const clock = mutableClock(START);
  const w = await createWorld({ store: createSqliteStore(db), clock });
  return { ...w, clock, db, other };
}

/** Uses the session twice, so both its session and its user record are in the cache. */
async function warm(client: Client): Promise<void> {
  for (let i = 0; i < 2; i++) expect((await client.get('/api/measures?limit=1')).status).toBe(200);
}

async function patchUser(w: World, admin: Client, id: string, body: Record<string, unknown>) {
  const current = (await w.store.getUser(id))!;
  const res = await admin.patch(`/api/users/${id}`, body, current.version);
  expect(res.status).toBe(200);
  return json<PublicUser>(res);
}

describe('session cache: a session ended or changed is refused at once', () => {
  it('after sign-out', async () => {
    const w = await sqliteWorld();
    const staff = await w.as('staff');
    await warm(staff);
    expect((await staff.delete('/api/session')).status).toBe(200);
    expect((await staff.get('/api/measures?limit=1')).status).toBe(401);
    expect((await staff.get('/api/session')).status).toBe(401);
  });

  it('after the account is disabled, and stays refused once re-enabled (the sessions ended)', async () => {
    const w = await sqliteWorld();
    const [staff, admin] = [await w.as('staff'), await w.as('admin')];
    await warm(staff);
    await patchUser(w, admin, w.users.staff.id, { disabled: true });
    expect((await staff.get('/api/measures?limit=1')).status).toBe(401);
    await patchUser(w, admin, w.users.staff.id, { disabled: false });
    expect((await staff.get('/api/measures?limit=1')).status).toBe(401);
  });

  it('after a password change: the other sessions end, the one that changed it goes on under a new id', async () => {
    const w = await sqliteWorld();
    const [current, other] = [await w.as('staff'), await w.as('staff')];
    await warm(current);
    await warm(other);
    const res = await current.post('/api/session/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'hydrangea-season-in-kamakura',
    });
    expect(res.status).toBe(200);
    expect((await other.get('/api/measures?limit=1')).status).toBe(401);
    expect((await current.get('/api/measures?limit=1')).status).toBe(401); // its old id is gone too
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect((await w.app.request('/api/measures?limit=1', { headers: { cookie } })).status).toBe(200);
  });

  it('after a password reset or a role change by an administrator', async () => {
    const w = await sqliteWorld();
    const [staff, viewer, admin] = [await w.as('staff'), await w.as('viewer'), await w.as('admin')];
    await warm(staff);
    await warm(viewer);
    await patchUser(w, admin, w.users.staff.id, { resetPassword: 'a-fresh-temporary-passphrase' });
    await patchUser(w, admin, w.users.viewer.id, { role: 'nisc_staff' });
    expect((await staff.get('/api/measures?limit=1')).status).toBe(401);
    expect((await viewer.get('/api/measures?limit=1')).status).toBe(401);
  });

  it('sees a user change even where no session was deleted: the user record is never stale', async () => {
    const w = await sqliteWorld();
    const staff = await w.as('staff');
    await warm(staff);
    const a = await w.assignment(MEASURE, 'nisc');
    // Demoted to viewer behind the API's back (no session deleted): the next write is judged as a viewer's.
    await w.setUser(w.users.staff.id, (u) => ({ ...u, role: 'viewer' }));
    const res = await staff.patch(
      assignmentPath(MEASURE, 'nisc'),
      { progress: 10, status: 'in_progress', comment: 'c' },
      a.version,
    );
    expect(res.status).toBe(403);
    await w.setUser(w.users.staff.id, (u) => ({ ...u, disabled: true }));
    expect((await staff.get('/api/measures?limit=1')).status).toBe(401);
  });

  it('sees changes made by another connection (the CLI, a second server) at once', async () => {
    const w = await sqliteWorld();
    const [staff, viewer] = [await w.as('staff'), await w.as('viewer')];
    await warm(staff);
    await warm(viewer);
    w.other.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(w.users.staff.id);
    expect((await staff.get('/api/measures?limit=1')).status).toBe(401);
    expect((await viewer.get('/api/measures?limit=1')).status).toBe(200);
    w.other.prepare('DELETE FROM sessions WHERE user_id = ?').run(w.users.viewer.id);
    expect((await viewer.get('/api/measures?limit=1')).status).toBe(401);
  });

  it('ends a session at exactly 30 minutes idle and at exactly 12 hours, however warm the cache', async () => {
    const w = await sqliteWorld();
    const idle = await w.as('staff');
    await warm(idle);
    w.clock.advance(30 * MINUTE - 1);
    await warm(idle); // touches: idle again from here
    w.clock.advance(30 * MINUTE);
    expect((await idle.get('/api/measures?limit=1')).status).toBe(401);

    w.clock.set(START);
    const busy = await w.as('viewer');
    for (let elapsed = 0; elapsed < 12 * 60; elapsed += 20) {
      w.clock.set(new Date(Date.parse(START) + elapsed * MINUTE).toISOString());
      await warm(busy);
    }
    w.clock.set(new Date(Date.parse(START) + 12 * 60 * MINUTE).toISOString());
    expect((await busy.get('/api/measures?limit=1')).status).toBe(401);
  });

  it('keeps the once-a-minute touch: idle time counts from the last touch, not from the cached sign-in time', async () => {
    const w = await sqliteWorld();
    const staff = await w.as('staff');
    await warm(staff);
    w.clock.advance(20 * MINUTE);
    await warm(staff); // touched at +20 min
    const stored = w.db.prepare('SELECT last_seen_at FROM sessions WHERE user_id = ?').pluck().get(w.users.staff.id);
    expect(stored).toBe(new Date(Date.parse(START) + 20 * MINUTE).toISOString());
    w.clock.advance(25 * MINUTE); // 45 min after sign-in, 25 after the touch
    expect((await staff.get('/api/measures?limit=1')).status).toBe(200);
    // Within the minute after a touch there is no write at all.
    const before = w.db.prepare('SELECT last_seen_at FROM sessions WHERE user_id = ?').pluck().get(w.users.staff.id);
    w.clock.advance(30_000);
    await warm(staff);
    expect(w.db.prepare('SELECT last_seen_at FROM sessions WHERE user_id = ?').pluck().get(w.users.staff.id)).toBe(
      before,
    );
  });
});

describe('SQLite account cache', () => {
  it('hands out copies: changing a returned record changes nothing stored or cached', async () => {
    const w = await sqliteWorld();
    const staff = await w.as('staff');
    await warm(staff);
    const id = w.db.prepare('SELECT id FROM sessions WHERE user_id = ?').pluck().get(w.users.staff.id) as string;
    const first = (await w.store.getSession(id))!;
    first.userId = 'someone-else';
    first.lastSeenAt = '2099-01-01T00:00:00.000Z';
    expect((await w.store.getSession(id))!.userId).toBe(w.users.staff.id);
    const user = (await w.store.getUser(w.users.staff.id))!;
    user.disabled = true;
    user.role = 'nisc_admin';
    expect(await w.store.getUser(w.users.staff.id)).toMatchObject({ disabled: false, role: 'nisc_staff' });
  });

  it('does not remember a miss: a session or user created afterwards is found', async () => {
    const w = await sqliteWorld();
    const record: SessionRecord = {
      id: 'f'.repeat(64),
      userId: w.users.viewer.id,
      csrfToken: 'token',
      createdAt: START,
      lastSeenAt: START,
      ip: 'local',
      userAgent: '',
    };
    expect(await w.store.getSession(record.id)).toBeNull();
    await w.store.createSession(record);
    expect(await w.store.getSession(record.id)).toEqual(record);
  });

  it('stays bounded: more sessions than it keeps are all still found, and ended ones are not', async () => {
    const w = await sqliteWorld();
    const ids = Array.from({ length: ACCOUNT_CACHE_LIMIT + 50 }, (_, i) => i.toString(16).padStart(64, '0'));
    // Written in one transaction (one fsync), as if by another process; read through the store to fill its cache.
    const insert = w.other.prepare(`INSERT INTO sessions VALUES (?, ?, 't', ?, ?, 'local', '')`);
    w.other.transaction(() => ids.forEach((id) => insert.run(id, w.users.viewer.id, START, START)))();
    for (const id of ids) expect((await w.store.getSession(id))?.id).toBe(id);
    for (const id of [ids[0]!, ids[ids.length - 1]!]) expect((await w.store.getSession(id))?.id).toBe(id);
    await w.store.deleteUserSessions(w.users.viewer.id);
    for (const id of [ids[0]!, ids[1]!, ids[ids.length - 1]!]) expect(await w.store.getSession(id)).toBeNull();
  });
});

describe('the session cookie', () => {
  const token = 'Q2hvc2VuLWJ5LXRoZS1zZXJ2ZXI_MzItYnl0ZXMtLS0';

  it('is found wherever it stands among the cookies, quoted or not, with spaces around', () => {
    for (const header of [
      `sid=${token}`,
      `theme=dark; sid=${token}; lang=ja`,
      ` sid = ${token} `,
      `sid="${token}"`,
      `sid=not%20a%20token; sid=${token}`,
    ])
      expect(sessionToken(header), header).toBe(token);
  });

  it('is nothing when absent, empty, too long, not base64url, or under another name', () => {
    for (const header of [
      undefined,
      '',
      'sid=',
      `sid=${'a'.repeat(101)}`,
      `sid=${token}%3D`,
      `sid=${token}.sig`,
      `xsid=${token}`,
      `sid2=${token}`,
      `sid`,
    ])
      expect(sessionToken(header), String(header)).toBeNull();
  });

  it('signs a request in when other cookies come with it', async () => {
    const w = await sqliteWorld();
    const staff = await w.as('staff');
    const res = await w.app.request('/api/measures?limit=1', {
      headers: { cookie: `theme=dark; ${staff.session.cookie}; lang=ja` },
    });
    expect(res.status).toBe(200);
  });
});
