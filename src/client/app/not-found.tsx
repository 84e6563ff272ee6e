import { Link } from '@tanstack/react-router';
import { useI18n } from '../lib/i18n';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound')}</h1>
      <p>
        <Link to="/measures">{t('backToList')}</Link>
      </p>
    </section>
  );
}
