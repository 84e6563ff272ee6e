import { getRouteApi } from '@tanstack/react-router';
import { useI18n } from '@/client/lib/i18n';

const route = getRouteApi('/measures');

export function Pagination({ page, total, pageSize }: { page: number; total: number; pageSize: number }) {
  const { t } = useI18n();
  const navigate = route.useNavigate();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const go = (p: number) => void navigate({ search: (prev) => ({ ...prev, page: p === 1 ? undefined : p }) });
  return (
    <nav className="pagination" aria-label={t('pageOf')}>
      <button type="button" disabled={page <= 1} onClick={() => go(page - 1)}>
        {t('previous')}
      </button>
      <span>
        {t('pageOf')} {page} / {pages}
      </span>
      <button type="button" disabled={page >= pages} onClick={() => go(page + 1)}>
        {t('next')}
      </button>
    </nav>
  );
}
