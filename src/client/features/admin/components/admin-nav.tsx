import { Link } from '@tanstack/react-router';
import { useI18n } from '@/client/lib/i18n';
import './admin-nav.css';

/** The admin pages' own tabs. */
export function AdminNav() {
  const { t } = useI18n();
  const current = { 'aria-current': 'page' } as const;
  return (
    <nav aria-label={t('adminNav')} className="tabs admin-tabs">
      <Link to="/admin/users" activeProps={current}>
        {t('adminUsers')}
      </Link>
      <Link to="/admin/audit" search={{}} activeOptions={{ includeSearch: false }} activeProps={current}>
        {t('adminAudit')}
      </Link>
      <Link to="/admin/milestones" activeProps={current}>
        {t('adminMilestones')}
      </Link>
    </nav>
  );
}
