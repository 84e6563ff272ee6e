/**
 * Issue 17, item 4: sign-in failures tell nothing and lock no owner out. Every failed password check
 * answers alike after exactly one argon2 verification (counted here through a spy on the hasher, not
 * timed); attempts are counted before the check, so parallel guesses get no more checks than the lock
 * allows; a device cookie from an earlier sign-in keeps the owner's own browser out of the lock.
 * Run on both stores: the counting is the store's transaction.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../src/server/auth/hasher';
import { nodeHasher } from '../src/server/auth/passwords';
import { DEVICE_COOKIE } from '../src/server/auth/device-cookie';
import { mutableClock } from '../src/server/clock';
import { createMemoryStore } from '../src/server/store/memory';
import type { Store } from '../src/server/store/port';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import { TEST_PASSWORD, TEST_USERS } from '../src/server/testing';
import { createWorld, json, type World } from './support/world';

const checks = { real: 0, dummy: 0 };
const DUMMY_PASSWORD = 'not-a-real-password-for-timing-only';
let dummyHash: string | null = null;
/** The server's hasher, counting verifications: against a user's hash, or the dummy one (passwordFunctions). */
const countingHasher: PasswordHasher = {
  hash: async (password) => {
    const h = await nodeHasher.hash(password);
    if (password === DUMMY_PASSWORD) dummyHash = h;
    return h;
  },
  verify: (stored, password) => {
    if (stored === dummyHash) checks.dummy++;
    else checks.real++;
    return nodeHasher.verify(stored, password);
  },
};
afterEach(() => Object.assign(checks, { real: 0, dummy: 0 }));

const START = '2016-03-31T00:00:00.000Z';
const stores: [string, () => Store][] = [
  ['memory', createMemoryStore],
  ['sqlite', () => createSqliteStore(openDatabase(':memory:'))],
];
const STAFF = TEST_USERS.staff.email;

async function world(create: () => Store) {
  // Behind a trusted proxy, so each test picks the address: the per-address limit is not under test.
  return createWorld({
    store: create(),
    clock: mutableClock(START),
    config: { trustProxy: true },
    hasher: countingHasher,
  });
}
let nextAddress = 1;
async function signIn(w: World, email: string, password: string, cookie?: string): Promise<Response> {
  return await w.app.request('/api/session', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `198.51.100.${nextAddress++ % 250}`,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ email, password }),
  });
}
const deviceCookie = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${DEVICE_COOKIE}=`))
    ?.split(';')[0];
async function answer(res: Response) {
  return { status: res.status, body: await json(res), cookie: res.headers.get('set-cookie') };
}
const audits = async (w: World, action: string) => (await w.store.listAudit({ limit: 1000, offset: 0, action })).items;

describe.each(stores)('sign-in failures (%s store)', (_name, create) => {
  it('answers an unknown email, a disabled account, a locked one and a wrong password identically, each after one verification', async () => {
    const w = await world(create);
    await w.setUser(w.users.viewer.id, (u) => ({ ...u, disabled: true }));
    for (let i = 0; i < 5; i++) await signIn(w, TEST_USERS.liaison.email, `wrong-guess-${i}`);
    Object.assign(checks, { real: 0, dummy: 0 });
    const cases = {
      unknown: await answer(await signIn(w, 'nobody@nisc.example.go.jp', TEST_PASSWORD)),
      disabled: await answer(await signIn(w, TEST_USERS.viewer.email, TEST_PASSWORD)),
      lockedRightPassword: await answer(await signIn(w, TEST_USERS.liaison.email, TEST_PASSWORD)),
      lockedWrongPassword: await answer(await signIn(w, TEST_USERS.liaison.email, 'wrong-again-123')),
      wrongPassword: await answer(await signIn(w, STAFF, 'not-the-password-at-all')),
    };
    for (const [label, got] of Object.entries(cases)) expect(got, label).toEqual(cases.wrongPassword);
    expect(cases.wrongPassword).toMatchObject({ status: 401, body: { error: { code: 'bad_credentials' } } });
    expect(checks.real + checks.dummy).toBe(5); // one argon2 verification per attempt, whatever failed
    const reasons = (await audits(w, 'session.failed')).map((e) => (e.after as { reason: string }).reason);
    expect(reasons.slice(0, 5).sort()).toEqual(['bad_password', 'disabled', 'locked', 'locked', 'unknown_email']);
  });

  it('counts 20 parallel wrong guesses before checking: exactly 5 verifications, one lock, all 20 audited', async () => {
    const w = await world(create);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(w, STAFF, `parallel-guess-${i}`)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(401));
    expect(checks.real).toBe(5);
    expect(checks.dummy).toBe(15);
    expect(await audits(w, 'session.failed')).toHaveLength(20);
    const locks = await audits(w, 'user.locked');
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({ entityId: w.users.staff.id, after: { scope: 'account' } });
  });

  it('does not lock the owner out of a browser they signed in from; a stranger stays locked out', async () => {
    const w = await world(create);
    const first = await signIn(w, STAFF, TEST_PASSWORD);
    const device = deviceCookie(first);
    expect(first.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`))).toMatch(
      /HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/i,
    );
    for (let i = 0; i < 8; i++) expect((await signIn(w, STAFF, `stranger-${i}`)).status).toBe(401);
    expect(await audits(w, 'user.locked')).toHaveLength(1);
    // The stranger with the right password (or without the cookie) is refused; the owner's browser is not.
    expect((await signIn(w, STAFF, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(w, STAFF, TEST_PASSWORD, device)).status).toBe(200);
    // The owner signing in does not lift the lock for everyone else.
    expect((await signIn(w, STAFF, TEST_PASSWORD)).status).toBe(401);
  });

  it('counts failures with a device cookie against that device only, and locks that device too', async () => {
    const w = await world(create);
    const device = deviceCookie(await signIn(w, STAFF, TEST_PASSWORD));
    for (let i = 0; i < 5; i++) expect((await signIn(w, STAFF, `typo-${i}`, device)).status).toBe(401);
    expect((await w.store.getUser(w.users.staff.id))?.lockedUntil).toBeNull(); // the account is not locked
    expect((await signIn(w, STAFF, TEST_PASSWORD, device)).status).toBe(401); // the device is
    expect((await audits(w, 'user.locked'))[0]).toMatchObject({ after: { scope: 'device' } });
    expect((await signIn(w, STAFF, TEST_PASSWORD)).status).toBe(200); // elsewhere the account works
  });

  it('sends the device cookie only to the sign-in route, Secure over HTTPS', async () => {
    const w = await world(create);
    const res = await w.app.request('https://tracker.example/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: STAFF, password: TEST_PASSWORD }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`)) ?? '';
    for (const attribute of [/;\s*Secure/i, /;\s*HttpOnly/i, /;\s*SameSite=Strict/i, /;\s*Path=\/api\/session(;|$)/i])
      expect(cookie).toMatch(attribute);
  });

  it('trusts no forged, altered or other user’s device cookie', async () => {
    const w = await world(create);
    const viewerDevice = deviceCookie(await signIn(w, TEST_USERS.viewer.email, TEST_PASSWORD))!;
    const staffDevice = deviceCookie(await signIn(w, STAFF, TEST_PASSWORD))!;
    const [userId, nonce, issued] = staffDevice.slice(DEVICE_COOKIE.length + 1).split('.');
    const forged = `${DEVICE_COOKIE}=${userId}.${nonce}.${issued}.${'A'.repeat(43)}`;
    const renewed = `${DEVICE_COOKIE}=${userId}.${nonce}.${Number(issued) + 1}.${staffDevice.split('.')[3]}`;
    for (const cookie of [viewerDevice, forged, renewed, `${DEVICE_COOKIE}=garbage`])
      for (let i = 0; i < 2; i++) expect((await signIn(w, STAFF, `guess-${i}`, cookie)).status).toBe(401);
    // Eight failures with untrusted cookies: all counted against the account, which is locked.
    expect((await signIn(w, STAFF, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(w, STAFF, TEST_PASSWORD, staffDevice)).status).toBe(200);
  });
});
