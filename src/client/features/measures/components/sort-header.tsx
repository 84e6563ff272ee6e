import { getRouteApi, Link } from '@tanstack/react-router';
import { DEFAULT_ORDER, type MeasureSort, type SortOrder } from '@/domain/contract';
import { useI18n } from '@/client/lib/i18n';

const route = getRouteApi('/measures');

/**
 * A column header that sorts the list (issue 18, item 5): a link, so the sorted view is a URL to
 * share; `aria-sort` says which column sorts and which way. Choosing it again reverses the order;
 * a new sort starts again at page 1.
 */
export function SortHeader({ sort, label }: { sort: MeasureSort; label: string }) {
  const { t } = useI18n();
  const search = route.useSearch();
  const active = (search.sort ?? 'plan') === sort;
  const current: SortOrder = search.order ?? DEFAULT_ORDER[sort];
  const next: SortOrder = active ? (current === 'asc' ? 'desc' : 'asc') : DEFAULT_ORDER[sort];
  const ariaSort = active ? (current === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className="sort-header">
      <Link
        from="/measures"
        to="."
        search={(prev) => ({
          ...prev,
          sort: sort === 'plan' && next === 'asc' ? undefined : sort,
          order: next === DEFAULT_ORDER[sort] ? undefined : next,
          page: undefined,
        })}
        className="sort-header__link"
        aria-label={`${label}: ${t(next === 'asc' ? 'sortAscending' : 'sortDescending')}`}
      >
        {label}
        <span aria-hidden="true" className="sort-header__mark">
          {active ? (current === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </Link>
    </th>
  );
}
