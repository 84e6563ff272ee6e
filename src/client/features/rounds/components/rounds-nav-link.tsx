import { Link } from '@tanstack/react-router';
import type { Session } from '@/domain/contract';
import { useI18n } from '@/client/lib/i18n';
import { useNotifications } from '../api/notifications';

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
      <Link to="/notifications" activeProps={ACTIVE}>
        {t('navNotifications')}
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
