import { getRouteApi, Link } from '@tanstack/react-router';
import { QueryState } from '../../../components/query-state';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useMeasure } from '../api/get-measure';
import { MeasureAssignments } from './measure-assignments';
import { MeasureHeader } from './measure-header';
import { MeasureHistory } from './measure-history';
import { MeasureSource } from './measure-source';

const route = getRouteApi('/measures/$measureId');

export function MeasurePage() {
  const { t } = useI18n();
  const { measureId } = route.useParams();
  const { asOf } = route.useSearch();
  const query = useMeasure(measureId, asOf);
  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <section>
        <h1>{t('notFoundMeasure')}</h1>
        <Link to="/measures">{t('backToList')}</Link>
      </section>
    );
  }
  return (
    <QueryState query={query} skeletonRows={8}>
      {(m) => (
        <article aria-labelledby="measure-title" className="measure">
          <MeasureHeader measure={m} />
          <MeasureSource measure={m} />
          <MeasureAssignments measure={m} />
          <MeasureHistory measure={m} />
        </article>
      )}
    </QueryState>
  );
}
