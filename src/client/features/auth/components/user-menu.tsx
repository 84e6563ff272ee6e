import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { USER_ROLE_LABELS } from '@/domain/auth';
import type { Session } from '@/domain/contract';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { useSignOut } from '../api/sign-out';
import './user-menu.css';

/** Who is signed in, and their account actions: a disclosure button, closed by Escape or a click outside. */
export function UserMenu({ session }: { session: Session }) {
  const { t, l, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const navigate = useNavigate();
  const signOut = useSignOut();
  const ministries = useMinistries();
  const { user } = session;
  const ministry = user.ministryId ? ministries.data?.items.find((m) => m.id === user.ministryId) : undefined;

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const close = () => setOpen(false);
  return (
    <div
      className="user-menu"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          close();
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="visually-hidden">{t('accountMenu')}: </span>
        <span className="user-menu__name" title={user.name}>
          {user.name}
        </span>{' '}
        <span className="user-menu__role">{l(USER_ROLE_LABELS[user.role])}</span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <dl>
          <dt>{t('email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('userRole')}</dt>
          <dd>{l(USER_ROLE_LABELS[user.role])}</dd>
          {user.ministryId && (
            <>
              <dt>{t('ministry')}</dt>
              <dd>{ministry ? orgName(ministry, lang) : user.ministryId}</dd>
            </>
          )}
        </dl>
        <ul>
          <li>
            <Link to="/account/password" onClick={close}>
              {t('changePassword')}
            </Link>
          </li>
          <li>
            <Link to="/account/totp" onClick={close}>
              {t('totpMenu')}
            </Link>
          </li>
        </ul>
        <button
          type="button"
          className="button-secondary"
          disabled={signOut.isPending}
          onClick={() =>
            signOut.mutate(undefined, {
              onSettled: (result) => {
                // RP-initiated logout: the provider ends its own session, then sends the browser back to /login.
                if (result?.endSessionUrl) window.location.assign(result.endSessionUrl);
                else void navigate({ to: '/login', search: {}, replace: true });
              },
            })
          }
        >
          {t('signOut')}
        </button>
      </div>
    </div>
  );
}
