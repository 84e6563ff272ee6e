import { lazy, useId, useState } from 'react';
import type { Counts } from '@/domain/dashboard';
import { ChartFigure, ChartLegend } from '@/client/components/chart-figure';
import { HEALTH_ORDER, HEALTH_STYLES, STATUS_ORDER, STATUS_STYLES } from '@/client/components/chart-styles';
import { useI18n } from '@/client/lib/i18n';
import './group-breakdown.css';

const GroupBarChart = lazy(() => import('./group-bar-chart'));

type Row = { key: string; label: string; counts: Counts };

function useNarrow() {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(max-width: 640px)').matches
    : false;
}

/** Policy areas or sections, stacked by health or by status, with the same numbers as a table. */
export function GroupBreakdown({ id, title, rows }: { id: string; title: string; rows: readonly Row[] }) {
  const { t, l } = useI18n();
  const [by, setBy] = useState<'health' | 'status'>('health');
  const name = useId();
  const compact = useNarrow();
  const series =
    by === 'health' ? HEALTH_ORDER.map((h) => HEALTH_STYLES[h]) : STATUS_ORDER.map((s) => STATUS_STYLES[s]);
  const values = (c: Counts): Record<string, number> => (by === 'health' ? c.byHealth : c.byStatus);
  const controls = (
    <fieldset className="segmented">
      <legend>{t('stackBy')}</legend>
      {(['health', 'status'] as const).map((v) => (
        <label key={v}>
          <input type="radio" name={name} value={v} checked={by === v} onChange={() => setBy(v)} />
          {t(v === 'health' ? 'stackHealth' : 'stackStatus')}
        </label>
      ))}
    </fieldset>
  );
  const table = (
    <table>
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{title}</th>
          {series.map((s) => (
            <th key={s.key} scope="col">
              <span aria-hidden="true">{s.symbol} </span>
              {l(s.label)}
            </th>
          ))}
          <th scope="col">{t('total')}</th>
          <th scope="col">{t('progress')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {series.map((s) => (
              <td key={s.key}>{values(r.counts)[s.key] ?? 0}</td>
            ))}
            <td>{r.counts.total}</td>
            <td>{r.counts.progress}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure
      id={id}
      title={title}
      caption={t('byGroupCaption')}
      controls={controls}
      legend={<ChartLegend items={series} />}
      table={table}
      height={rows.length * 34 + 48}
    >
      <GroupBarChart
        title={title}
        rows={rows.map((r) => ({ key: r.key, label: r.label, values: values(r.counts) }))}
        series={series}
        compact={compact}
      />
    </ChartFigure>
  );
}
