import { getRouteApi } from '@tanstack/react-router';
import { AsOfControl } from '@/client/components/as-of-control';
import { QueryState } from '@/client/components/query-state';
import { useI18n } from '@/client/lib/i18n';
import { useStats } from '../api/get-stats';
import { MinistryScorecard } from './ministry-scorecard';

const route = getRouteApi('/ministries');

/** Every ministry's scorecard, each linking to its own page; the same numbers as the overview's. */
export function MinistriesPage() {
  const { t } = useI18n();
  const { asOf } = route.useSearch();
  const query = useStats(asOf);
  return (
    <div>
      <div className="page-head">
        <h1>{t('ministriesTitle')}</h1>
        <AsOfControl />
      </div>
      <QueryState query={query}>{(stats) => <MinistryScorecard stats={stats} asOf={asOf} />}</QueryState>
    </div>
  );
}
