import { useState } from 'react';
import type { RoundImportReport } from '@/domain/rounds';
import { FormError } from '@/client/components/form-field';
import { useI18n } from '@/client/lib/i18n';
import { serverText } from '@/client/lib/server-text';
import { templateHref, useImportRound } from '../api/rounds';

/** Download the round's template, fill it in Excel, check it (dry run), then import it: all or nothing. */
export function RoundUpload({ roundId, ministryId }: { roundId: string; ministryId: string }) {
  const { t, lang } = useI18n();
  const upload = useImportRound();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<RoundImportReport | null>(null);
  const run = (dryRun: boolean) => file && upload.mutate({ roundId, file, dryRun }, { onSuccess: (r) => setReport(r) });
  const problems = report?.rows.filter((r) => r.errors.length) ?? [];
  return (
    <section className="round-actions" aria-label={t('templateUpload')}>
      <a className="button" href={templateHref(roundId, ministryId)} download>
        {t('templateDownload')}
      </a>
      <label>
        {t('templateUpload')}
        <input
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
          }}
        />
      </label>
      <button type="button" className="button" disabled={!file || upload.isPending} onClick={() => run(true)}>
        {t('roundDryRun')}
      </button>
      <button
        type="button"
        className="button button--primary"
        disabled={!file || upload.isPending || !report || report.summary.withErrors > 0 || report.summary.committed}
        onClick={() => run(false)}
      >
        {t('importNow')}
      </button>
      {report && (
        <div role="status">
          <p>
            {report.summary.committed
              ? `${report.summary.answers}${t('importDone')}`
              : `${report.summary.answers}${t('importChecked')}${report.summary.withErrors}`}
          </p>
          {problems.length > 0 && (
            <ul>
              {problems.map((r) => (
                <li key={r.row}>
                  {r.row}: {r.errors.map((e) => serverText(e.message, lang)).join(' / ')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <FormError error={upload.error} />
    </section>
  );
}
