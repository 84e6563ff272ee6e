import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '@/domain/contract';
import { createApp } from '../src/server/app';
import { base32Encode, totpAt, verifyTotp } from '../src/server/auth/totp';
import { ensureFirstAdmin, seedIfEmpty } from '../src/server/bootstrap';
import { mutableClock, type MutableClock } from '../src/server/clock';
import type { AppConfig } from '../src/server/context';
import { createMemoryStore } from '../src/server/store/memory';
import { REAUTH_LIMIT } from '../src/server/routes/session';
import { nodeHasher } from '../src/server/auth/passwords';
import { client, TEST_PASSWORD, TEST_TOTP_SECRET, TEST_USERS, type TestUser } from '../src/server/testing';
import { assignmentPath, createWorld, json, MEASURE, type ErrorJson, type World } from './support/world';

const START = '2016-03-31T00:00:00.000Z';
const MINUTE = 60_000;

async function world(config: Partial<AppConfig> = {}): Promise<World & { clock: MutableClock }> {
  const clock = mutableClock(START);
  return { ...(await createWorld({ clock, config })), clock };
}

type SignInBody = { email: string; password: string; totp?: string };
async function signInRequest(
  w: World,
  body: SignInBody | string,
  headers: Record<string, string> = {},
  url = '/api/session',
) {
  return w.app.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
const credentials = (who: TestUser, password = TEST_PASSWORD): SignInBody => ({
  email: TEST_USERS[who].email,
  password,
});
const adminCode = (w: World) => totpAt(TEST_TOTP_SECRET, Date.parse(w.clock.now()) / 1000);
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
async function auditActions(w: World, action: string) {
  return (await w.store.listAudit({ limit: 1000, offset: 0, action })).items;
}

describe('sign-in and the session cookie', () => {
  it('sets an HttpOnly, SameSite=Strict cookie (not Secure over plain http) and returns a CSRF token', async () => {
    const w = await world();
    const res = await signInRequest(w, credentials('staff'));
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sid=[\w-]{40,};/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    const body = await json<Session>(res);
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(32);
    expect(body.user).toMatchObject({ email: TEST_USERS.staff.email, role: 'nisc_staff' });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.user).not.toHaveProperty('totpSecret');
  });

  it.each([
    ['an https request URL', {}, {}, 'https://tracker.example/api/session', true],
    [
      'X-Forwarded-Proto: https behind a trusted proxy',
      { trustProxy: true },
      { 'x-forwarded-proto': 'https' },
      '/api/session',
      true,
    ],
    ['X-Forwarded-Proto: https from an untrusted client', {}, { 'x-forwarded-proto': 'https' }, '/api/session', false],
  ] as const)('marks the cookie Secure for %s: %s', async (_label, config, headers, url, secure) => {
    const w = await world(config);
    const res = await signInRequest(w, credentials('staff'), headers, url);
    expect(res.status).toBe(200);
    expect(/;\s*Secure/i.test(res.headers.get('set-cookie') ?? '')).toBe(secure);
  });

  it('issues a new session id at every sign-in and never adopts a cookie the client brings', async () => {
    const w = await world();
    const planted = 'sid=attacker-chosen-value-0123456789';
    const first = cookieOf(await signInRequest(w, credentials('staff'), { cookie: planted }));
    const second = cookieOf(await signInRequest(w, credentials('staff'), { cookie: first }));
    expect(new Set([planted, first, second]).size).toBe(3);
    expect((await w.app.request('/api/session', { headers: { cookie: planted } })).status).toBe(401);
    // Both real sessions are live and distinct.
    for (const cookie of [first, second])
      expect((await w.app.request('/api/session', { headers: { cookie } })).status).toBe(200);
  });

  it('refuses a wrong password and an unknown email alike (401), and audits both as session.failed', async () => {
    const w = await world();
    const wrong = await signInRequest(w, credentials('staff', 'not-the-password-at-all'));
    const unknown = await signInRequest(w, { email: 'nobody@nisc.example.go.jp', password: TEST_PASSWORD });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const [a, b] = [await json<ErrorJson>(wrong), await json<ErrorJson>(unknown)];
    expect(a.error).toEqual(b.error); // no hint which emails exist
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const failed = await auditActions(w, 'session.failed');
    expect(failed.map((e) => [e.actor, (e.after as { reason: string }).reason]).sort()).toEqual([
      ['nobody@nisc.example.go.jp', 'unknown_email'],
      [TEST_USERS.staff.email, 'bad_password'],
    ]);
  });
});

describe('throttling and lock-out', () => {
  it('refuses the 11th failed sign-in within a minute from one address (429), then allows it after the window', async () => {
    const w = await world();
    // Different unknown emails: this is the per-address limit, not the per-account lock.
    for (let i = 1; i <= 10; i++) {
      const res = await signInRequest(w, { email: `guess${i}@example.jp`, password: 'wrong-password-123' });
      expect(res.status, `attempt ${i}`).toBe(401);
      w.clock.advance(1000);
    }
    const eleventh = await signInRequest(w, { email: 'guess11@example.jp', password: 'wrong-password-123' });
    expect(eleventh.status).toBe(429);
    expect((await json<ErrorJson>(eleventh)).error.code).toBe('too_many_attempts');
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits: the address is throttled, whoever it claims to be.
    expect((await signInRequest(w, credentials('staff'))).status).toBe(429);
    // The first failure leaves the window 60 s after it happened.
    w.clock.advance(MINUTE - 10_000);
    expect((await signInRequest(w, credentials('staff'))).status).toBe(200);
  });

  it('throttles per address: behind a trusted proxy, another client address is not affected', async () => {
    const w = await world({ trustProxy: true });
    const from = (ip: string) => ({ 'x-forwarded-for': `${ip}, 10.0.0.1` });
    for (let i = 0; i < 10; i++)
      expect((await signInRequest(w, { email: `g${i}@example.jp`, password: 'x' }, from('203.0.113.5'))).status).toBe(
        401,
      );
    expect((await signInRequest(w, { email: 'g@example.jp', password: 'x' }, from('203.0.113.5'))).status).toBe(429);
    expect((await signInRequest(w, credentials('staff'), from('198.51.100.7'))).status).toBe(200);
  });

  it('locks an account after 5 consecutive failures (the same 401 even with the right password), audited, until lockMinutes pass', async () => {
    const w = await world();
    for (let i = 1; i <= 5; i++) {
      const res = await signInRequest(w, credentials('staff', `wrong-guess-number-${i}`));
      expect(res.status, `failure ${i}`).toBe(401);
    }
    const locked = await signInRequest(w, credentials('staff'));
    expect(locked.status).toBe(401);
    expect((await json<ErrorJson>(locked)).error.code).toBe('bad_credentials');
    const lockEntries = await auditActions(w, 'user.locked');
    expect(lockEntries).toHaveLength(1);
    expect(lockEntries[0]).toMatchObject({ entity: 'user', entityId: w.users.staff.id });
    expect((await w.store.getUser(w.users.staff.id))?.lockedUntil).toBe(
      new Date(Date.parse(START) + 15 * MINUTE).toISOString(),
    );
    w.clock.advance(14 * MINUTE);
    expect((await signInRequest(w, credentials('staff'))).status).toBe(401);
    w.clock.advance(1 * MINUTE + 1);
    expect((await signInRequest(w, credentials('staff'))).status).toBe(200);
    expect(await w.store.getUser(w.users.staff.id)).toMatchObject({ lockedUntil: null, failedLogins: 0 });
  });

  it('counts consecutive failures only: a successful sign-in resets the count', async () => {
    const w = await world();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++)
        expect((await signInRequest(w, credentials('viewer', 'wrong-guess-xyz'))).status).toBe(401);
      expect((await signInRequest(w, credentials('viewer'))).status).toBe(200);
    }
    expect(await auditActions(w, 'user.locked')).toHaveLength(0);
  });

  it('counts and audits every failure of concurrent guesses: parallel requests cannot dodge the lock', async () => {
    const w = await world({ trustProxy: true });
    // Eight guesses at once, from eight addresses (so the per-address limit is not what stops them).
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        signInRequest(w, credentials('staff', `parallel-guess-${i}`), { 'x-forwarded-for': `192.0.2.${i + 1}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(401));
    expect(await auditActions(w, 'session.failed')).toHaveLength(8);
    expect(await auditActions(w, 'user.locked')).toHaveLength(1);
    expect((await signInRequest(w, credentials('staff'), { 'x-forwarded-for': '192.0.2.99' })).status).toBe(401);
  });

  it('does not let concurrent guesses from one address exceed the per-address limit', async () => {
    const w = await world();
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        signInRequest(w, { email: `p${i}@example.jp`, password: 'wrong-password-123' }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });
});

describe('session lifetime', () => {
  it('ends a session idle for more than 30 minutes', async () => {
    const w = await world();
    const staff = await w.as('staff');
    w.clock.advance(29 * MINUTE);
    expect((await staff.get('/api/measures')).status).toBe(200); // touches the session
    w.clock.advance(29 * MINUTE);
    expect((await staff.get('/api/session')).status).toBe(200);
    w.clock.advance(31 * MINUTE);
    const res = await staff.get('/api/measures');
    expect(res.status).toBe(401);
    // Gone on the server, not only refused: going back in time does not revive it.
    w.clock.advance(-31 * MINUTE);
    expect((await staff.get('/api/session')).status).toBe(401);
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const w = await world();
    const staff = await w.as('staff');
    for (let elapsed = 20; elapsed <= 11 * 60 + 40; elapsed += 20) {
      w.clock.advance(20 * MINUTE);
      expect((await staff.get('/api/session')).status, `after ${elapsed} min`).toBe(200);
    }
    w.clock.advance(19 * MINUTE); // 11 h 59 min
    expect((await staff.get('/api/session')).status).toBe(200);
    w.clock.advance(2 * MINUTE); // 12 h 01 min
    expect((await staff.get('/api/session')).status).toBe(401);
  });

  it('treats the expiry instant itself as expired (valid strictly before it)', async () => {
    const w = await world();
    const staff = await w.as('staff');
    w.clock.advance(30 * MINUTE - 1);
    expect((await staff.get('/api/session')).status).toBe(200); // touches: idle expiry moves on
    const again = await w.as('staff');
    w.clock.advance(30 * MINUTE);
    expect((await again.get('/api/session')).status).toBe(401);
  });

  it('reports the idle and absolute expiry times with the session', async () => {
    const w = await world();
    const res = await signInRequest(w, credentials('staff'));
    expect(await json(res)).toMatchObject({
      idleExpiresAt: new Date(Date.parse(START) + 30 * MINUTE).toISOString(),
      absoluteExpiresAt: new Date(Date.parse(START) + 12 * 60 * MINUTE).toISOString(),
    });
  });

  it('signs out on the server: the old cookie is refused afterwards, and sign-out is audited', async () => {
    const w = await world();
    const staff = await w.as('staff');
    const res = await staff.delete('/api/session');
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/^sid=;.*Max-Age=0/i);
    expect((await staff.get('/api/session')).status).toBe(401);
    expect((await staff.get('/api/measures')).status).toBe(401);
    expect(await auditActions(w, 'session.signout')).toHaveLength(1);
  });

  it('a password change ends the user’s other sessions and gives the current one a new id', async () => {
    const w = await world();
    const [current, other] = [await w.as('staff'), await w.as('staff')];
    const bystander = await w.as('viewer');
    const newPassword = 'hydrangea-season-in-kamakura';
    const res = await current.post('/api/session/password', { currentPassword: TEST_PASSWORD, newPassword });
    expect(res.status).toBe(200);
    const renewed = client(w.app, { cookie: cookieOf(res), csrfToken: (await json<Session>(res)).csrfToken });
    expect((await renewed.get('/api/measures')).status).toBe(200);
    expect((await current.get('/api/measures')).status).toBe(401);
    expect((await other.get('/api/measures')).status).toBe(401);
    expect((await bystander.get('/api/measures')).status).toBe(200);
    expect((await signInRequest(w, credentials('staff'))).status).toBe(401);
    expect((await signInRequest(w, credentials('staff', newPassword))).status).toBe(200);
    expect(await auditActions(w, 'user.password_changed')).toHaveLength(1);
  });

  it.each([
    ['short', 'short-pw'],
    ['common', 'password1234'],
    ['common with digits around it', '2015password2016'],
    ['repetitive', 'aaaaaaaaaaaaaaaa'],
    ['sequential', 'abcdefghijklmn'],
    ['built from the email address', 'staff-staff-staff!'],
  ])('refuses a %s new password with 422 naming newPassword', async (_label, newPassword) => {
    const w = await world();
    const staff = await w.as('staff');
    const before = await w.store.getUser(w.users.staff.id);
    const res = await staff.post('/api/session/password', { currentPassword: TEST_PASSWORD, newPassword });
    expect(res.status).toBe(422);
    const body = await json<ErrorJson>(res);
    expect(body.error.issues?.map((i) => i.path)).toContain('newPassword');
    expect(body.error.message).toMatch(/[ぁ-んァ-ン一-龥].* \/ [A-Z]/); // Japanese, then English
    expect(await w.store.getUser(w.users.staff.id)).toEqual(before);
  });

  it('refuses a password change with the wrong current password (422 naming currentPassword)', async () => {
    const w = await world();
    const staff = await w.as('staff');
    const res = await staff.post('/api/session/password', {
      currentPassword: 'not-my-password-at-all',
      newPassword: 'hydrangea-season-in-kamakura',
    });
    expect(res.status).toBe(422);
    expect((await json<ErrorJson>(res)).error.issues?.map((i) => i.path)).toEqual(['currentPassword']);
  });
});

describe('CSRF and origin checks', () => {
  it('refuses a write without the CSRF token (403 csrf_failed) and writes nothing', async () => {
    const w = await world();
    const staff = await w.as('staff');
    const a = await w.assignment(MEASURE, 'nisc');
    const body = { progress: 10, status: 'in_progress', comment: 'c' };
    for (const token of [undefined, '', 'forged-token']) {
      const res = await w.app.request(assignmentPath(MEASURE, 'nisc'), {
        method: 'PATCH',
        headers: {
          cookie: staff.session.cookie,
          'content-type': 'application/json',
          'if-match': `"${a.version}"`,
          ...(token === undefined ? {} : { 'x-csrf-token': token }),
        },
        body: JSON.stringify(body),
      });
      expect(res.status, String(token)).toBe(403);
      expect((await json<ErrorJson>(res)).error.code).toBe('csrf_failed');
    }
    expect((await w.assignment(MEASURE, 'nisc')).version).toBe(a.version);
    // Sign-out is a write too.
    const signOut = await w.app.request('/api/session', {
      method: 'DELETE',
      headers: { cookie: staff.session.cookie },
    });
    expect(signOut.status).toBe(403);
  });

  it('refuses a write with a foreign Origin (403 bad_origin) even with the right token; same origin passes', async () => {
    const w = await world();
    const staff = await w.as('staff');
    const a = await w.assignment(MEASURE, 'nisc');
    const patch = (origin: string) =>
      staff.patch(assignmentPath(MEASURE, 'nisc'), { progress: 10, status: 'in_progress', comment: 'c' }, a.version, {
        origin,
      });
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example']) {
      const res = await patch(origin);
      expect(res.status, origin).toBe(403);
      expect((await json<ErrorJson>(res)).error.code).toBe('bad_origin');
    }
    expect((await patch('http://localhost')).status).toBe(200);
    // Sign-in from another site is refused too (login CSRF).
    const res = await signInRequest(w, credentials('staff'), { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });
});

describe('security headers', () => {
  const requests: [string, string, RequestInit?][] = [
    ['health', '/api/health'],
    ['unauthenticated', '/api/measures'],
    ['unknown API path', '/api/nothing'],
    ['a page path', '/measures/abc'],
    [
      'a refused sign-in',
      '/api/session',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    ],
    ['broken JSON', '/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }],
  ];

  it.each(requests)('are on every response: %s', async (_label, path, init) => {
    const w = await world();
    for (const base of ['http://localhost', 'https://tracker.example']) {
      const res = await w.app.request(`${base}${path}`, init);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc).toContain("'self'");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toMatch(
        /^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/,
      );
      const hsts = res.headers.get('strict-transport-security');
      if (base.startsWith('https'))
        expect(Number(/max-age=(\d+)/.exec(hsts ?? '')?.[1])).toBeGreaterThanOrEqual(31_536_000);
      else expect(hsts).toBeNull();
    }
  });

  it('are on a signed-in 200 and on an audit CSV download', async () => {
    const w = await world();
    const admin = await w.as('admin');
    for (const path of ['/api/measures', '/api/audit?format=csv']) {
      const res = await admin.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('sends HSTS behind a trusted proxy that terminated HTTPS, not when the header is untrusted', async () => {
    const trusted = await world({ trustProxy: true });
    const untrusted = await world();
    const headers = { 'x-forwarded-proto': 'https' };
    expect((await trusted.app.request('/api/health', { headers })).headers.get('strict-transport-security')).toMatch(
      /max-age=31536000/,
    );
    expect(
      (await untrusted.app.request('/api/health', { headers })).headers.get('strict-transport-security'),
    ).toBeNull();
  });
});

describe('TOTP', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('matches the RFC 6238 SHA-1 test vector at T=%i: %s', (time, code) => {
    const secret = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
    expect(totpAt(secret, time, 8)).toBe(code);
  });

  it('accepts the current step and one either side, nothing further', () => {
    const t = 1_459_382_400; // 2016-03-31T00:00:00Z
    const cases: [number, boolean][] = [
      [-60, false],
      [-30, true],
      [0, true],
      [30, true],
      [60, false],
    ];
    for (const [offset, ok] of cases)
      expect(verifyTotp(TEST_TOTP_SECRET, totpAt(TEST_TOTP_SECRET, t + offset), t), String(offset)).toBe(ok);
    expect(verifyTotp(TEST_TOTP_SECRET, '12345', t)).toBe(false);
  });

  it('asks an administrator for the code (401 totp_required), refuses a wrong one (401), accepts the right one', async () => {
    const w = await world();
    const withoutCode = await signInRequest(w, credentials('admin'));
    expect(withoutCode.status).toBe(401);
    expect((await json<ErrorJson>(withoutCode)).error.code).toBe('totp_required');
    expect(withoutCode.headers.get('set-cookie')).toBeNull();
    const right = adminCode(w);
    const wrong = right === '000000' ? '000001' : '000000';
    const wrongRes = await signInRequest(w, { ...credentials('admin'), totp: wrong });
    expect(wrongRes.status).toBe(401);
    expect((await json<ErrorJson>(wrongRes)).error.code).toBe('totp_invalid');
    expect(wrongRes.headers.get('set-cookie')).toBeNull();
    const ok = await signInRequest(w, { ...credentials('admin'), totp: right });
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ requires: [], user: { role: 'nisc_admin', totpEnabled: true } });
  });

  it('enrols: POST /api/session/totp asks for the password, gives a secret and QR code; a code turns TOTP on', async () => {
    const w = await world();
    const staff = await w.as('staff');
    const bare = await staff.post('/api/session/totp');
    expect(bare.status).toBe(422);
    expect((await json<ErrorJson>(bare)).error).toMatchObject({
      code: 'reauthentication_required',
      issues: [{ path: 'currentPassword' }],
    });
    const wrong = await staff.post('/api/session/totp', { currentPassword: 'not-the-password-at-all' });
    expect(wrong.status).toBe(422);
    expect((await json<ErrorJson>(wrong)).error.code).toBe('bad_current_password');
    expect(await auditActions(w, 'session.reauth_failed')).toHaveLength(1);
    expect((await w.store.getUser(w.users.staff.id))?.totpPendingSecret).toBeNull();
    const start = await staff.post('/api/session/totp', { currentPassword: TEST_PASSWORD });
    expect(start.status).toBe(200);
    const { secret, uri, qrSvg } = await json<{ secret: string; uri: string; qrSvg: string }>(start);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(new RegExp(`^otpauth://totp/.*secret=${secret}`));
    expect(qrSvg).toContain('<svg');
    const now = Date.parse(w.clock.now()) / 1000;
    const bad = await staff.post('/api/session/totp/confirm', { code: totpAt(secret, now + 300) });
    expect(bad.status).toBe(422);
    expect((await w.store.getUser(w.users.staff.id))?.totpEnabled).toBe(false);
    const ok = await staff.post('/api/session/totp/confirm', { code: totpAt(secret, now) });
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ user: { totpEnabled: true } });
    // From now on the code is part of signing in; the code that confirmed enrolment is spent.
    expect((await signInRequest(w, credentials('staff'))).status).toBe(401);
    const replay = await signInRequest(w, { ...credentials('staff'), totp: totpAt(secret, now) });
    expect(replay.status).toBe(401);
    expect((await json<ErrorJson>(replay)).error.code).toBe('totp_replayed');
    w.clock.advance(30_000);
    expect((await signInRequest(w, { ...credentials('staff'), totp: totpAt(secret, now + 30) })).status).toBe(200);
    expect((await auditActions(w, 'user.totp_enabled')).map((e) => e.actor)).toEqual([TEST_USERS.staff.email]);
  });

  it('never accepts one code twice: a second sign-in within the window needs the next code', async () => {
    const w = await world();
    const code = adminCode(w);
    expect((await signInRequest(w, { ...credentials('admin'), totp: code })).status).toBe(200);
    const again = await signInRequest(w, { ...credentials('admin'), totp: code });
    expect(again.status).toBe(401);
    expect((await json<ErrorJson>(again)).error.code).toBe('totp_replayed');
    expect((await auditActions(w, 'session.failed')).at(0)?.after).toMatchObject({ reason: 'totp_replayed' });
    // Nor an earlier code still inside the window.
    const earlier = totpAt(TEST_TOTP_SECRET, Date.parse(w.clock.now()) / 1000 - 30);
    expect((await signInRequest(w, { ...credentials('admin'), totp: earlier })).status).toBe(401);
    w.clock.advance(30_000);
    expect((await signInRequest(w, { ...credentials('admin'), totp: adminCode(w) })).status).toBe(200);
  });

  it('lets only one of two concurrent sign-ins with the same code through', async () => {
    const w = await world();
    const body = { ...credentials('admin'), totp: adminCode(w) };
    const results = await Promise.all([signInRequest(w, body), signInRequest(w, body), signInRequest(w, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });

  it('re-enrolling an enrolled account needs the password and a current code; the old secret works until confirmed', async () => {
    const w = await world();
    const admin = await w.as('admin');
    w.clock.advance(30_000);
    const noCode = await admin.post('/api/session/totp', { currentPassword: TEST_PASSWORD });
    expect(noCode.status).toBe(422);
    expect((await json<ErrorJson>(noCode)).error.issues).toEqual([expect.objectContaining({ path: 'code' })]);
    const badCode = await admin.post('/api/session/totp', {
      currentPassword: TEST_PASSWORD,
      code: '000000' === adminCode(w) ? '111111' : '000000',
    });
    expect(badCode.status).toBe(422);
    expect((await json<ErrorJson>(badCode)).error.issues).toEqual([expect.objectContaining({ path: 'code' })]);
    const start = await admin.post('/api/session/totp', { currentPassword: TEST_PASSWORD, code: adminCode(w) });
    expect(start.status).toBe(200);
    const { secret } = await json<{ secret: string }>(start);
    // Abandoned here: TOTP stays on with the old secret, and signing in still asks for its code.
    expect(await w.store.getUser(w.users.admin.id)).toMatchObject({ totpEnabled: true, totpSecret: TEST_TOTP_SECRET });
    w.clock.advance(30_000);
    expect((await signInRequest(w, { ...credentials('admin'), totp: adminCode(w) })).status).toBe(200);
    const now = Date.parse(w.clock.now()) / 1000;
    expect((await admin.post('/api/session/totp/confirm', { code: totpAt(secret, now) })).status).toBe(200);
    w.clock.advance(30_000);
    expect((await signInRequest(w, { ...credentials('admin'), totp: adminCode(w) })).status).toBe(401);
    expect((await signInRequest(w, { ...credentials('admin'), totp: totpAt(secret, now + 30) })).status).toBe(200);
  });

  it('lets the enrolment forced after sign-in start without asking for the password again', async () => {
    const w = await world();
    await w.setUser(w.users.admin.id, (u) => ({ ...u, totpEnabled: false, totpSecret: null }));
    const res = await signInRequest(w, credentials('admin'));
    expect(res.status).toBe(200);
    const session = await json<Session>(res);
    expect(session.requires).toEqual(['totp_enrolment']);
    const admin = client(w.app, { cookie: cookieOf(res), csrfToken: session.csrfToken });
    expect((await admin.post('/api/session/totp')).status).toBe(200);
  });
});

describe('re-authentication from a signed-in session', () => {
  it(`throttles wrong current passwords: the ${REAUTH_LIMIT}th within the window ends the session (429, audited)`, async () => {
    const w = await world();
    const staff = await w.as('staff');
    const body = { currentPassword: 'a-wrong-guess-at-it', newPassword: 'another long passphrase 2016' };
    for (let i = 1; i < REAUTH_LIMIT; i++) {
      const res = await staff.post('/api/session/password', body);
      expect(res.status, `attempt ${i}`).toBe(422);
      expect((await json<ErrorJson>(res)).error.issues).toEqual([expect.objectContaining({ path: 'currentPassword' })]);
    }
    const last = await staff.post('/api/session/password', body);
    expect(last.status).toBe(429);
    expect((await json<ErrorJson>(last)).error.code).toBe('reauthentication_failed');
    expect((await staff.get('/api/session')).status).toBe(401);
    expect(await auditActions(w, 'session.reauth_failed')).toHaveLength(REAUTH_LIMIT);
    expect(await auditActions(w, 'session.ended_after_failures')).toHaveLength(1);
    // The password did not change, and signing in again starts afresh.
    expect((await signInRequest(w, credentials('staff'))).status).toBe(200);
  });

  it('counts mistakes within the window only: a few spread over time do not add up to a sign-out', async () => {
    const w = await world();
    const staff = await w.as('staff');
    for (let i = 0; i < REAUTH_LIMIT + 2; i++) {
      const res = await staff.post('/api/session/password', {
        currentPassword: 'a-wrong-guess-at-it',
        newPassword: 'x',
      });
      expect(res.status).toBe(422);
      w.clock.advance(4 * MINUTE);
    }
    expect((await staff.get('/api/session')).status).toBe(200);
  });
});

describe('first start', () => {
  afterEach(() => vi.restoreAllMocks());

  it('creates exactly one administrator with a one-time password; a second start creates and prints nothing', async () => {
    const log = vi.spyOn(console, 'log');
    const clock = mutableClock(START);
    const store = createMemoryStore();
    await seedIfEmpty(store, clock);
    const first = await ensureFirstAdmin(store, clock, 'Chief@NISC.example.go.jp', nodeHasher);
    expect(first).not.toBeNull();
    expect(first!.password.length).toBeGreaterThanOrEqual(16);
    expect(await ensureFirstAdmin(store, clock, 'chief@nisc.example.go.jp', nodeHasher)).toBeNull();
    expect(await ensureFirstAdmin(store, clock, 'other@nisc.example.go.jp', nodeHasher)).toBeNull();
    const users = await store.listUsers();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ role: 'nisc_admin', mustChangePassword: true, email: 'chief@nisc.example.go.jp' });
    expect(users[0]!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(log).not.toHaveBeenCalled(); // printing is main's job, once, with what this returns
    expect((await store.listAudit({ limit: 10, offset: 0, action: 'user.create' })).total).toBe(1);
  });

  it('the first administrator must change the password and enrol TOTP before anything else', async () => {
    const clock = mutableClock(START);
    const store = createMemoryStore();
    await seedIfEmpty(store, clock);
    const { email, password } = (await ensureFirstAdmin(store, clock, 'chief@nisc.example.go.jp', nodeHasher))!;
    const app = createApp({ store, clock, hasher: nodeHasher });
    const res = await app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status).toBe(200);
    const session = await json<Session>(res);
    expect(session.requires).toEqual(['password_change', 'totp_enrolment']);
    let admin = client(app, { cookie: cookieOf(res), csrfToken: session.csrfToken });
    // As the SPA does: each answer that renews the session brings the new cookie and CSRF token.
    const follow = async (renewal: Response) => {
      expect(renewal.status).toBe(200);
      admin = client(app, { cookie: cookieOf(renewal), csrfToken: (await json<Session>(renewal)).csrfToken });
    };
    expect((await admin.get('/api/users')).status).toBe(403);
    await follow(
      await admin.post('/api/session/password', {
        currentPassword: password,
        newPassword: 'ginkgo-avenue-jingu-gaien',
      }),
    );
    expect(await json(await admin.get('/api/session'))).toMatchObject({ requires: ['totp_enrolment'] });
    expect((await admin.get('/api/users')).status).toBe(403);
    const { secret } = await json<{ secret: string }>(await admin.post('/api/session/totp'));
    const code = totpAt(secret, Date.parse(clock.now()) / 1000);
    await follow(await admin.post('/api/session/totp/confirm', { code }));
    expect((await admin.get('/api/users')).status).toBe(200);
  });
});

describe('request bodies', () => {
  it.each([
    ['with Content-Length', true],
    ['streamed, without Content-Length', false],
  ])('refuses an oversized body (413), %s', async (_label, withLength) => {
    const w = await world();
    const staff = await w.as('staff');
    const body = JSON.stringify({ narrative: 'あ'.repeat(200_000), comment: 'c' });
    const a = await w.assignment(MEASURE, 'nisc');
    const res = await w.app.request(assignmentPath(MEASURE, 'nisc'), {
      method: 'PATCH',
      headers: {
        cookie: staff.session.cookie,
        'x-csrf-token': staff.session.csrfToken,
        'content-type': 'application/json',
        'if-match': `"${a.version}"`,
        ...(withLength ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
      },
      body,
    });
    expect(res.status).toBe(413);
    expect((await json<ErrorJson>(res)).error.code).toBe('payload_too_large');
    expect((await w.assignment(MEASURE, 'nisc')).version).toBe(a.version);
  });

  it.each([
    ['text/plain', 415, 'unsupported_media_type'],
    ['application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
    ['multipart/form-data; boundary=x', 415, 'unsupported_media_type'],
  ])('refuses a JSON body sent as %s (%i)', async (type, status, code) => {
    const w = await world();
    const res = await w.app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': type },
      body: JSON.stringify(credentials('staff')),
    });
    expect(res.status).toBe(status);
    expect((await json<ErrorJson>(res)).error.code).toBe(code);
  });

  it.each(['{', '{"email": "a@b.jp",}', "{'email': 'a@b.jp'}", '', 'undefined'])(
    'refuses broken JSON %j with 400 malformed_json',
    async (text) => {
      const w = await world();
      const res = await signInRequest(w, text);
      expect(res.status).toBe(400);
      expect((await json<ErrorJson>(res)).error.code).toBe('malformed_json');
    },
  );

  it('refuses unknown fields with a 422 naming them', async () => {
    const w = await world();
    const res = await signInRequest(w, JSON.stringify({ ...credentials('staff'), role: 'nisc_admin' }));
    expect(res.status).toBe(422);
    expect((await json<ErrorJson>(res)).error.message).toContain('role');
  });
});
