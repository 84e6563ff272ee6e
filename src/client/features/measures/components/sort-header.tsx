import { getRouteApi, Link } from '@tanstack/react-router';
import { DEFAULT_ORDER, type MeasureSort, type SortOrder } from '@/domain/contract';
import { useI18n } from '@/client/lib/i18n';

const route = getRouteApi('/measures');

/**
 * A column header that sorts the list (issue 18, item 5): a link, so the sorted view is a URL to
 * share; `aria-sort` says which column sorts and which way. Choosing it again reverses the order;
 * a new sort starts again at page 1. While a keyword search lists by relevance no column sorts
 * (`aria-sort="none"`, the ↕ mark) until the reader picks one; then even the code order is explicit.
 */
export function SortHeader({ sort, label }: { sort: MeasureSort; label: string }) {
  const { t } = useI18n();
  const search = route.useSearch();
  const byRelevance = !!search.q?.trim() && search.sort === undefined;
  const active = !byRelevance && (search.sort ?? 'plan') === sort;
  const current: SortOrder = search.order ?? DEFAULT_ORDER[sort];
  const next: SortOrder = active ? (current === 'asc' ? 'desc' : 'asc') : DEFAULT_ORDER[sort];
  const ariaSort = active ? (current === 'asc' ? 'ascending' : 'descending') : byRelevance ? 'none' : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className="sort-header">
      <Link
        from="/measures"
        to="."
        search={(prev) => ({
          ...prev,
          // During a search, no sort means relevance: the code order must be named.
          sort: sort === 'plan' && next === 'asc' && !prev.q?.trim() ? undefined : sort,
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
