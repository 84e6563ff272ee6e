import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { TimelineRowView, TimelineView } from '../../../../domain/contract-dashboard';
import { HEALTH_LABELS } from '../../../../domain/status';
import { HEALTH_ORDER, HEALTH_STYLES } from '../../../components/chart-styles';
import { useI18n } from '../../../lib/i18n';
import { ROWS_PER_PAGE } from '../search';
import { pct, type Scale } from './scale';
import { TimelineGrid, type NumberedMilestone } from './timeline-axis';

function Row({ row, scale, asOf }: { row: TimelineRowView; scale: Scale; asOf: string | undefined }) {
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
}

/** One area's or ministry's measures; a long group shows `firstRows`, then ROWS_PER_PAGE more at a time. */
export function TimelineGroup({
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
  const rest = group.total - Math.min(shown, group.rows.length);
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
        <ol className="tl-rows">
          {group.rows.slice(0, shown).map((row) => (
            <Row key={row.id} row={row} scale={scale} asOf={asOf} />
          ))}
        </ol>
      </div>
      {rest > 0 && (
        <button type="button" className="button-secondary tl-more" onClick={() => setShown((n) => n + ROWS_PER_PAGE)}>
          {t('showMore')}（{t('remaining')} {rest}）
        </button>
      )}
    </section>
  );
}
