import { getRouteApi } from '@tanstack/react-router';
import type { TimelineView } from '../../../../domain/contract-dashboard';
import { AsOfControl } from '../../../components/as-of-control';
import { QueryState } from '../../../components/query-state';
import { useI18n } from '../../../lib/i18n';
import { orgName } from '../../../lib/labels';
import { useMinistries } from '../../strategy/api/get-ministries';
import { useStrategy } from '../../strategy/api/get-strategy';
import { useTimeline } from '../api/get-timeline';
import { firstRowsPerGroup } from '../search';
import { makeScale } from './scale';
import { TimelineAxis } from './timeline-axis';
import { TimelineControls } from './timeline-controls';
import { TimelineGroup } from './timeline-group';
import { TimelineLegend } from './timeline-legend';

const route = getRouteApi('/timeline');

function Timeline({ data, asOf }: { data: TimelineView; asOf: string | undefined }) {
  const { t, l, lang } = useI18n();
  const strategy = useStrategy();
  const ministries = useMinistries();
  const scale = makeScale(data.range);
  const milestones = data.milestones
    .filter((m) => m.start > data.range.start)
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((m, i) => ({ ...m, n: i + 1 }));
  const title = (key: string) => {
    if (data.groupBy === 'ministry')
      return orgName(
        ministries.data?.items.find((o) => o.id === key),
        lang,
      );
    const area = strategy.data?.areas.find((a) => a.code === key);
    return area ? `${key} ${l(area.title)}` : key;
  };
  return (
    <>
      <TimelineLegend milestones={milestones} />
      {data.groups.length === 0 ? (
        <p className="empty">{t('noTimelineRows')}</p>
      ) : (
        <div className="tl">
          <TimelineAxis data={data} scale={scale} milestones={milestones} />
          {data.groups.map((g) => (
            <TimelineGroup
              key={`${data.groupBy}-${data.fiscalYear}-${g.key}`}
              title={title(g.key)}
              group={g}
              data={data}
              scale={scale}
              milestones={milestones}
              asOf={asOf}
              firstRows={firstRowsPerGroup(data.groups.length)}
            />
          ))}
        </div>
      )}
    </>
  );
}

export function TimelinePage() {
  const { t } = useI18n();
  const { asOf, groupBy, fy } = route.useSearch();
  const query = useTimeline({ asOf, groupBy, fy });
  return (
    <div className="timeline-page">
      <div className="page-head">
        <h1>{t('timelineTitle')}</h1>
        <AsOfControl />
      </div>
      <TimelineControls />
      <QueryState query={query} skeletonRows={8}>
        {(data) => (
          <div aria-busy={query.isFetching}>
            <Timeline data={data} asOf={asOf} />
          </div>
        )}
      </QueryState>
    </div>
  );
}
