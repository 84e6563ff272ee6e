import { Link } from '@tanstack/react-router';
import { memo, useState } from 'react';
import type { TimelineRowView, TimelineView } from '@/domain/contract';
import { HEALTH_LABELS } from '@/domain/plan';
import { HEALTH_ORDER, HEALTH_STYLES } from '@/client/components/chart-styles';
import { useI18n } from '@/client/lib/i18n';
import { useTimelineGroupRows } from '../api/get-timeline';
import { ROWS_PER_PAGE } from '../search';
import { pct, type Scale } from './scale';
import { TimelineGrid, type NumberedMilestone } from './timeline-axis';
import './timeline-group.css';

/** Memoised: a group that re-renders (more rows, names arriving) leaves the rows it had alone. */
const Row = memo(function Row({ row, scale, asOf }: { row: TimelineRowView; scale: Scale; asOf: string | undefined }) {
  const { t, l } = useI18n();
  const bar = scale.bar(row.start, row.end);
  const style = HEALTH_STYLES[row.health];
  const classes = ['tl-bar', `swatch--health-${row.health}`, row.openEnded && 'tl-bar--open'];
  if (bar.clippedStart) classes.push('tl-bar--clipped-start');
  if (bar.clippedEnd) classes.push('tl-bar--clipped-end');
  return (
    <li className="tl-row">
      <div className="tl-row__label">
        <Link to="/measures/$measureId" params={{ measureId: row.id }} search={{ asOf }} title={l(row.title)}>
          <span className="code">{row.code}</span> <span className="tl-row__title">{l(row.title)}</span>
        </Link>
        <span className="visually-hidden">
          {`${t('start')} ${row.start}, ${t('due')} ${row.end}${row.openEnded ? ` (${t('openEnded')})` : ''}, ${l(HEALTH_LABELS[row.health])}, ${t('progress')} ${row.progress}%`}
        </span>
      </div>
      <div className="tl-row__track" aria-hidden="true">
        <span className={classes.filter(Boolean).join(' ')} style={{ left: pct(bar.left), width: pct(bar.width) }}>
          <span className="tl-bar__progress" style={{ width: `${row.progress}%` }} />
          <span className="tl-bar__symbol">{style.symbol}</span>
        </span>
      </div>
    </li>
  );
});

/**
 * One area's or ministry's measures; a long group shows `firstRows`, then ROWS_PER_PAGE more at a
 * time. The timeline sends a page of rows per group; further rows are fetched for the group when
 * "show more" goes past them (the rows already there stay on screen meanwhile).
 */
export const TimelineGroup = memo(function TimelineGroup({
  title,
  group,
  data,
  scale,
  milestones,
  asOf,
  firstRows,
}: {
  title: string;
  group: TimelineView['groups'][number];
  data: TimelineView;
  scale: Scale;
  milestones: NumberedMilestone[];
  asOf: string | undefined;
  firstRows: number;
}) {
  const { t, l, lang } = useI18n();
  const [shown, setShown] = useState(firstRows);
  const id = `tl-group-${group.key.replace(/[^a-z0-9]/gi, '_')}`;
  const params = { asOf: data.asOf, groupBy: data.groupBy, fy: data.fiscalYear ?? undefined };
  const more = useTimelineGroupRows(
    params,
    group.key,
    shown,
    shown > group.rows.length && group.rows.length < group.total,
  );
  const loaded = more.data && more.data.length > group.rows.length ? more.data : group.rows;
  const rows = loaded.slice(0, shown);
  const rest = group.total - rows.length;
  return (
    <section className="tl-group" aria-labelledby={id}>
      <h2 id={id} className="tl-group__title">
        {title}{' '}
        <span className="tl-group__counts">
          {lang === 'ja' ? `${group.total}件` : `${group.total} measures`}
          {HEALTH_ORDER.filter((h) => group.byHealth[h] > 0).map((h) => (
            <span key={h} className="tl-group__count">
              <span className={`swatch ${HEALTH_STYLES[h].swatch}`} aria-hidden="true" /> {l(HEALTH_LABELS[h])}{' '}
              {group.byHealth[h]}
            </span>
          ))}
        </span>
      </h2>
      <div className="tl-group__body">
        <div className="tl-group__grid">
          <TimelineGrid data={data} scale={scale} milestones={milestones} />
        </div>
        <ol className="tl-rows" aria-busy={more.isFetching}>
          {rows.map((row) => (
            <Row key={row.id} row={row} scale={scale} asOf={asOf} />
          ))}
        </ol>
      </div>
      {rest > 0 && (
        <button
          type="button"
          className="button-secondary tl-more"
          disabled={more.isFetching}
          onClick={() => setShown((n) => n + ROWS_PER_PAGE)}
        >
          {t('showMore')}（{t('remaining')} {rest}）
        </button>
      )}
    </section>
  );
});
