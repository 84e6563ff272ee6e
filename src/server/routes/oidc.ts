import { Hono, type Context } from 'hono';
import { OIDC_ROUTES } from '@/domain/routes';
import { issueDeviceCookie, trustedDevice } from '../auth/device-cookie';
import { clientAddress, sessionBody, sessionRequirements, startSession } from '../auth/session';
import { checkTotp } from '../auth/totp';
import type { AppEnv, Deps } from '../context';
import { ApiError } from '../errors';
import { parseBody } from '../middleware';
import { OidcCallbackError, type PendingAuthorization, type VerifiedSignIn } from '../oidc/types';
import { PENDING_COOKIE, setSealed, takeSealed, TOTP_COOKIE } from '../oidc/sealed-cookie';
import { OidcLinkConflictError } from '../store/port-oidc';
import type { UserRecord } from '../store/port';
import { accountAudit, commitToUser, totpMessage } from './session';

/** Why a provider sign-in was refused: the code the login page explains, also the audit entry's reason. */
export type OidcRefusal =
  | 'expired'
  | 'state_mismatch'
  | 'provider_error'
  | 'code_rejected'
  | 'token_invalid'
  | 'unavailable'
  | 'no_email'
  | 'email_unverified'
  | 'unknown_email'
  | 'linked_elsewhere'
  | 'disabled'
  | 'too_many_attempts';

type TotpWait = { userId: string; mfa: false; idToken: string; redirect: string | null; subject: string };

/** Only a path on this site: the same rule as the client's (features/auth/navigation.ts). */
function safePath(value: string | undefined | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value.startsWith('/login') ? null : value;
}

/**
 * Sign-in through the organisation's OpenID Connect provider (issue 14, decision record 015). The
 * provider proves who the person is; the tracker decides whether that is one of its users: by the
 * subject linked before, or once by a verified e-mail an administrator registered. Nobody gets an
 * account or a role here. Every refusal is audited (`session.failed`, method oidc) and explained.
 */
export function oidcRoutes(deps: Deps) {
  const { store, clock, config, throttle } = deps;
  const app = new Hono<AppEnv>();
  const audit = (c: Context<AppEnv>, actor: string, action: string, user: UserRecord | null, after?: unknown) =>
    accountAudit(clock, c, actor, action, user, after);
  const rp = () => {
    if (!deps.oidc)
      throw new ApiError(
        404,
        'oidc_not_configured',
        '組織アカウントでのサインインは設定されていません / Sign-in with the organisation account is not configured',
      );
    return deps.oidc;
  };

  app.get('/session/methods', (c) => c.json({ oidc: Boolean(deps.oidc), localPasswords: config.localPasswords }));

  app.get('/session/oidc/start', async (c) => {
    const relyingParty = rp();
    const redirect = safePath(c.req.query('redirect'));
    try {
      const { url, pending } = await relyingParty.begin(redirect);
      await setSealed(c, deps, PENDING_COOKIE, pending);
      return c.redirect(url.href, 302);
    } catch (error) {
      console.error('OpenID Connect discovery failed', error);
      return c.redirect(`/login?oidcError=unavailable`, 302);
    }
  });

  app.get('/session/oidc/callback', async (c) => {
    const relyingParty = rp();
    const address = clientAddress(c, config);
    const nowMs = Date.parse(clock.now());
    const query = new URL(c.req.url).searchParams;
    const pending = await takeSealed<PendingAuthorization>(c, deps, PENDING_COOKIE);
    const refuse = async (reason: OidcRefusal, user: UserRecord | null, detail: Record<string, unknown> = {}) => {
      await store.commit(
        [],
        [
          audit(c, user?.email ?? (typeof detail.email === 'string' ? detail.email : 'oidc'), 'session.failed', user, {
            method: 'oidc',
            reason,
            address,
            ...detail,
          }),
        ],
      );
      return c.redirect(`/login?oidcError=${reason}`, 302);
    };
    if ((await throttle.begin(address, nowMs)) > 0) return refuse('too_many_attempts', null);
    if (!pending) return refuse('expired', null);
    let signIn: VerifiedSignIn;
    try {
      signIn = await relyingParty.finish(query, pending);
    } catch (error) {
      if (!(error instanceof OidcCallbackError)) throw error;
      return refuse(error.reason, null, { detail: error.detail.slice(0, 300) });
    }
    const issuer = signIn.issuer;
    const facts = { subject: signIn.subject, email: signIn.email, mfa: signIn.mfa, amr: signIn.amr, acr: signIn.acr };
    const link = await store.getOidcLinkBySubject(issuer, signIn.subject);
    let user = link ? await store.getUser(link.userId) : null;
    if (!link) {
      if (!signIn.email) return refuse('no_email', null, facts);
      if (!signIn.emailVerified) return refuse('email_unverified', null, facts);
      user = await store.getUserByEmail(signIn.email);
      if (!user) return refuse('unknown_email', null, facts);
      if (await store.getOidcLink(user.id)) return refuse('linked_elsewhere', user, facts);
    }
    if (!user) return refuse('unknown_email', null, facts);
    if (user.disabled) return refuse('disabled', user, facts);
    if (!link) {
      try {
        await store.linkOidc({ userId: user.id, issuer, subject: signIn.subject, linkedAt: clock.now() }, [
          audit(c, user.email, 'user.oidc_linked', user, { issuer, subject: signIn.subject, by: 'verified_email' }),
        ]);
      } catch (error) {
        if (error instanceof OidcLinkConflictError) return refuse('linked_elsewhere', user, facts);
        throw error;
      }
    }
    await throttle.forgive(address, nowMs);
    if (!signIn.mfa && user.totpEnabled && user.totpSecret) {
      // The provider did one factor; the account has the tracker's second: ask for its code first.
      const wait: TotpWait = {
        userId: user.id,
        mfa: false,
        idToken: signIn.idToken,
        redirect: pending.redirect,
        subject: signIn.subject,
      };
      await setSealed(c, deps, TOTP_COOKIE, wait);
      const next = pending.redirect ? `&redirect=${encodeURIComponent(pending.redirect)}` : '';
      return c.redirect(`/login?oidc=totp${next}`, 302);
    }
    await begin(c, user, { mfa: signIn.mfa, idToken: signIn.idToken }, facts);
    return c.redirect(pending.redirect ?? '/', 302);
  });

  /** A new session (a new id, as at every sign-in), marked as the provider's, with the device cookie. */
  const begin = async (
    c: Context<AppEnv>,
    user: UserRecord,
    oidc: { mfa: boolean; idToken: string },
    facts: Record<string, unknown>,
  ) => {
    const session = await startSession(c, deps, user);
    await store.saveOidcSession({ sessionId: session.id, ...oidc });
    await issueDeviceCookie(c, deps, user.id);
    await store.commit(
      [],
      [audit(c, user.email, 'session.signin', user, { method: 'oidc', address: clientAddress(c, config), ...facts })],
    );
    return session;
  };

  app.post('/session/oidc/totp', async (c) => {
    const { code } = await parseBody(c, OIDC_ROUTES.oidcTotp.body);
    const wait = await takeSealed<TotpWait>(c, deps, TOTP_COOKIE);
    const user = wait ? await store.getUser(wait.userId) : null;
    if (!wait || !user || user.disabled || !user.totpSecret) {
      throw new ApiError(
        409,
        'oidc_sign_in_expired',
        'サインインの有効期限が切れました。もう一度「組織アカウントでサインイン」から始めてください / The sign-in has expired; start again with “Sign in with your organisation account”',
      );
    }
    const nowMs = Date.parse(clock.now());
    const scope = { userId: user.id, deviceId: await trustedDevice(c, deps, user.id) };
    const gate = await store.countSignInAttempt(scope, clock.now(), {
      limit: config.lockAfterFailures,
      lockMs: config.lockMinutes * 60_000,
    });
    const facts = { method: 'oidc', subject: wait.subject, address: clientAddress(c, config) };
    const check = gate.allowed ? checkTotp(user.totpSecret, code, nowMs / 1000, user.totpLastStep) : null;
    if (!check?.ok) {
      const reason = !check ? 'locked' : check.reason === 'replayed' ? 'totp_replayed' : 'bad_totp';
      const audits = [audit(c, user.email, 'session.failed', user, { ...facts, reason })];
      if (gate.lockedNow)
        audits.push(audit(c, 'system', 'user.locked', user, { until: gate.lockedUntil, scope: 'account', ...facts }));
      await store.commit([], audits);
      if (!check) {
        throw new ApiError(
          401,
          'oidc_totp_locked',
          '確認コードの失敗が続いたため、しばらくサインインできません / Too many wrong codes: sign-in is paused for a while',
        );
      }
      // Another code may follow (the account's count bounds how many); the wait keeps its subject and token.
      await setSealed(c, deps, TOTP_COOKIE, wait);
      throw new ApiError(401, `totp_${check.reason}`, totpMessage(check.reason));
    }
    await store.clearSignInFailures(scope);
    let signedIn = user;
    await commitToUser(store, user, (current) => {
      if (current?.totpLastStep != null && check.step <= current.totpLastStep) {
        throw new ApiError(401, 'totp_replayed', 'この確認コードは使用済みです / This code has been used already');
      }
      signedIn = { ...(current ?? user), totpLastStep: check.step, version: (current ?? user).version + 1 };
      return { next: signedIn, audits: [] };
    });
    const session = await begin(c, signedIn, { mfa: false, idToken: wait.idToken }, { ...facts, totp: true });
    return c.json(sessionBody(session, signedIn, config, sessionRequirements(signedIn, config, { mfa: false })));
  });

  return app;
}
