import { useState } from 'react';
import { lazyForm } from '@/client/components/lazy-form';
import { USER_ROLE_LABELS } from '@/domain/auth';
import type { AdminUser, PublicUser } from '@/domain/contract';
import { useSignInMethods } from '@/client/features/auth/api/sign-in-methods';
import { QueryState } from '@/client/components/query-state';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { useUsers } from '../api/get-users';
import { AdminNav } from './admin-nav';
import { RequirePermission } from './admin-only';
import { isLocked } from './password-tools';

// Loaded when first opened (see lazy-form.tsx).
const CreateUserDialog = lazyForm(() => import('./create-user-dialog').then((m) => m.CreateUserDialog));
const EditUserDialog = lazyForm(() => import('./edit-user-dialog').then((m) => m.EditUserDialog));

/** Accounts: who may sign in, with which role and ministry; create, change, disable, unlock, reset. */
export function UsersPage() {
  return (
    <RequirePermission permission="user.manage">
      <Users />
    </RequirePermission>
  );
}

function Users() {
  const { t, l, lang } = useI18n();
  const query = useUsers();
  const ministries = useMinistries();
  const orgs = new Map((ministries.data?.items ?? []).map((o) => [o.id, o]));
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const oidc = useSignInMethods().data?.oidc ?? false;
  const [notice, setNotice] = useState<{ text: string; password?: string } | null>(null);
  return (
    <section aria-labelledby="users-title">
      <AdminNav />
      <div className="page-head">
        <h1 id="users-title">{t('usersTitle')}</h1>
        <button type="button" onClick={() => setCreating(true)}>
          {t('addUser')}
        </button>
      </div>
      <div aria-live="polite">
        {notice && (
          <div className="notice notice--success">
            <p>{notice.text}</p>
            {notice.password && (
              <p>
                {t('temporaryPassword')}: <code className="secret">{notice.password}</code>
                <span className="sub">{t('temporaryPasswordNote')}</span>
              </p>
            )}
          </div>
        )}
      </div>
      <QueryState query={query} skeletonRows={6}>
        {({ items }) => (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('usersTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('userName')}</th>
                  <th scope="col">{t('email')}</th>
                  <th scope="col">{t('userRole')}</th>
                  <th scope="col">{t('ministry')}</th>
                  <th scope="col">{t('signInMethod')}</th>
                  <th scope="col">{t('totpShort')}</th>
                  <th scope="col">{t('accountState')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.name}</th>
                    <td>{u.email}</td>
                    <td>{l(USER_ROLE_LABELS[u.role])}</td>
                    <td>{u.ministryId ? orgName(orgs.get(u.ministryId), lang) : '—'}</td>
                    <td>
                      <SignInMethod user={u} oidc={oidc} />
                    </td>
                    <td>{u.totpEnabled ? t('totpOn') : t('totpOff')}</td>
                    <td>
                      <AccountState user={u} />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button-small"
                        aria-label={`${t('edit')}: ${u.name}`}
                        onClick={() => setEditing(u)}
                      >
                        {t('edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      {creating && (
        <CreateUserDialog
          onClose={() => setCreating(false)}
          onCreated={(user, password) => {
            setCreating(false);
            setNotice({ text: t('userCreated').replace('{name}', user.name), password });
          }}
        />
      )}
      {editing && (
        <EditUserDialog
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={(user, password) => {
            setEditing(null);
            setNotice({ text: t('userSaved').replace('{name}', user.name), password });
          }}
        />
      )}
    </section>
  );
}

/** How the user signs in: the organisation account (linked, or linking at first sign-in) and/or a password. */
function SignInMethod({ user, oidc }: { user: AdminUser; oidc: boolean }) {
  const { t } = useI18n();
  const link = user.signIn.oidc;
  const methods = [
    link && (
      <span key="o" className="chip" title={`sub: ${link.subject}`}>
        {t('methodOidcLinked')}
      </span>
    ),
    !link && oidc && (
      <span key="p" className="chip">
        {t('methodOidcPending')}
      </span>
    ),
    user.signIn.password && (
      <span key="w" className="chip">
        {t('methodPassword')}
      </span>
    ),
  ].filter(Boolean);
  return methods.length ? <>{methods}</> : <span className="chip chip--danger">{t('methodNone')}</span>;
}

function AccountState({ user: u }: { user: PublicUser }) {
  const { t } = useI18n();
  const states = [
    u.disabled && (
      <span key="d" className="chip chip--danger">
        {t('stateDisabled')}
      </span>
    ),
    isLocked(u.lockedUntil) && (
      <span key="l" className="chip chip--danger">
        {t('stateLocked')}
      </span>
    ),
    u.mustChangePassword && (
      <span key="p" className="chip">
        {t('stateMustChange')}
      </span>
    ),
  ].filter(Boolean);
  return states.length ? <>{states}</> : <span className="chip">{t('stateActive')}</span>;
}
