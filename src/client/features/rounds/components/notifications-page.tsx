import { Link } from '@tanstack/react-router';
import { can } from '@/domain/auth';
import {
  NOTIFICATION_KINDS,
  notificationText,
  type NotificationKind,
  type NotificationSettings,
} from '@/domain/rounds';
import { FormError } from '@/client/components/form-field';
import { QueryState } from '@/client/components/query-state';
import { useSession } from '@/client/features/auth/api/get-session';
import { useI18n } from '@/client/lib/i18n';
import { NOTIFICATION_KIND_LABELS } from '@/client/lib/messages-rounds';
import { useMarkRead, useNotifications, useOutbox, useUpdateNotificationSettings } from '../api/notifications';
import './rounds.css';

/** /notifications: my notifications (unread in bold), my mail settings; the outbox for administrators. */
export function NotificationsPage() {
  const { t, lang } = useI18n();
  const list = useNotifications();
  const read = useMarkRead();
  const role = useSession().data?.user.role;
  return (
    <div className="rounds-page">
      <h1>{t('navNotifications')}</h1>
      <QueryState query={list}>
        {({ items, unread, settings }) => (
          <>
            <p>
              {t('unreadCount')}: <strong data-testid="unread">{unread}</strong>{' '}
              {unread > 0 && (
                <button type="button" className="button" onClick={() => read.mutate('all')}>
                  {t('markAllRead')}
                </button>
              )}
            </p>
            {items.length === 0 ? (
              <p>{t('noNotifications')}</p>
            ) : (
              <ul className="notification-list">
                {items.map((n) => (
                  <li key={n.id} className={n.readAt ? '' : 'unread'}>
                    <span className="hint">
                      {n.createdAt.slice(0, 16).replace('T', ' ')} · {NOTIFICATION_KIND_LABELS[n.kind][lang]}
                    </span>
                    <br />
                    <Link to="/rounds/$roundId" params={{ roundId: n.roundId }}>
                      {notificationText(n, lang)}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <MailSettings settings={settings} />
          </>
        )}
      </QueryState>
      {role && can(role, 'user.manage') && <Outbox />}
    </div>
  );
}

function MailSettings({ settings }: { settings: NotificationSettings }) {
  const { t, lang } = useI18n();
  const update = useUpdateNotificationSettings();
  const toggle = (kind: NotificationKind, on: boolean) =>
    update.mutate({
      ...settings,
      mailOff: on ? settings.mailOff.filter((k) => k !== kind) : [...settings.mailOff, kind],
    });
  return (
    <section>
      <h2>{t('mailSettings')}</h2>
      <label className="mail-language">
        {t('mailLanguage')}{' '}
        <select
          value={settings.language}
          onChange={(e) => update.mutate({ ...settings, language: e.target.value === 'en' ? 'en' : 'ja' })}
        >
          <option value="ja">日本語</option>
          <option value="en">English</option>
        </select>
      </label>
      <fieldset className="mail-kinds">
        <legend>{t('mailKinds')}</legend>
        {NOTIFICATION_KINDS.map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              checked={!settings.mailOff.includes(k)}
              onChange={(e) => toggle(k, e.target.checked)}
            />{' '}
            {NOTIFICATION_KIND_LABELS[k][lang]}
          </label>
        ))}
      </fieldset>
      <FormError error={update.error} />
    </section>
  );
}

function Outbox() {
  const { t } = useI18n();
  const outbox = useOutbox();
  return (
    <section>
      <h2>{t('outbox')}</h2>
      <QueryState query={outbox}>
        {({ items }) => (
          <table className="data-table">
            <tbody>
              {items.map((j) => (
                <tr key={j.id}>
                  <td>{j.createdAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>{j.to}</td>
                  <td>{j.subject}</td>
                  <td>
                    {j.state} ({j.attempts}){j.lastError ? ` — ${j.lastError}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}
