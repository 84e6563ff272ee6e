import { getRouteApi } from '@tanstack/react-router';
import { fiscalYearEnd, fiscalYearLabel } from '@/domain/plan';
import { DataDateNotice } from '@/client/components/data-date-notice';
import { REPORT_CSS, renderReportHtml } from '@/domain/report';
import { QueryState } from '@/client/components/query-state';
import { clampFiscalYear, fiscalYearChoices } from '@/client/lib/fiscal-years';
import { useI18n } from '@/client/lib/i18n';
import { useDefaultDates } from '@/client/features/strategy/api/get-meta';
import { annualReportUrl, useAnnualReport } from '../api/get-annual-report';
import { PlanYearPanel } from './start-year';
import './report-print.css';

const route = getRouteApi('/reports/annual');

/**
 * The annual report on screen: the same HTML the server prints to PDF (src/domain/report-html.ts),
 * escaped there, so it is inserted as markup. Prints on A4 with the browser's print dialog.
 */
export function AnnualReportPage() {
  const { t, lang } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const defaults = useDefaultDates();
  // Without a year in the URL: the year of today, or of the data's last update once the plan is over.
  const fy = search.fy ?? (defaults ? clampFiscalYear(defaults.fy) : 2015);
  const params = { fy, asOf: search.asOf };
  const query = useAnnualReport(params);
  return (
    <section aria-labelledby="report-title">
      <h1 id="report-title">{t('reportTitle')}</h1>
      <form className="report-controls" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="r-fy">{t('fiscalYear')}</label>
          <select
            id="r-fy"
            value={fy}
            onChange={(e) => void navigate({ search: { fy: Number(e.target.value), asOf: undefined } })}
          >
            {fiscalYearChoices(fy).map((y) => (
              <option key={y} value={y}>
                {fiscalYearLabel(y, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="r-asof">{t('asOf')}</label>
          <input
            id="r-asof"
            type="date"
            min={`${fy}-04-01`}
            max={fiscalYearEnd(fy)}
            // The date the report shows: the one asked for, else the one the server chose (never blank).
            value={search.asOf ?? query.data?.asOf ?? ''}
            onChange={(e) => void navigate({ search: (prev) => ({ ...prev, asOf: e.target.value || undefined }) })}
          />
        </div>
        <div className="report-downloads" role="group" aria-label={t('downloads')}>
          <a className="button-link" href={annualReportUrl({ ...params, lang }, 'docx')} download>
            {t('downloadWord')}
          </a>
          <a className="button-link" href={annualReportUrl({ ...params, lang }, 'pdf')} download>
            {t('downloadPdf')}
          </a>
          <a className="button-link" href={annualReportUrl({ ...params, lang }, 'md')} download>
            {t('downloadMarkdown')}
          </a>
          <button type="button" onClick={() => window.print()}>
            {t('print')}
          </button>
        </div>
      </form>
      {search.fy === undefined && <DataDateNotice what="fy" />}
      <PlanYearPanel fy={fy} />
      <QueryState query={query} skeletonRows={10}>
        {(report) => (
          <div className="report-sheet" role="region" aria-label={t('reportSheet')} tabIndex={0}>
            <style>{REPORT_CSS}</style>
            <div dangerouslySetInnerHTML={{ __html: renderReportHtml(report, lang) }} />
          </div>
        )}
      </QueryState>
    </section>
  );
}
