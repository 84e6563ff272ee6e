import type { TimelineView } from '@/domain/contract';
import { fiscalYearShortLabel } from '@/domain/plan';
import { useI18n } from '@/client/lib/i18n';
import { pct, type Scale } from './scale';
import './timeline-axis.css';

export type NumberedMilestone = TimelineView['milestones'][number] & { n: number };

/** The axis above the rows: fiscal years, their quarters (Q1 = Apr–Jun), milestone numbers, the as-of date. */
export function TimelineAxis({
  data,
  scale,
  milestones,
}: {
  data: TimelineView;
  scale: Scale;
  milestones: NumberedMilestone[];
}) {
  const { t, lang } = useI18n();
  const years = [...new Set(data.quarters.map((q) => q.fiscalYear))];
  const zoomed = years.length === 1;
  return (
    <div className="tl-axis" aria-hidden="true">
      <div className="tl-axis__label" />
      <div className="tl-axis__track">
        <div className="tl-axis__years">
          {years.map((fy) => {
            const qs = data.quarters.filter((q) => q.fiscalYear === fy);
            const span = scale.bar(qs[0]!.start, qs[qs.length - 1]!.end);
            return (
              <span key={fy} className="tl-axis__year" style={{ left: pct(span.left), width: pct(span.width) }}>
                {fiscalYearShortLabel(fy, lang)}
              </span>
            );
          })}
        </div>
        <div className="tl-axis__quarters">
          {data.quarters.map((q) => (
            <span
              key={`${q.fiscalYear}-${q.quarter}`}
              className="tl-axis__quarter"
              style={{ left: pct(scale.at(q.start)), width: pct(scale.bar(q.start, q.end).width) }}
            >
              {zoomed ? (lang === 'ja' ? `第${q.quarter}四半期` : `Q${q.quarter}`) : `Q${q.quarter}`}
            </span>
          ))}
        </div>
        <div className="tl-axis__marks">
          {milestones.map((m) => (
            <span
              key={m.id}
              className={`tl-axis__milestone${scale.at(m.start) > 0.98 ? ' tl-axis__milestone--end' : ''}`}
              style={{ left: pct(scale.at(m.start)) }}
              title={m.title[lang]}
            >
              {m.n}
            </span>
          ))}
        </div>
        {data.asOf >= data.range.start && data.asOf <= data.range.end && (
          <div className="tl-axis__asof-row">
            <AsOfMark at={scale.at(data.asOf)} label={t('asOfLine')} />
          </div>
        )}
      </div>
    </div>
  );
}

/** The as-of label sits beside its line, on whichever side has room. */
function AsOfMark({ at, label }: { at: number; label: string }) {
  const right = at > 0.85;
  return (
    <span className={`tl-axis__asof${right ? ' tl-axis__asof--left' : ''}`} style={{ left: pct(at) }}>
      {right ? `${label} ▶` : `◀ ${label}`}
    </span>
  );
}

/** Lines behind a group's rows: quarter and year boundaries, alternate year shading, milestones, as-of. */
export function TimelineGrid({
  data,
  scale,
  milestones,
}: {
  data: TimelineView;
  scale: Scale;
  milestones: NumberedMilestone[];
}) {
  const x = (date: string) => scale.at(date) * 1000;
  const years = [...new Set(data.quarters.map((q) => q.fiscalYear))];
  return (
    <svg className="tl-grid" viewBox="0 0 1000 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {years.map((fy, i) => {
        const qs = data.quarters.filter((q) => q.fiscalYear === fy);
        const x1 = x(qs[0]!.start);
        const b = scale.bar(qs[0]!.start, qs[qs.length - 1]!.end);
        return i % 2 === 0 ? (
          <rect key={fy} className="tl-grid__band" x={x1} y={0} width={b.width * 1000} height={100} />
        ) : null;
      })}
      {data.quarters.map((q) => (
        <line
          key={q.start}
          className={q.quarter === 1 ? 'tl-grid__year' : 'tl-grid__quarter'}
          x1={x(q.start)}
          x2={x(q.start)}
          y1={0}
          y2={100}
          vectorEffect="non-scaling-stroke"
        />
      ))}
      {milestones.map((m) => (
        <line
          key={m.id}
          className="tl-grid__milestone"
          x1={x(m.start)}
          x2={x(m.start)}
          y1={0}
          y2={100}
          vectorEffect="non-scaling-stroke"
        />
      ))}
      {data.asOf >= data.range.start && data.asOf <= data.range.end && (
        <line
          className="tl-grid__asof"
          x1={x(data.asOf)}
          x2={x(data.asOf)}
          y1={0}
          y2={100}
          vectorEffect="non-scaling-stroke"
        />
      )}
    </svg>
  );
}
