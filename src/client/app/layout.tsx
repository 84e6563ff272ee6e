import { Link, Outlet } from '@tanstack/react-router';
import { LanguageToggle } from '../components/language-toggle';
import { SampleDataBanner } from '../components/sample-data-banner';
import { useI18n } from '../lib/i18n';

export function Layout() {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/measures" className="site-title">
            {t('appTitle')}
          </Link>
          <nav aria-label={t('appShort')} className="site-nav">
            <Link to="/measures" activeProps={{ 'aria-current': 'page' }}>
              {t('navMeasures')}
            </Link>
          </nav>
          <LanguageToggle />
        </div>
      </header>
      <SampleDataBanner />
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
