import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { WRITE_ROUTES } from '@/domain/routes';
import type { UserPatchBodySchema } from '@/domain/contract';
import type { PlanIndex } from '@/domain/plan';
import { newUserRecord, toPublicUser } from '../auth/users';
import { passwordAllowed, type AppEnv, type Deps } from '../context';
import { ApiError, conflict, notFound, staleVersion } from '../errors';
import { ifMatchVersion, parseBody } from '../middleware';
import type { UserRecord } from '../store/port';
import { passwordError } from './session';
import { commitOrStale } from './updates';

type UserPatchBody = z.infer<typeof UserPatchBodySchema>;
const OIDC_NOT_CONFIGURED =
  '組織アカウントでのサインインは設定されていません / Sign-in with the organisation account is not configured';

/** Administrators manage accounts; every change is audited and never leaves the tracker without an admin. */
export function userRoutes(deps: Deps & { plan: () => Promise<PlanIndex> }) {
  const { store, clock, plan } = deps;
  const app = new Hono<AppEnv>();

  const checkMinistry = async (role: UserRecord['role'], ministryId: string | null | undefined) => {
    if (role !== 'liaison') return null;
    const org = (await plan()).snapshot.organisations.find((o) => o.id === ministryId && o.assignable);
    if (!org) {
      throw new ApiError(
        422,
        'validation_failed',
        '府省庁担当者には所属府省庁が必要です / A liaison needs a ministry',
        [{ path: 'ministryId', message: '存在する府省庁を指定してください / Choose an existing ministry' }],
      );
    }
    return org.id;
  };

  // How each account signs in: its password (where the policy allows it) and its provider link.
  app.get('/users', async (c) => {
    const links = new Map((await store.listOidcLinks()).map((l) => [l.userId, l]));
    const items = (await store.listUsers()).map((u) => {
      const link = links.get(u.id);
      const oidc = link ? { subject: link.subject, linkedAt: link.linkedAt } : null;
      return { ...toPublicUser(u), signIn: { password: passwordAllowed(u, deps.config), oidc } };
    });
    return c.json({ items });
  });

  app.post('/users', async (c) => {
    const body = await parseBody(c, WRITE_ROUTES.createUser.body);
    const ministryId = await checkMinistry(body.role, body.ministryId);
    const weak = passwordError(body.password, body);
    if (weak) throw weak;
    if (await store.getUserByEmail(body.email))
      throw conflict('email_taken', 'このメールアドレスは登録済みです / This email address is already registered');
    const user = await newUserRecord({ ...body, ministryId, mustChangePassword: true, now: clock.now() }, deps.hasher);
    await commitOrStale(deps, [{ kind: 'user', expectVersion: null, next: user }], {
      c,
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      before: undefined,
      after: toPublicUser(user),
      current: () => Promise.resolve(null),
    });
    return c.json(toPublicUser(user), 201);
  });

  /**
   * An administrator unlinks an account from its provider subject (the person changed, or the link was
   * wrong), or pre-provisions one by subject; unlinking ends the user's sessions. The link is not part of
   * the versioned record: it is checked before the record's commit and written after it.
   */
  const changeOidcLink = async (c: Context<AppEnv>, user: UserRecord, body: UserPatchBody) => {
    const actor = c.get('user')!.email;
    const issuer = await deps.oidc?.issuer();
    const entry = (action: string, after: unknown) => ({
      at: clock.now(),
      actor,
      action,
      entity: 'user',
      entityId: user.id,
      before: undefined,
      after,
      requestId: c.get('requestId'),
    });
    if (body.unlinkOidc) {
      const link = await store.getOidcLink(user.id);
      if (link && (await store.unlinkOidc(user.id, [entry('user.oidc_unlinked', { subject: link.subject })])))
        await store.deleteUserSessions(user.id);
    }
    const current = await store.getOidcLink(user.id);
    if (body.linkOidcSubject && issuer && current?.subject !== body.linkOidcSubject) {
      const link = { userId: user.id, issuer, subject: body.linkOidcSubject, linkedAt: clock.now() };
      await store.linkOidc(link, [entry('user.oidc_linked', { issuer, subject: link.subject, by: 'administrator' })]);
    }
  };

  /** The link change is refused before anything is written: a subject taken, or no provider configured. */
  const checkOidcLink = async (user: UserRecord, body: UserPatchBody) => {
    if (!body.linkOidcSubject) return;
    if (!deps.oidc) throw conflict('oidc_not_configured', OIDC_NOT_CONFIGURED);
    const taken = await store.getOidcLinkBySubject(await deps.oidc.issuer(), body.linkOidcSubject);
    const own = body.unlinkOidc ? null : await store.getOidcLink(user.id);
    const otherUser = taken !== null && taken.userId !== user.id;
    const otherSubject = own !== null && own.subject !== body.linkOidcSubject;
    if (otherUser || otherSubject)
      throw conflict(
        'oidc_linked',
        'この組織アカウントまたは利用者は既に連携済みです。先に連携を解除してください / This organisation account or user is linked already; unlink it first',
      );
  };

  app.patch('/users/:id', async (c) => {
    const expected = ifMatchVersion(c);
    const body = await parseBody(c, WRITE_ROUTES.updateUser.body);
    const user = await store.getUser(c.req.param('id'));
    if (!user) throw notFound('利用者 / User');
    if (user.version !== expected) throw staleVersion(toPublicUser(user));
    await checkOidcLink(user, body);
    const role = body.role ?? user.role;
    const ministryId = await checkMinistry(role, body.ministryId === undefined ? user.ministryId : body.ministryId);
    if (body.resetPassword) {
      const weak = passwordError(body.resetPassword, user);
      if (weak) throw weak;
    }
    // An administrator's own second factor changes only on their own settings page, which asks for the
    // password and a current code: a stolen administrator session cannot switch TOTP off this way.
    if (body.resetTotp && user.id === c.get('user')!.id) {
      throw conflict(
        'own_totp',
        '自分の二要素認証は「二要素認証の設定」から再設定してください / Reset your own two-factor authentication from its settings page',
      );
    }
    const next: UserRecord = {
      ...user,
      name: body.name ?? user.name,
      role,
      ministryId,
      disabled: body.disabled ?? user.disabled,
      failedLogins: body.unlock ? 0 : user.failedLogins,
      lockedUntil: body.unlock ? null : user.lockedUntil,
      passwordHash: body.resetPassword ? await deps.hasher.hash(body.resetPassword) : user.passwordHash,
      mustChangePassword: body.resetPassword ? true : user.mustChangePassword,
      ...(body.resetTotp ? { totpEnabled: false, totpSecret: null, totpPendingSecret: null, totpLastStep: null } : {}),
      version: user.version + 1,
    };
    const admins = (await store.listUsers()).filter((u) => u.role === 'nisc_admin' && !u.disabled);
    if (user.role === 'nisc_admin' && (next.role !== 'nisc_admin' || next.disabled) && admins.length <= 1) {
      throw conflict(
        'last_admin',
        '最後の管理者は変更できません / The last administrator cannot be demoted or disabled',
      );
    }
    await commitOrStale(deps, [{ kind: 'user', expectVersion: expected, next }], {
      c,
      action: body.role && body.role !== user.role ? 'user.role_changed' : 'user.update',
      entity: 'user',
      entityId: user.id,
      before: toPublicUser(user),
      after: { ...toPublicUser(next), passwordReset: Boolean(body.resetPassword), totpReset: Boolean(body.resetTotp) },
      current: async () => toPublicUser((await store.getUser(user.id))!),
    });
    // A disabled account or a reset password or TOTP ends the user's sessions; so does a change of role.
    const endSessions =
      next.disabled ||
      body.resetPassword ||
      body.resetTotp ||
      next.role !== user.role ||
      next.ministryId !== user.ministryId;
    if (endSessions) {
      await store.deleteUserSessions(user.id);
    }
    // The count and lock are the store's own (not written by commit): unlocking clears them there.
    if (body.unlock) await store.clearSignInFailures({ userId: user.id, deviceId: null });
    await changeOidcLink(c, user, body);
    c.header('ETag', `"${next.version}"`);
    return c.json(toPublicUser(next));
  });

  return app;
}
