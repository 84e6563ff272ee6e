import { Hono, type Context } from 'hono';
import QRCode from 'qrcode';
import { PASSWORD_PROBLEM_LABELS, passwordProblems } from '@/domain/auth';
import { WRITE_ROUTES } from '@/domain/routes';
import { issueDeviceCookie, trustedDevice } from '../auth/device-cookie';
import { passwordFunctions } from '../auth/hasher';
import {
  clientAddress,
  endSessionCookie,
  requirementsOf,
  rotateSession,
  sessionBody,
  startSession,
} from '../auth/session';
import { checkTotp, generateTotpSecret, otpauthUri } from '../auth/totp';
import { passwordAllowed, type AppEnv, type Deps } from '../context';
import { ApiError, unauthorized } from '../errors';
import { parseBody } from '../middleware';
import { StaleVersionError, type NewAuditEntry, type SessionRecord, type Store, type UserRecord } from '../store/port';

/** The one answer to every failed password check: it does not say whether the account exists or is locked. */
const BAD_CREDENTIALS =
  'メールアドレスまたはパスワードが違うか、失敗が続いたため一時的にサインインできません。しばらく待つか、以前サインインした端末から再試行してください / Wrong email address or password, or sign-in is paused after repeated failures; wait a while or use a device you have signed in from before';
const TOTP_INVALID = '確認コードが違います / The code is not right';
const TOTP_REPLAYED =
  'この確認コードは使用済みです。次のコードが表示されてから入力してください / This code has been used already; enter the next one your app shows';
export const totpMessage = (reason: 'invalid' | 'replayed') => (reason === 'replayed' ? TOTP_REPLAYED : TOTP_INVALID);
const CURRENT_PASSWORD_WRONG = '現在のパスワードが違います / The current password is wrong';

const localPasswordsOff = () =>
  new ApiError(
    403,
    'local_passwords_off',
    'このアカウントは組織アカウントでサインインします。パスワードは使用できません / This account signs in with the organisation account; it has no tracker password',
  );

/** Wrong current passwords or codes from a signed-in session: this many in the window end the session. */
export const REAUTH_LIMIT = 5;
const REAUTH_WINDOW_MS = 15 * 60_000;

export function passwordError(password: string, identity: { email: string; name: string }): ApiError | null {
  const problems = passwordProblems(password, identity);
  if (!problems.length) return null;
  const issues = problems.map((p) => ({
    path: 'newPassword',
    message: `${PASSWORD_PROBLEM_LABELS[p].ja} / ${PASSWORD_PROBLEM_LABELS[p].en}`,
  }));
  return new ApiError(422, 'weak_password', issues.map((i) => i.message).join('; '), issues);
}

export function sessionRoutes(deps: Deps) {
  const { store, clock, config, throttle } = deps;
  const { hashPassword, verifyAgainstDummy, verifyPassword } = passwordFunctions(deps.hasher);
  const app = new Hono<AppEnv>();
  const entry = (
    c: { get: (k: 'requestId') => string },
    actor: string,
    action: string,
    user: UserRecord | null,
    after?: unknown,
  ) => accountAudit(clock, c, actor, action, user, after);

  const reauthThrottle = store.throttle('reauth', { limit: REAUTH_LIMIT, windowMs: REAUTH_WINDOW_MS });

  /**
   * Proof, from a signed-in session, that its user is present: the current password and, where asked,
   * the current TOTP code (not one used before). Returns the accepted TOTP step. Failures are audited;
   * the REAUTH_LIMIT-th within the window ends the session, so a stolen session cannot guess on.
   */
  const reauthenticate = async (
    c: Context<AppEnv>,
    session: SessionRecord,
    user: UserRecord,
    input: { password?: string; code?: string; needCode?: boolean },
  ): Promise<number | null> => {
    const missing = [
      ...(input.password
        ? []
        : [{ path: 'currentPassword', message: '現在のパスワードを入力してください / Enter your current password' }]),
      ...(input.needCode && !input.code
        ? [{ path: 'code', message: '現在の確認コードを入力してください / Enter the current code from your app' }]
        : []),
    ];
    if (missing.length)
      throw new ApiError(422, 'reauthentication_required', missing.map((m) => m.message).join('; '), missing);
    const nowMs = Date.parse(clock.now());
    if ((await reauthThrottle.begin(user.id, nowMs)) > 0) throw await endAfterFailures(c, session, user);
    const passwordOk = await verifyPassword(user.passwordHash, input.password!);
    const code =
      input.needCode && user.totpSecret
        ? checkTotp(user.totpSecret, input.code!, nowMs / 1000, user.totpLastStep)
        : null;
    const codeOk = code === null || code.ok;
    if (passwordOk && codeOk) {
      await reauthThrottle.forgive(user.id, nowMs);
      return code?.ok ? code.step : null;
    }
    await store.commit(
      [],
      [entry(c, user.email, 'session.reauth_failed', user, { reason: passwordOk ? 'bad_totp' : 'bad_password' })],
    );
    if ((await reauthThrottle.retryAfter(user.id, nowMs)) > 0) throw await endAfterFailures(c, session, user);
    const issues = [
      ...(passwordOk ? [] : [{ path: 'currentPassword', message: CURRENT_PASSWORD_WRONG }]),
      ...(code && !code.ok ? [{ path: 'code', message: totpMessage(code.reason) }] : []),
    ];
    throw new ApiError(
      422,
      passwordOk ? 'totp_invalid' : 'bad_current_password',
      issues.map((i) => i.message).join('; '),
      issues,
    );
  };

  const endAfterFailures = async (c: Context<AppEnv>, session: SessionRecord, user: UserRecord) => {
    await store.deleteSession(session.id);
    endSessionCookie(c, deps);
    await store.commit([], [entry(c, 'system', 'session.ended_after_failures', user, { limit: REAUTH_LIMIT })]);
    return new ApiError(
      429,
      'reauthentication_failed',
      '確認の失敗が続いたため、サインアウトしました。もう一度サインインしてください / Too many wrong answers: you have been signed out; sign in again',
    );
  };

  app.post('/session', async (c) => {
    const address = clientAddress(c, config);
    const now = clock.now();
    const nowMs = Date.parse(now);
    const tooMany = (wait: number) => {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return new ApiError(
        429,
        'too_many_attempts',
        'サインインの失敗が続いたため、しばらく待ってから再試行してください / Too many failed sign-ins; wait a minute and try again',
      );
    };
    const early = await throttle.retryAfter(address, nowMs);
    if (early > 0) throw tooMany(early); // cheap refusal before reading the body
    const body = await parseBody(c, WRITE_ROUTES.signIn.body);
    // Counted as a failure from here on (forgiven below if it is not one), in the same synchronous step
    // as the check: concurrent guesses from one address cannot all slip past the limit together.
    const wait = await throttle.begin(address, nowMs);
    if (wait > 0) throw tooMany(wait);
    const attempt = await admitSignIn(c, body, address);
    const { user, scope } = attempt;
    let totpStep: number | null = null;
    if (user.totpEnabled && user.totpSecret) {
      if (!body.totp) {
        await throttle.forgive(address, nowMs); // the password was right: a prompt for the code, not a failure
        await attempt.failed(null);
        throw new ApiError(
          401,
          'totp_required',
          '確認コード（6桁）を入力してください / Enter the 6-digit code from your authenticator app',
        );
      }
      const check = checkTotp(user.totpSecret, body.totp, nowMs / 1000, user.totpLastStep);
      if (!check.ok) {
        await attempt.failed(check.reason === 'replayed' ? 'totp_replayed' : 'bad_totp');
        throw new ApiError(401, `totp_${check.reason}`, totpMessage(check.reason));
      }
      totpStep = check.step;
    }
    await throttle.forgive(address, nowMs);
    await store.clearSignInFailures(scope);
    let signedIn = user;
    await commitToUser(store, user, (current) => {
      // Two sign-ins racing with the same code: only the first to commit may use it.
      if (totpStep !== null && current?.totpLastStep != null && totpStep <= current.totpLastStep) {
        throw new ApiError(401, 'totp_replayed', TOTP_REPLAYED);
      }
      signedIn = current ?? user;
      if (totpStep !== null) signedIn = { ...signedIn, totpLastStep: totpStep, version: signedIn.version + 1 };
      return {
        next: totpStep !== null ? signedIn : null,
        audits: [entry(c, user.email, 'session.signin', user, { address, trustedDevice: scope.deviceId !== null })],
      };
    });
    const session = await startSession(c, deps, signedIn);
    await issueDeviceCookie(c, deps, signedIn.id);
    return c.json(sessionBody(session, signedIn, config));
  });

  /**
   * The password check of a sign-in, one answer for every way it can fail (docs/security.md): an unknown
   * email, a disabled or locked account and a wrong password all get the same 401 after one argon2
   * verification (a dummy hash where there is no real one to check). The attempt is counted against the
   * account, or the trusted device it comes from, before the check; a success clears it. Returns the
   * user and a `failed` that audits a failure after the password (a wrong code), with the lock it set.
   */
  const admitSignIn = async (c: Context<AppEnv>, body: { email: string; password: string }, address: string) => {
    const user = await store.getUserByEmail(body.email);
    const scope = { userId: user?.id ?? '', deviceId: user ? await trustedDevice(c, deps, user.id) : null };
    // LOCAL_PASSWORDS=off: a password is no way in for this account; the same answer as a wrong one.
    const allowed = user ? passwordAllowed(user, config) : true;
    const gate =
      user && !user.disabled && allowed
        ? await store.countSignInAttempt(scope, clock.now(), {
            limit: config.lockAfterFailures,
            lockMs: config.lockMinutes * 60_000,
          })
        : null;
    const failed = async (reason: string | null) => {
      const audits = reason ? [entry(c, body.email, 'session.failed', user, { reason, address })] : [];
      if (gate?.lockedNow) {
        const lock = { until: gate.lockedUntil, scope: scope.deviceId ? 'device' : 'account', address };
        audits.push(entry(c, 'system', 'user.locked', user, lock));
      }
      if (audits.length) await store.commit([], audits);
    };
    const refuse = async (reason: string) => {
      await failed(reason);
      return new ApiError(401, 'bad_credentials', BAD_CREDENTIALS);
    };
    if (!user || !gate?.allowed) {
      await verifyAgainstDummy(body.password);
      throw await refuse(
        !user
          ? 'unknown_email'
          : user.disabled
            ? 'disabled'
            : !allowed
              ? 'local_password_off'
              : scope.deviceId
                ? 'device_locked'
                : 'locked',
      );
    }
    if (!(await verifyPassword(user.passwordHash, body.password))) throw await refuse('bad_password');
    return { user, scope, failed };
  };

  app.get('/session', async (c) => {
    const session = c.get('session');
    const user = c.get('user');
    if (!session || !user) throw unauthorized();
    return c.json(sessionBody(session, user, config, await requirementsOf(deps, session, user)));
  });

  app.delete('/session', async (c) => {
    const session = c.get('session');
    const user = c.get('user');
    // A session that began at the provider also ends there, where it advertises an end-session endpoint.
    const oidc = session ? await store.getOidcSession(session.id) : null;
    const endSessionUrl = oidc && deps.oidc ? await deps.oidc.endSessionUrl(oidc.idToken) : null;
    if (session) await store.deleteSession(session.id);
    endSessionCookie(c, deps);
    if (user)
      await store.commit([], [entry(c, user.email, 'session.signout', user, oidc ? { method: 'oidc' } : undefined)]);
    return c.json({ ok: true as const, endSessionUrl });
  });

  app.post('/session/password', async (c) => {
    const session = c.get('session')!;
    const user = c.get('user')!;
    const body = await parseBody(c, WRITE_ROUTES.changePassword.body);
    if (!passwordAllowed(user, config)) throw localPasswordsOff();
    await reauthenticate(c, session, user, { password: body.currentPassword });
    const weak = passwordError(body.newPassword, user);
    if (weak) throw weak;
    if (body.newPassword === body.currentPassword) {
      throw new ApiError(
        422,
        'same_password',
        '新しいパスワードは現在と別にしてください / Choose a password different from the current one',
        [{ path: 'newPassword', message: '現在と同じです / Same as the current password' }],
      );
    }
    const next: UserRecord = {
      ...user,
      passwordHash: await hashPassword(body.newPassword),
      mustChangePassword: false,
      version: user.version + 1,
    };
    await store.commit(
      [{ kind: 'user', expectVersion: user.version, next }],
      [entry(c, user.email, 'user.password_changed', user)],
    );
    // A new id for this session, and every other session of this user ends: a stolen session (or a copy
    // of this one's cookie) does not survive a password change.
    const rotated = await rotateSession(c, deps, session, next);
    await store.deleteUserSessions(user.id, rotated.id);
    return c.json(sessionBody(rotated, next, config));
  });

  app.post('/session/totp', async (c) => {
    const session = c.get('session')!;
    const user = c.get('user')!;
    const body = await parseBody(c, WRITE_ROUTES.startTotp.body);
    // Replacing the second factor proves both factors the account has. The enrolment forced right after
    // sign-in is the exception: that session has just shown the password and can do nothing else.
    const forced = (await requirementsOf(deps, session, user)).includes('totp_enrolment');
    const step = forced
      ? null
      : await reauthenticate(c, session, user, {
          password: body.currentPassword,
          code: body.code,
          needCode: user.totpEnabled,
        });
    const secret = generateTotpSecret();
    // The enrolled secret (if any) stays in force until a code from the new one is confirmed.
    const next: UserRecord = {
      ...user,
      totpPendingSecret: secret,
      totpLastStep: step ?? user.totpLastStep,
      version: user.version + 1,
    };
    await store.commit(
      [{ kind: 'user', expectVersion: user.version, next }],
      [entry(c, user.email, 'user.totp_enrolment_started', user)],
    );
    const uri = otpauthUri(secret, user.email);
    return c.json({
      secret,
      uri,
      qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    });
  });

  app.post('/session/totp/confirm', async (c) => {
    const session = c.get('session')!;
    const user = c.get('user')!;
    const { code } = await parseBody(c, WRITE_ROUTES.confirmTotp.body);
    const pending = user.totpPendingSecret;
    if (!pending) throw new ApiError(409, 'no_enrolment', '先に設定を開始してください / Start the set-up first');
    // A new secret: its steps are checked against the enrolled secret's last step only when it is the same.
    const last = pending === user.totpSecret ? user.totpLastStep : null;
    const check = checkTotp(pending, code, Date.parse(clock.now()) / 1000, last);
    if (!check.ok) {
      const message = totpMessage(check.reason);
      throw new ApiError(422, 'totp_invalid', message, [{ path: 'code', message }]);
    }
    const step = check.step;
    const next: UserRecord = {
      ...user,
      totpSecret: pending,
      totpPendingSecret: null,
      totpEnabled: true,
      totpLastStep: Math.max(step, user.totpLastStep ?? step),
      version: user.version + 1,
    };
    await store.commit(
      [{ kind: 'user', expectVersion: user.version, next }],
      [entry(c, user.email, 'user.totp_enabled', user)],
    );
    // The session now stands on two factors: a new id for it, and the user's other sessions end.
    const rotated = await rotateSession(c, deps, session, next);
    await store.deleteUserSessions(user.id, rotated.id);
    return c.json(sessionBody(rotated, next, config));
  });

  return app;
}

/** An audit entry about an account (sign-ins, failures, locks, second factors). */
export function accountAudit(
  clock: Deps['clock'],
  c: { get: (k: 'requestId') => string },
  actor: string,
  action: string,
  user: UserRecord | null,
  after?: unknown,
): NewAuditEntry {
  return {
    at: clock.now(),
    actor,
    action,
    entity: 'user',
    entityId: user?.id ?? '-',
    before: undefined,
    after,
    requestId: c.get('requestId'),
  };
}

/**
 * Commits a change computed from the user's freshest record, with its audit entries, retrying when a
 * concurrent sign-in attempt moved the record on first. Without this, parallel wrong guesses all read
 * the same failure count: all but one ended in a 412, neither counted towards the lock nor audited.
 */
export async function commitToUser(
  store: Store,
  user: UserRecord | null,
  change: (current: UserRecord | null) => { next: UserRecord | null; audits: NewAuditEntry[] },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = user ? await store.getUser(user.id) : null;
    const { next, audits } = change(current);
    try {
      await store.commit(next && current ? [{ kind: 'user', expectVersion: current.version, next }] : [], audits);
      return;
    } catch (error) {
      if (!(error instanceof StaleVersionError) || attempt >= 20) throw error;
    }
  }
}
