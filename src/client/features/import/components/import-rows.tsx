import type { ImportReport } from '../../../../domain/contract-annual';
import { useI18n } from '../../../lib/i18n';

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s || '—');

/** The dry run's table: each row's proposed changes, or its problems. */
export function ImportRows({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const s = report.summary;
  const summary = t('importSummary')
    .replace('{rows}', String(s.rows))
    .replace('{changed}', String(s.changed))
    .replace('{unchanged}', String(s.unchanged))
    .replace('{errors}', String(s.withErrors));
  const shown = report.rows.filter((r) => r.changes.length || r.errors.length);
  return (
    <div>
      <p role="status">{summary}</p>
      {shown.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('row')}</th>
                <th scope="col">{t('code')}</th>
                <th scope="col">{t('ministry')}</th>
                <th scope="col">{t('changes')}</th>
                <th scope="col">{t('problems')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.row} className={r.errors.length ? 'row-error' : undefined}>
                  <td>{r.row}</td>
                  <td>{r.measureId ?? '—'}</td>
                  <td>{r.ministryId ?? '—'}</td>
                  <td>
                    {r.changes.length === 0
                      ? t('noChanges')
                      : r.changes.map((c) => (
                          <div key={c.field}>
                            <strong>{c.field}</strong>: {clip(c.from)} → {clip(c.to)}
                          </div>
                        ))}
                  </td>
                  <td>
                    {r.errors.map((e, i) => (
                      <div key={i} className="error-text">
                        {e.message}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
