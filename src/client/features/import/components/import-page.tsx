import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import type { ImportReport } from '@/domain/contract';
import { fiscalYearLabel } from '@/domain/plan';
import { DataDateNotice } from '@/client/components/data-date-notice';
import { ApiError } from '@/client/lib/api-client';
import { clampFiscalYear, fiscalYearChoices } from '@/client/lib/fiscal-years';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { serverText } from '@/client/lib/server-text';
import { useSession } from '@/client/features/auth/api/get-session';
import { useDefaultDates } from '@/client/features/strategy/api/get-meta';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { useImportFile } from '../api/import-file';
import { ImportRows } from './import-rows';
import { TemplateDownload } from './template-download';
import './import.css';

/** /import: download the template, upload it filled in, check the dry run, then commit. */
export function ImportPage() {
  const { t, lang } = useI18n();
  const session = useSession().data;
  const ministries = useMinistries().data?.items.filter((o) => o.assignable) ?? [];
  const defaults = useDefaultDates();
  const liaison = session?.user.role === 'liaison';
  const [ministry, setMinistry] = useState<string>('');
  const [chosenFy, setChosenFy] = useState<number | null>(null);
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file input: a committed file is not offered for a second commit.
  const [inputKey, setInputKey] = useState(0);
  const [report, setReport] = useState<ImportReport | null>(null);
  const mutation = useImportFile();
  const fy = chosenFy ?? (defaults ? clampFiscalYear(defaults.fy) : 2015);
  const own = liaison ? (session?.user.ministryId ?? undefined) : ministry || undefined;
  const run = (dryRun: boolean) => {
    if (!file) return;
    mutation.mutate(
      { file, dryRun, ministry: liaison ? undefined : own },
      {
        onSuccess: (r) => {
          setReport(r);
          if (r.summary.committed) {
            setFile(null);
            setInputKey((k) => k + 1);
          }
        },
      },
    );
  };
  const s = report?.summary;
  const canCommit = !!file && !!s?.dryRun && s.withErrors === 0 && s.changed > 0;
  const error =
    mutation.error instanceof ApiError
      ? serverText(mutation.error.message, lang)
      : mutation.error
        ? String(mutation.error)
        : null;
  return (
    <section aria-labelledby="import-title" className="import-page">
      <h1 id="import-title">{t('importTitle')}</h1>
      <div className="import-choices">
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
        <div className="field">
          <label htmlFor="i-fy">{t('templateYear')}</label>
          <select id="i-fy" value={fy} onChange={(e) => setChosenFy(Number(e.target.value))}>
            {fiscalYearChoices(fy).map((y) => (
              <option key={y} value={y}>
                {fiscalYearLabel(y, lang)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {chosenFy === null && <DataDateNotice what="fy" />}
      <TemplateDownload ministry={own} fy={fy} />
      <form className="card" onSubmit={(e) => (e.preventDefault(), run(true))}>
        <div className="field">
          <label htmlFor="i-file">{t('chooseFile')}</label>
          <input
            key={inputKey}
            id="i-file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => (setFile(e.target.files?.[0] ?? null), setReport(null), mutation.reset())}
            aria-describedby={error ? 'i-error' : undefined}
          />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={!file || mutation.isPending}>
            {mutation.isPending ? t('importing') : t('dryRun')}
          </button>
          <button type="button" disabled={!canCommit || mutation.isPending} onClick={() => run(false)}>
            {t('commitImport')}
          </button>
        </div>
        {error && (
          <div id="i-error" className="error-box form-error" role="alert">
            <p>
              <strong>{t('importRefused')}</strong>
            </p>
            <p>{error}</p>
          </div>
        )}
      </form>
      {report && s && (
        <section aria-label={t('importResult')} className="card">
          {s.committed ? (
            <p role="status" className="notice notice--success">
              <strong>{s.mode === 'submission' ? t('importSubmitted') : t('importCommitted')}</strong>
              {s.mode === 'submission' && (
                <>
                  {' '}
                  <Link to="/submissions" search={{}}>
                    {t('importSeeQueue')}
                  </Link>
                </>
              )}
            </p>
          ) : s.withErrors > 0 ? (
            <p role="alert" className="error-box">
              {s.dryRun ? t('importDryRunHasErrors') : t('importHasErrors')}
            </p>
          ) : (
            <p role="status" className="notice">
              {s.changed > 0 ? t('importReady') : t('importNothingToDo')}
            </p>
          )}
          <ImportRows report={report} />
        </section>
      )}
    </section>
  );
}
