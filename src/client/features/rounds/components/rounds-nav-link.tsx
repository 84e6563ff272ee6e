import { Link } from '@tanstack/react-router';
import type { Session } from '@/domain/contract';
import { useI18n } from '@/client/lib/i18n';
import { useNotifications } from '../api/notifications';
import './rounds-nav-link.css';

const ACTIVE = { 'aria-current': 'page' } as const;

/** 照会 and 通知 in the navigation; the latter with my unread count. */
export function RoundsNavLinks({ session }: { session: Session }) {
  const { t } = useI18n();
  const unread = useNotifications({ enabled: !!session }).data?.unread ?? 0;
  return (
    <>
      <Link to="/rounds" activeProps={ACTIVE}>
        {t('navRounds')}
      </Link>
      {/* A bell, as in every header: the menu stays on one line at 1366 px in both languages. */}
      <Link to="/notifications" activeProps={ACTIVE} className="nav-icon-link" title={t('navNotifications')}>
        <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6v-5a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"
          />
        </svg>
        <span className="visually-hidden">{t('navNotifications')}</span>
        {unread > 0 && (
          <span className="nav-badge" data-testid="unread-badge">
            <span className="visually-hidden">（{t('unreadCount')}</span>
            {unread}
            <span className="visually-hidden">）</span>
          </span>
        )}
      </Link>
    </>
  );
}
