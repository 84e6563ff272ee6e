import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api-client';
import { useI18n } from '../lib/i18n';

/** Pending → skeleton; error → inline message with retry; data → children. */
export function QueryState<T>({
  query,
  children,
  skeletonRows = 5,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  skeletonRows?: number;
}) {
  const { t } = useI18n();
  if (query.isPending) {
    return (
      <div className="skeleton" aria-busy="true" aria-live="polite">
        <span className="visually-hidden">{t('loading')}</span>
        {Array.from({ length: skeletonRows }, (_, i) => (
          <div key={i} className="skeleton__row" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    const message = query.error instanceof ApiError ? query.error.message : String(query.error);
    return (
      <div className="error-box" role="alert">
        <p>
          <strong>{t('loadFailed')}</strong>: {message}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          {t('retry')}
        </button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
