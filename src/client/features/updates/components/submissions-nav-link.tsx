import { Link } from '@tanstack/react-router';
import { can } from '@/domain/auth';
import type { Session } from '@/domain/contract';
import { useI18n } from '@/client/lib/i18n';
import { useSubmissions } from '../api/get-submissions';
import { useResultSubmissions } from '../api/result-submissions';
import './submissions-nav-link.css';

/** The queue in the navigation, with the number waiting for review (a liaison: their ministry's). */
export function SubmissionsNavLink({ session }: { session: Session }) {
  const { t } = useI18n();
  const allowed = can(session.user.role, 'submission.read');
  const pending = useSubmissions({ state: 'pending' }, { enabled: allowed });
  // Results for the year wait in the same queue (decision record 020).
  const pendingResults = useResultSubmissions({ state: 'pending' }, { enabled: allowed });
  if (!allowed) return null;
  const count = (pending.data?.items.length ?? 0) + (pendingResults.data?.items.length ?? 0);
  return (
    <Link to="/submissions" activeOptions={{ includeSearch: false }} activeProps={{ 'aria-current': 'page' }}>
      {t('navSubmissions')}
      {count > 0 && (
        <span className="nav-badge">
          <span className="visually-hidden">（{t('pendingCount')}</span>
          {count}
          <span className="visually-hidden">）</span>
        </span>
      )}
    </Link>
  );
}
