import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api-client';
import { useI18n } from '../lib/i18n';
import { serverText } from '../lib/server-text';

/** Grey rows where content is on its way, announced as loading. */
export function Skeleton({ rows }: { rows: number }) {
  const { t } = useI18n();
  return (
    <div className="skeleton" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{t('loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton__row" />
      ))}
    </div>
  );
}

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
  const { t, lang } = useI18n();
  if (query.isPending) return <Skeleton rows={skeletonRows} />;
  if (query.isError) {
    const message = query.error instanceof ApiError ? serverText(query.error.message, lang) : String(query.error);
    return (
      <div className="error-box" role="alert">
        <p>
          <strong>{t('loadFailed')}</strong>: {message}
        </p>
        {query.error instanceof ApiError && query.error.issues.length > 0 && (
          <ul>
            {query.error.issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>{serverText(issue.message, lang)}</li>
            ))}
          </ul>
        )}
        <button type="button" onClick={() => void query.refetch()}>
          {t('retry')}
        </button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
