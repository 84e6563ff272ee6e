/**
 * Issue 14: sign-in through a real OpenID Connect provider on loopback (oidc-provider 8, the test
 * provider in scripts/lib/test-idp.ts). Each case drives the provider's own sign-in form and brings the
 * browser back to the tracker, and checks the outcome and the audit entry it leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '@/domain/contract';
import { totpAt } from '@/server/auth/totp';
import { mutableClock } from '@/server/clock';
import { createMemoryStore } from '@/server/store/memory';
import type { Store } from '@/server/store/port';
import { createSqliteStore, openDatabase } from '@/server/store/sqlite';
import { client, TEST_PASSWORD, TEST_TOTP_SECRET } from '@/server/testing';
import type { TestIdp } from '../scripts/lib/test-idp';
import {
  callback,
  CookieJar,
  IDP_ACCOUNTS,
  oidcSignIn,
  relyingParty,
  signInAtProvider,
  startProvider,
  startSignIn,
  TRACKER,
} from './support/oidc';
import { createWorld, json, type ErrorJson } from './support/world';

let idp: TestIdp;
beforeAll(async () => {
  idp = await startProvider();
});
afterAll(() => idp.close());

const stores: [string, () => Store][] = [
  ['memory', createMemoryStore],
  ['sqlite', () => createSqliteStore(openDatabase(':memory:'))],
];

async function world(options: { store?: Store; localPasswords?: boolean } = {}) {
  const clock = mutableClock(new Date().toISOString());
  const config =
    options.localPasswords === false
      ? { localPasswords: false, localPasswordAdmins: ['admin@nisc.example.go.jp'] }
      : undefined;
  const w = await createWorld({ store: options.store, clock, oidc: relyingParty(idp), config });
  return { ...w, clock };
}
type W = Awaited<ReturnType<typeof world>>;

/** The newest audit entries with this action, newest first. */
async function audits(w: W, action: string) {
  return (await w.store.listAudit({ limit: 50, offset: 0, action })).items;
}

/** A client for the session the callback set (its cookie) with the CSRF token GET /api/session hands over. */
async function sessionOf(w: W, jar: CookieJar) {
  const cookie = `sid=${jar.get('sid')}`;
  const res = await w.app.request('/api/session', { headers: { cookie } });
  expect(res.status).toBe(200);
  const session = await json<Session>(res);
  return { session, c: client(w.app, { cookie, csrfToken: session.csrfToken }) };
}

describe.each(stores)('OpenID Connect sign-in (%s store)', (_name, create) => {
  it('signs a liaison in by verified e-mail the first time, by subject afterwards; MFA asserted skips TOTP', async () => {
    const w = await world({ store: create() });
    const first = await oidcSignIn(w.app, IDP_ACCOUNTS.liaison, '/measures');
    expect(first.res.status).toBe(302);
    expect(first.location).toBe('/measures');
    const { session, c } = await sessionOf(w, first.jar);
    expect(session.user.email).toBe('liaison@npa.example.go.jp');
    expect(session.user.role).toBe('liaison');
    expect(session.requires).toEqual([]);
    // The permission matrix holds: a liaison reads the plan, and may not manage users.
    expect((await c.get('/api/measures?limit=1')).status).toBe(200);
    expect((await c.get('/api/users')).status).toBe(403);
    const [linked] = await audits(w, 'user.oidc_linked');
    expect(linked?.after).toMatchObject({
      subject: IDP_ACCOUNTS.liaison.sub,
      by: 'verified_email',
      issuer: idp.issuer,
    });
    const [signin] = await audits(w, 'session.signin');
    expect(signin?.after).toMatchObject({ method: 'oidc', mfa: true, amr: ['pwd', 'otp', 'mfa'] });
    expect(first.jar.get('did')).toBeTruthy(); // the device cookie, as at every sign-in
    expect(first.jar.get('oidc_pending')).toBeUndefined(); // used once

    // The second time by subject: the provider's e-mail no longer matters.
    const second = await oidcSignIn(w.app, IDP_ACCOUNTS.liaison);
    expect(second.location).toBe('/');
    expect(second.jar.get('sid')).not.toBe(first.jar.get('sid')); // a new session id at every sign-in
    expect(await audits(w, 'user.oidc_linked')).toHaveLength(1);
  });

  it('ends every OIDC session when an administrator disables the user, and then refuses the sign-in (audited)', async () => {
    const w = await world({ store: create() });
    const { jar } = await oidcSignIn(w.app, IDP_ACCOUNTS.viewer);
    const { c } = await sessionOf(w, jar);
    const admin = await w.as('admin');
    const viewer = (await w.store.getUser(w.users.viewer.id))!;
    expect((await admin.patch(`/api/users/${viewer.id}`, { disabled: true }, viewer.version)).status).toBe(200);
    expect((await c.get('/api/measures?limit=1')).status).toBe(401);
    const again = await oidcSignIn(w.app, IDP_ACCOUNTS.viewer);
    expect(again.location).toBe('/login?oidcError=disabled');
    expect(again.jar.get('sid')).toBeUndefined();
    const [failed] = await audits(w, 'session.failed');
    expect(failed?.after).toMatchObject({ method: 'oidc', reason: 'disabled', subject: IDP_ACCOUNTS.viewer.sub });
    expect(failed?.entityId).toBe(viewer.id);
  });
});

describe('OpenID Connect sign-in refusals', () => {
  let w: W;
  beforeAll(async () => {
    w = await world();
  });
  const lastFailure = async () => (await audits(w, 'session.failed'))[0]?.after;

  it('refuses a callback whose state is not the one this browser sent', async () => {
    const jar = new CookieJar();
    const query = await signInAtProvider(await startSignIn(w.app, jar), IDP_ACCOUNTS.liaison);
    query.set('state', 'forged-state-value');
    const res = await callback(w.app, jar, query);
    expect(res.headers.get('location')).toBe('/login?oidcError=state_mismatch');
    expect(jar.get('sid')).toBeUndefined();
    expect(await lastFailure()).toMatchObject({ method: 'oidc', reason: 'state_mismatch' });
  });

  it('refuses a callback with no pending sign-in in this browser (another browser, or expired)', async () => {
    const query = await signInAtProvider(await startSignIn(w.app, new CookieJar()), IDP_ACCOUNTS.liaison);
    const res = await callback(w.app, new CookieJar(), query);
    expect(res.headers.get('location')).toBe('/login?oidcError=expired');
    expect(await lastFailure()).toMatchObject({ reason: 'expired' });
  });

  it('refuses a replayed code, even with the pending cookie copied', async () => {
    const jar = new CookieJar();
    const query = await signInAtProvider(await startSignIn(w.app, jar), IDP_ACCOUNTS.liaison);
    const copied = new CookieJar();
    copied.cookies.set('oidc_pending', jar.get('oidc_pending')!);
    expect((await callback(w.app, jar, query)).headers.get('location')).toBe('/');
    const replay = await callback(w.app, copied, query);
    expect(replay.headers.get('location')).toBe('/login?oidcError=code_rejected');
    expect(copied.get('sid')).toBeUndefined();
    expect(await lastFailure()).toMatchObject({ reason: 'code_rejected' });
  });

  it('refuses an ID token for another audience, though the provider signed it', async () => {
    idp.tamperIdToken = (claims) => ({ ...claims, aud: 'other-app' });
    try {
      const { location, jar } = await oidcSignIn(w.app, IDP_ACCOUNTS.liaison);
      expect(location).toBe('/login?oidcError=token_invalid');
      expect(jar.get('sid')).toBeUndefined();
      expect(await lastFailure()).toMatchObject({ reason: 'token_invalid' });
      expect(String(((await lastFailure()) as { detail: string }).detail)).toMatch(/aud/);
    } finally {
      idp.tamperIdToken = null;
    }
  });

  it('refuses an expired ID token (beyond the 60 s clock tolerance), and accepts one just within it', async () => {
    const now = Math.floor(Date.now() / 1000);
    idp.tamperIdToken = (claims) => ({ ...claims, iat: now - 3600, exp: now - 120 });
    try {
      const { location } = await oidcSignIn(w.app, IDP_ACCOUNTS.liaison);
      expect(location).toBe('/login?oidcError=token_invalid');
      expect(String(((await lastFailure()) as { detail: string }).detail)).toMatch(/exp/);
      idp.tamperIdToken = (claims) => ({ ...claims, iat: now - 3600, exp: now - 20 });
      expect((await oidcSignIn(w.app, IDP_ACCOUNTS.liaison)).location).toBe('/');
    } finally {
      idp.tamperIdToken = null;
    }
  });

  it('refuses an ID token signed with a key that is not the provider’s (same kid)', async () => {
    idp.tamperIdToken = (claims) => ({ ...claims, sub: IDP_ACCOUNTS.staff.sub });
    idp.signWithForeignKey = true;
    try {
      const { location, jar } = await oidcSignIn(w.app, IDP_ACCOUNTS.liaison);
      expect(location).toBe('/login?oidcError=token_invalid');
      expect(jar.get('sid')).toBeUndefined();
    } finally {
      idp.tamperIdToken = null;
      idp.signWithForeignKey = false;
    }
  });

  it('refuses an unknown e-mail and an unverified one; nobody gets an account by signing in', async () => {
    const before = (await w.store.listUsers()).length;
    expect((await oidcSignIn(w.app, IDP_ACCOUNTS.stranger)).location).toBe('/login?oidcError=unknown_email');
    expect(await lastFailure()).toMatchObject({ reason: 'unknown_email', email: 'someone@else.example.go.jp' });
    expect((await oidcSignIn(w.app, IDP_ACCOUNTS.unverified)).location).toBe('/login?oidcError=email_unverified');
    expect(await lastFailure()).toMatchObject({ reason: 'email_unverified', subject: IDP_ACCOUNTS.unverified.sub });
    expect(await w.store.listUsers()).toHaveLength(before);
    expect((await w.store.listOidcLinks()).map((l) => l.subject)).not.toContain(IDP_ACCOUNTS.unverified.sub);
  });

  it('refuses a second provider account for a user already linked to another subject', async () => {
    // liaisonNoMfa carries the same verified e-mail as the (already linked) liaison.
    expect((await oidcSignIn(w.app, IDP_ACCOUNTS.liaisonNoMfa)).location).toBe('/login?oidcError=linked_elsewhere');
    expect(await lastFailure()).toMatchObject({ reason: 'linked_elsewhere' });
  });
});

describe('the tracker’s TOTP after a provider sign-in', () => {
  it('asks an administrator for the tracker’s code when the provider asserted no MFA, then signs in', async () => {
    const w = await world();
    const { location, jar } = await oidcSignIn(w.app, IDP_ACCOUNTS.admin, '/admin/users');
    expect(location).toBe(`/login?oidc=totp&redirect=${encodeURIComponent('/admin/users')}`);
    expect(jar.get('sid')).toBeUndefined();
    const send = (code: string) =>
      w.app.request('/api/session/oidc/totp', {
        method: 'POST',
        headers: { cookie: jar.header(), 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
    const wrong = await send('000000');
    jar.take(wrong);
    expect(wrong.status).toBe(401);
    expect((await json<ErrorJson>(wrong)).error.code).toBe('totp_invalid');
    expect((await audits(w, 'session.failed'))[0]?.after).toMatchObject({ method: 'oidc', reason: 'bad_totp' });
    const ok = await send(totpAt(TEST_TOTP_SECRET, Date.parse(w.clock.now()) / 1000));
    jar.take(ok);
    expect(ok.status).toBe(200);
    const body = await json<Session>(ok);
    expect(body.user.role).toBe('nisc_admin');
    expect(body.requires).toEqual([]);
    expect((await audits(w, 'session.signin'))[0]?.after).toMatchObject({ method: 'oidc', totp: true });
    const { c } = await sessionOf(w, jar);
    expect((await c.get('/api/users')).status).toBe(200);
    // The waiting sign-in is used once.
    expect((await send(totpAt(TEST_TOTP_SECRET, Date.parse(w.clock.now()) / 1000 + 30))).status).toBe(409);
  });

  it('skips the tracker’s TOTP when the provider asserted MFA (amr), even for an administrator', async () => {
    const w = await world();
    // The admin's e-mail is linked by the first (password-only) provider account; link the MFA one by subject.
    const admin = await w.as('admin');
    const user = (await w.store.getUser(w.users.admin.id))!;
    const linked = await admin.patch(
      `/api/users/${user.id}`,
      { linkOidcSubject: IDP_ACCOUNTS.adminMfa.sub },
      user.version,
    );
    expect(linked.status).toBe(200);
    const { location, jar } = await oidcSignIn(w.app, IDP_ACCOUNTS.adminMfa);
    expect(location).toBe('/');
    const { session } = await sessionOf(w, jar);
    expect(session.requires).toEqual([]);
    expect((await audits(w, 'session.signin'))[0]?.after).toMatchObject({ mfa: true, acr: 'urn:tracker:test:mfa' });
  });

  it('holds a viewer without TOTP and without MFA to the existing rules: signed in, no code asked', async () => {
    const w = await world();
    const { location, jar } = await oidcSignIn(w.app, IDP_ACCOUNTS.viewer);
    expect(location).toBe('/');
    expect((await sessionOf(w, jar)).session.requires).toEqual([]);
    expect((await audits(w, 'session.signin'))[0]?.after).toMatchObject({ mfa: false, amr: ['pwd'] });
  });

  it('requires TOTP enrolment of an administrator without TOTP whose provider asserted no MFA', async () => {
    const w = await world();
    await w.setUser(w.users.admin.id, (u) => ({ ...u, totpEnabled: false, totpSecret: null }));
    const { jar } = await oidcSignIn(w.app, IDP_ACCOUNTS.admin);
    const { session, c } = await sessionOf(w, jar);
    expect(session.requires).toEqual(['totp_enrolment']);
    expect((await c.get('/api/users')).status).toBe(403);
  });
});

describe('OIDC sessions follow the session rules', () => {
  it('times out when idle and at the absolute limit, like any session', async () => {
    const w = await world();
    const { jar } = await oidcSignIn(w.app, IDP_ACCOUNTS.viewer);
    const { c } = await sessionOf(w, jar);
    w.clock.advance(29 * 60_000);
    expect((await c.get('/api/measures?limit=1')).status).toBe(200);
    w.clock.advance(31 * 60_000);
    expect((await c.get('/api/measures?limit=1')).status).toBe(401);
    const again = await oidcSignIn(w.app, IDP_ACCOUNTS.viewer);
    const second = await sessionOf(w, again.jar);
    for (let i = 0; i < 25; i++) {
      w.clock.advance(29 * 60_000);
      await second.c.get('/api/measures?limit=1');
    }
    expect((await second.c.get('/api/measures?limit=1')).status).toBe(401);
  });

  it('refuses writes without the CSRF token', async () => {
    const w = await world();
    const { jar } = await oidcSignIn(w.app, IDP_ACCOUNTS.liaison);
    const res = await w.app.request('/api/session/password', {
      method: 'POST',
      headers: { cookie: `sid=${jar.get('sid')}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect((await json<ErrorJson>(res)).error.code).toBe('csrf_failed');
  });

  it('signs out at both ends: the session ends and the answer names the provider’s logout with the ID token', async () => {
    const w = await world();
    const { jar } = await oidcSignIn(w.app, IDP_ACCOUNTS.liaison);
    const { c } = await sessionOf(w, jar);
    const res = await c.delete('/api/session');
    const body = await json<{ ok: true; endSessionUrl: string }>(res);
    const url = new URL(body.endSessionUrl);
    expect(url.origin + url.pathname).toBe(`${idp.issuer}/session/end`);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${TRACKER}/login`);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(url.searchParams.get('client_id')).toBe('tracker');
    expect((await c.get('/api/measures?limit=1')).status).toBe(401);
    expect((await w.store.listAudit({ limit: 1, offset: 0, action: 'session.signout' })).items[0]?.after).toEqual({
      method: 'oidc',
    });
    // The provider accepts it (no error page; with no provider session here, it goes straight on to confirm).
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('/session/end/confirm');
    expect(text).not.toContain('IdP error');
  });

  it('a password session signs out here only', async () => {
    const w = await world();
    const c = await w.as('viewer');
    expect(await json(await c.delete('/api/session'))).toEqual({ ok: true, endSessionUrl: null });
  });
});

describe('LOCAL_PASSWORDS=off', () => {
  it('refuses a liaison’s password like a wrong one (audited), keeps the named administrator’s, and signs the liaison in through the provider', async () => {
    const w = await world({ localPasswords: false });
    const res = await w.anon.post('/api/session', { email: 'liaison@npa.example.go.jp', password: TEST_PASSWORD });
    expect(res.status).toBe(401);
    expect((await json<ErrorJson>(res)).error.code).toBe('bad_credentials');
    expect((await w.store.listAudit({ limit: 1, offset: 0, action: 'session.failed' })).items[0]?.after).toMatchObject({
      reason: 'local_password_off',
    });
    const admin = await w.as('admin');
    expect((await admin.get('/api/users')).status).toBe(200);
    expect((await oidcSignIn(w.app, IDP_ACCOUNTS.liaison)).location).toBe('/');
    const methods = await json(await w.anon.get('/api/session/methods'));
    expect(methods).toEqual({ oidc: true, localPasswords: false });
  });

  it('shows administrators how each user signs in, and lets them unlink (which ends the user’s sessions)', async () => {
    const w = await world({ localPasswords: false });
    const { jar } = await oidcSignIn(w.app, IDP_ACCOUNTS.liaison);
    const liaison = await sessionOf(w, jar);
    const admin = await w.as('admin');
    type Row = {
      email: string;
      version: number;
      id: string;
      signIn: { password: boolean; oidc: { subject: string } | null };
    };
    const rows = (await json<{ items: Row[] }>(await admin.get('/api/users'))).items;
    const row = (email: string) => rows.find((r) => r.email === email)!;
    expect(row('liaison@npa.example.go.jp').signIn).toMatchObject({
      password: false,
      oidc: { subject: IDP_ACCOUNTS.liaison.sub },
    });
    expect(row('admin@nisc.example.go.jp').signIn).toEqual({ password: true, oidc: null });
    const target = row('liaison@npa.example.go.jp');
    expect((await admin.patch(`/api/users/${target.id}`, { unlinkOidc: true }, target.version)).status).toBe(200);
    expect((await liaison.c.get('/api/measures?limit=1')).status).toBe(401);
    expect((await w.store.listAudit({ limit: 1, offset: 0, action: 'user.oidc_unlinked' })).items[0]?.after).toEqual({
      subject: IDP_ACCOUNTS.liaison.sub,
    });
    expect(await w.store.getOidcLink(target.id)).toBeNull();
  });
});
