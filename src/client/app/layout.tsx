import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { LanguageToggle } from '../components/language-toggle';
import { SampleDataBanner } from '../components/sample-data-banner';
import { can } from '@/domain/auth';
import { useSession } from '../features/auth/api/get-session';
import { UserMenu } from '../features/auth/components/user-menu';
import { SubmissionsNavLink } from '../features/updates/components/submissions-nav-link';
import { RoundsNavLinks } from '../features/rounds/components/rounds-nav-link';
import { useI18n } from '../lib/i18n';
import './layout.css';

const ACTIVE = { 'aria-current': 'page' } as const;
const keepAsOf = (prev: { asOf?: string }) => ({ asOf: prev.asOf });

export function Layout() {
  const { t } = useI18n();
  const session = useSession().data;
  // Signed out, or held on a required step (password change, TOTP): no way into the pages yet.
  const ready = session && session.requires.length === 0 ? session : null;
  useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" search={keepAsOf} className="site-title">
            {t('appTitle')}
          </Link>
          {ready && (
            <nav aria-label={t('appShort')} className="site-nav">
              {/* Every link keeps the reporting date: moving between views does not reset it. */}
              <Link to="/" search={keepAsOf} activeOptions={{ exact: true, includeSearch: false }} activeProps={ACTIVE}>
                {t('navOverview')}
              </Link>
              <Link to="/measures" search={keepAsOf} activeOptions={{ includeSearch: false }} activeProps={ACTIVE}>
                {t('navMeasures')}
              </Link>
              <Link to="/timeline" search={keepAsOf} activeOptions={{ includeSearch: false }} activeProps={ACTIVE}>
                {t('navTimeline')}
              </Link>
              <Link to="/ministries" search={keepAsOf} activeOptions={{ includeSearch: false }} activeProps={ACTIVE}>
                {t('navMinistries')}
              </Link>
              <Link to="/reports/annual" activeProps={ACTIVE}>
                {t('navAnnualReport')}
              </Link>
              {can(ready.user.role, 'progress.report') && (
                <Link to="/import" activeProps={ACTIVE}>
                  {t('navImport')}
                </Link>
              )}
              <SubmissionsNavLink session={ready} />
              <RoundsNavLinks session={ready} />
              {can(ready.user.role, 'user.manage') && (
                <Link to="/admin/users" activeProps={ACTIVE}>
                  {t('navAdmin')}
                </Link>
              )}
            </nav>
          )}
          <LanguageToggle />
          {session && <UserMenu session={session} />}
        </div>
      </header>
      {ready && <SampleDataBanner />}
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/**
 * A new page takes focus to its main content, as a full page load would start reading it: without
 * this, focus stays where the old page's link or form was (now gone) and the next Tab lands
 * somewhere in the middle of the new page. Changes of the query string alone (filters, the
 * reporting date) are the same page and leave focus where it is.
 */
function useFocusOnNavigation() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
}
