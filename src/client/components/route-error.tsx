import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useI18n } from '../lib/i18n';

/** A route's error boundary: the page failed to render; the header and navigation still work. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <section className="error-box" role="alert" aria-labelledby="route-error-title">
      <h1 id="route-error-title">{t('pageFailed')}</h1>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      <button
        type="button"
        onClick={() => {
          reset();
          void router.invalidate();
        }}
      >
        {t('retry')}
      </button>
    </section>
  );
}
