import { useState } from 'react';
import type { ImportReport } from '../../../../domain/contract-annual';
import { fiscalYearOf } from '../../../../domain/fiscal-year';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { orgName } from '../../../lib/labels';
import { useSession } from '../../auth/api/get-session';
import { useMeta } from '../../strategy/api/get-meta';
import { useMinistries } from '../../strategy/api/get-ministries';
import { useImportFile } from '../api/import-file';
import { ImportRows } from './import-rows';
import { TemplateDownload } from './template-download';

/** /import: download the template, upload it filled in, check the dry run, then commit. */
export function ImportPage() {
  const { t, lang } = useI18n();
  const session = useSession().data;
  const ministries = useMinistries().data?.items.filter((o) => o.assignable) ?? [];
  const today = useMeta().data?.today;
  const liaison = session?.user.role === 'liaison';
  const [ministry, setMinistry] = useState<string>('');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const mutation = useImportFile();
  const own = liaison ? (session?.user.ministryId ?? undefined) : ministry || undefined;
  const run = (dryRun: boolean) => {
    if (!file) return;
    mutation.mutate({ file, dryRun, ministry: liaison ? undefined : own }, { onSuccess: setReport });
  };
  const canCommit = report?.summary.dryRun && report.summary.withErrors === 0 && report.summary.changed > 0;
  const error =
    mutation.error instanceof ApiError ? mutation.error.message : mutation.error ? String(mutation.error) : null;
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">{t('importTitle')}</h1>
      {!liaison && (
        <div className="field">
          <label htmlFor="i-ministry">{t('ministry')}</label>
          <select id="i-ministry" value={ministry} onChange={(e) => setMinistry(e.target.value)}>
            <option value="">{t('allMinistries')}</option>
            {ministries.map((o) => (
              <option key={o.id} value={o.id}>
                {orgName(o, lang)}
              </option>
            ))}
          </select>
        </div>
      )}
      <TemplateDownload ministry={own} fy={today ? fiscalYearOf(today) : 2015} />
      <form className="card" onSubmit={(e) => (e.preventDefault(), run(true))}>
        <div className="field">
          <label htmlFor="i-file">{t('chooseFile')}</label>
          <input
            id="i-file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => (setFile(e.target.files?.[0] ?? null), setReport(null))}
            aria-describedby={error ? 'i-error' : undefined}
          />
        </div>
        <div className="report-downloads">
          <button type="submit" disabled={!file || mutation.isPending}>
            {mutation.isPending ? t('importing') : t('dryRun')}
          </button>
          <button type="button" disabled={!canCommit || mutation.isPending} onClick={() => run(false)}>
            {t('commitImport')}
          </button>
        </div>
        {error && (
          <p id="i-error" className="error-box" role="alert">
            {error}
          </p>
        )}
      </form>
      {report && (
        <section aria-live="polite" className="card">
          {report.summary.committed && (
            <p role="status">
              <strong>{report.summary.mode === 'submission' ? t('importSubmitted') : t('importCommitted')}</strong>
            </p>
          )}
          {!report.summary.dryRun && report.summary.withErrors > 0 && <p role="alert">{t('importHasErrors')}</p>}
          <ImportRows report={report} />
        </section>
      )}
    </section>
  );
}
