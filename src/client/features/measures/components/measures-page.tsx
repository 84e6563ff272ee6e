import { getRouteApi } from '@tanstack/react-router';
import { QueryState } from '@/client/components/query-state';
import { useI18n } from '@/client/lib/i18n';
import { useMeasures } from '../api/get-measures';
import { PAGE_SIZE } from '../search';
import { MeasureExport } from './measure-export';
import { MeasureFilters } from './measure-filters';
import { MeasuresTable } from './measures-table';
import { SectionLeadIns } from './lead-ins';
import { Pagination } from './pagination';
import { SearchSummary } from './search-summary';
import './measures-page.css';

const route = getRouteApi('/measures');

export function MeasuresPage() {
  const { t } = useI18n();
  const { page = 1, ...filters } = route.useSearch();
  const query = useMeasures({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <section aria-labelledby="measures-title">
      <h1 id="measures-title">{t('measuresTitle')}</h1>
      <MeasureFilters />
      <MeasureExport />
      <SectionLeadIns area={filters.area} section={filters.section} />
      <QueryState query={query}>
        {(data) => (
          <div aria-busy={query.isFetching}>
            <p className="result-count" role="status">
              <strong>{data.total}</strong> {t('resultCount')}
              <span className="as-of-note">
                （{t('asOf')}: {data.asOf}）
              </span>
            </p>
            {data.search && filters.q && <SearchSummary q={filters.q} info={data.search} total={data.total} />}
            {data.items.length === 0 ? (
              !data.search && <p className="empty">{t('noMatches')}</p>
            ) : (
              <MeasuresTable items={data.items} asOf={filters.asOf} />
            )}
            <Pagination page={page} total={data.total} pageSize={PAGE_SIZE} />
          </div>
        )}
      </QueryState>
    </section>
  );
}
