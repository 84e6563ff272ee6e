import { Suspense, useState, type ReactNode } from 'react';
import { useAfterFirstPaint } from '../lib/after-first-paint';
import { useI18n } from '../lib/i18n';
import { ChartWidthContext, PRINT_CHART_WIDTH, usePrinting } from './chart-print';
import type { SeriesStyle } from './chart-styles';
import { ErrorBoundary } from './error-boundary';
import './chart-figure.css';

type Props = {
  id: string;
  title: string;
  caption?: ReactNode;
  /** Controls beside the table toggle, e.g. what to stack by. */
  controls?: ReactNode;
  legend?: ReactNode;
  /** A real table with the same numbers as the chart. */
  table: ReactNode;
  /** The chart itself, usually a lazily loaded recharts component. */
  children: ReactNode;
  height: number;
};

/**
 * Every chart: a <figure> with a caption, a keyboard-reachable toggle to a data table, and its own
 * error boundary and Suspense, so a chart that fails or is still loading leaves the page usable.
 */
export function ChartFigure({ id, title, caption, controls, legend, table, children, height }: Props) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const printing = usePrinting();
  // The chart's code loads after the page's first paint, not in competition with it.
  const painted = useAfterFirstPaint();
  const loading = (
    <div className="chart-figure__loading" aria-busy="true">
      {t('loading')}
    </div>
  );
  return (
    <figure className="chart-figure card" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
        {caption && <p className="sub">{caption}</p>}
      </figcaption>
      <div className="chart-figure__toolbar">
        {controls}
        <button
          type="button"
          className="button-secondary chart-figure__toggle"
          aria-pressed={asTable}
          aria-controls={`${id}-body`}
          onClick={() => setAsTable((v) => !v)}
        >
          {t('showTable')}
        </button>
      </div>
      <div id={`${id}-body`}>
        {asTable ? (
          <div className="table-wrap">{table}</div>
        ) : (
          <>
            {legend}
            <div className="chart-figure__chart" style={{ height }}>
              <ErrorBoundary
                fallback={(reset) => (
                  <div className="error-box" role="alert">
                    <p>{t('chartFailed')}</p>
                    <button type="button" onClick={reset}>
                      {t('retry')}
                    </button>
                  </div>
                )}
              >
                <Suspense fallback={loading}>
                  {painted ? (
                    <ChartWidthContext.Provider value={printing ? PRINT_CHART_WIDTH : null}>
                      {children}
                    </ChartWidthContext.Provider>
                  ) : (
                    loading
                  )}
                </Suspense>
              </ErrorBoundary>
            </div>
          </>
        )}
      </div>
    </figure>
  );
}

/** An HTML legend: swatch (colour and pattern), symbol and label for each series. */
export function ChartLegend({
  items,
}: {
  items: readonly (Pick<SeriesStyle, 'key' | 'label' | 'symbol'> & { swatch: string })[];
}) {
  const { t, l } = useI18n();
  return (
    <ul className="chart-legend" aria-label={t('legend')}>
      {items.map((s) => (
        <li key={s.key}>
          <span className={`swatch ${s.swatch}`} aria-hidden="true" />
          <span aria-hidden="true">{s.symbol}</span> {l(s.label)}
        </li>
      ))}
    </ul>
  );
}
