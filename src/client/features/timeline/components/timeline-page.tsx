import { getRouteApi } from '@tanstack/react-router';
import { useDeferredValue, useMemo } from 'react';
import type { TimelineView } from '@/domain/contract';
import { AsOfControl } from '@/client/components/as-of-control';
import { QueryState } from '@/client/components/query-state';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { useStrategy } from '@/client/features/strategy/api/get-strategy';
import { useTimeline } from '../api/get-timeline';
import { firstRowsPerGroup } from '../search';
import { makeScale } from './scale';
import { TimelineAxis } from './timeline-axis';
import { TimelineControls } from './timeline-controls';
import { TimelineGroup } from './timeline-group';
import { TimelineLegend } from './timeline-legend';
import './timeline-page.css';

const route = getRouteApi('/timeline');

function Timeline({ data, asOf }: { data: TimelineView; asOf: string | undefined }) {
  const { t, l, lang } = useI18n();
  const strategy = useStrategy();
  const ministries = useMinistries();
  // Stable while the data is, so the memoised groups and rows skip re-rendering (names arriving…).
  const scale = useMemo(() => makeScale(data.range), [data.range]);
  const milestones = useMemo(
    () =>
      data.milestones
        .filter((m) => m.start > data.range.start)
        .sort((a, b) => a.start.localeCompare(b.start))
        .map((m, i) => ({ ...m, n: i + 1 })),
    [data.milestones, data.range.start],
  );
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

/**
 * Hundreds of rows are drawn at a deferred priority, which React renders in slices between which
 * the browser can respond (issue 6: no long task), keeping the skeleton until they are ready.
 */
function DeferredTimeline({ data, asOf, busy }: { data: TimelineView; asOf: string | undefined; busy: boolean }) {
  const { t } = useI18n();
  const shown = useDeferredValue<TimelineView | null>(data, null);
  if (!shown)
    return (
      <div className="skeleton" aria-busy="true" aria-live="polite">
        <span className="visually-hidden">{t('loading')}</span>
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="skeleton__row" />
        ))}
      </div>
    );
  return (
    <div aria-busy={busy || shown !== data}>
      <Timeline data={shown} asOf={asOf} />
    </div>
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
        {(data) => <DeferredTimeline data={data} asOf={asOf} busy={query.isFetching} />}
      </QueryState>
    </div>
  );
}
