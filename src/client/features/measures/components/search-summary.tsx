import { getRouteApi, Link } from '@tanstack/react-router';
import type { SearchInfo } from '@/domain/contract';
import { useI18n } from '@/client/lib/i18n';
import './search-summary.css';

const route = getRouteApi('/measures');

/**
 * What a keyword search understood: a heading for ranked results, or — when nothing matched — which
 * words found nothing and a query (or dropping the other filters) that finds something.
 */
export function SearchSummary({ q, info, total }: { q: string; info: SearchInfo; total: number }) {
  const { t } = useI18n();
  const search = route.useSearch();
  if (total > 0 && search.sort === undefined)
    return <p className="search-summary">{t('searchResultsFor').replace('{q}', q)}</p>;
  if (total > 0)
    return (
      <p className="search-summary">
        {t('searchResultsSorted').replace('{q}', q)}{' '}
        <Link
          to="/measures"
          search={{ ...search, sort: undefined, order: undefined, page: undefined }}
          className="search-summary__try"
        >
          {t('searchByRelevance')}
        </Link>
      </p>
    );
  const s = info.suggestion;
  return (
    <div className="search-summary search-summary--empty">
      <p className="search-summary__none">{t('searchNothingFor').replace('{q}', q)}</p>
      {info.unmatchedTerms.length > 0 && info.unmatchedTerms.length < info.terms.length && (
        <p>{t('searchUnmatched').replace('{terms}', info.unmatchedTerms.map((w) => `「${w}」`).join(' '))}</p>
      )}
      {s && s.withoutFilters && (
        <p>
          {t('searchTryWithoutFilters').replace('{n}', String(s.total))}{' '}
          <Link to="/measures" search={{ q: s.q, asOf: search.asOf }} className="search-summary__try">
            {t('searchClearFilters')}
          </Link>
        </p>
      )}
      {s && !s.withoutFilters && (
        <p>
          <Link to="/measures" search={{ ...search, q: s.q, page: undefined }} className="search-summary__try">
            {t('searchTry').replace('{q}', s.q).replace('{n}', String(s.total))}
          </Link>
        </p>
      )}
      <p className="hint">{t('searchTips')}</p>
    </div>
  );
}
