import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { totpRequired } from '@/domain/auth';
import type { Session } from '@/domain/contract';
import type { AppConfig, AppEnv, Deps } from '../context';
import type { SessionRecord, UserRecord } from '../store/port';
import { toPublicUser } from './users';

export const COOKIE = 'sid';

export const newToken = () => randomBytes(32).toString('base64url');
// One-shot hashing: the session lookup runs on every request, and a Hash object costs three times as much.
export const hashToken = (token: string) => hash('sha256', token, 'hex');

const utf8 = new TextEncoder();
export function safeEqual(a: string, b: string): boolean {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function isHttps(c: Context, config: AppConfig): boolean {
  // The request URL is absolute and normalised (lower-case scheme): no need to parse it on every request.
  if (c.req.url.startsWith('https:')) return true;
  return config.trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

export function clientAddress(c: Context<AppEnv>, config: AppConfig): string {
  if (config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

export function expiries(session: SessionRecord, config: AppConfig) {
  return {
    idleExpiresAt: addMinutes(session.lastSeenAt, config.sessionIdleMinutes),
    absoluteExpiresAt: addMinutes(session.createdAt, config.sessionAbsoluteHours * 60),
  };
}

/** A fresh session id at every sign-in: a planted cookie can never be promoted (session fixation). */
export async function startSession(
  c: Context<AppEnv>,
  deps: Deps,
  user: UserRecord,
  createdAt = deps.clock.now(),
): Promise<SessionRecord> {
  const token = newToken();
  const now = deps.clock.now();
  const session: SessionRecord = {
    id: hashToken(token),
    userId: user.id,
    csrfToken: newToken(),
    createdAt,
    lastSeenAt: now,
    ip: clientAddress(c, deps.config),
    userAgent: (c.req.header('user-agent') ?? '').slice(0, 300),
  };
  await deps.store.createSession(session);
  setCookie(c, COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, deps.config),
    path: '/',
    maxAge: deps.config.sessionAbsoluteHours * 3600,
  });
  return session;
}

/**
 * A new session id (and CSRF token) for a signed-in user whose credentials or privileges just changed:
 * the new cookie goes out with this response and the old id is deleted, so a copy of the old cookie is
 * refused from the next request on (the store's session cache drops it, decision record 009). The
 * absolute timeout still counts from the original sign-in.
 */
export async function rotateSession(
  c: Context<AppEnv>,
  deps: Deps,
  old: SessionRecord,
  user: UserRecord,
): Promise<SessionRecord> {
  const next = await startSession(c, deps, user, old.createdAt);
  // A session that began at the provider stays one (its second factor, its logout).
  const oidc = await deps.store.getOidcSession(old.id);
  if (oidc) await deps.store.saveOidcSession({ ...oidc, sessionId: next.id });
  await deps.store.deleteSession(old.id);
  return next;
}

export function endSessionCookie(c: Context<AppEnv>, deps: Deps): void {
  deleteCookie(c, COOKIE, { path: '/', secure: isHttps(c, deps.config) });
}

const TOKEN = /^[\w-]{1,100}$/;

/**
 * The session token in a Cookie header: the first `sid` whose value could be one of our tokens
 * (base64url, at most 100 characters; surrounding quotes allowed). Anything else is no token. Read on
 * every request, so it does only this, where a general cookie parser splits and decodes everything.
 */
export function sessionToken(header: string | undefined): string | null {
  if (!header || !header.includes(COOKIE)) return null;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== COOKIE) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (TOKEN.test(value)) return value;
  }
  return null;
}

/**
 * The session behind the request's cookie, if it is valid now; expired ones are removed. The plan
 * revision read with it (one round trip on PostgreSQL) goes into the context as `revision`, for the
 * request's plan reads (plan-cache.ts).
 */
export async function loadSession(
  c: Context<AppEnv>,
  deps: Deps,
): Promise<{ session: SessionRecord; user: UserRecord } | null> {
  const token = sessionToken(c.req.header('cookie'));
  if (!token) return null;
  const { revision, session, user } = await deps.store.lookupSession(hashToken(token));
  c.set('revision', revision);
  if (!session) return null;
  const now = deps.clock.now();
  const { idleExpiresAt, absoluteExpiresAt } = expiries(session, deps.config);
  // Expired at the instant named: a session is valid strictly before its expiry times.
  if (!user || user.disabled || now >= idleExpiresAt || now >= absoluteExpiresAt) {
    await deps.store.deleteSession(session.id);
    return null;
  }
  // Touch at most once a minute: a read-heavy page should not turn into a write per request.
  if (Date.parse(now) - Date.parse(session.lastSeenAt) > 60_000) {
    await deps.store.touchSession(session.id, now);
    session.lastSeenAt = now;
  }
  return { session, user };
}

/**
 * What a session must do first. A session that began at the organisation's provider never changes the
 * tracker password (it did not use it), and one whose provider asserted multi-factor authentication
 * needs no tracker TOTP either (decision record 015); `oidc` is that session's record, null otherwise.
 */
export function sessionRequirements(
  user: UserRecord,
  config: AppConfig,
  oidc: { mfa: boolean } | null = null,
): Session['requires'] {
  const requires: Session['requires'] = [];
  if (user.mustChangePassword && !oidc) requires.push('password_change');
  if (totpRequired(user.role, config.requireTotpForAll) && !user.totpEnabled && !oidc?.mfa)
    requires.push('totp_enrolment');
  return requires;
}

/** The session's requirements; the provider's record is looked up only when there is something to waive. */
export async function requirementsOf(deps: Deps, session: SessionRecord, user: UserRecord) {
  const plain = sessionRequirements(user, deps.config);
  if (!plain.length) return plain;
  return sessionRequirements(user, deps.config, await deps.store.getOidcSession(session.id));
}

export function sessionBody(
  session: SessionRecord,
  user: UserRecord,
  config: AppConfig,
  requires: Session['requires'] = sessionRequirements(user, config),
): Session {
  return {
    user: toPublicUser(user),
    csrfToken: session.csrfToken,
    requires,
    ...expiries(session, config),
  };
}
