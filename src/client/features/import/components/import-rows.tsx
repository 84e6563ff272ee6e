import { TEMPLATE_COLUMNS } from '@/domain/annual';
import type { ImportChange, ImportReport } from '@/domain/contract';
import type { Lang } from '@/domain/plan';
import { STATUS_LABELS, STATUSES } from '@/domain/plan';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { serverText } from '@/client/lib/server-text';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s || '—');

/** The column's name as the template heads it, in the reader's language (the API names the key). */
function fieldLabel(field: string, lang: Lang): string {
  return TEMPLATE_COLUMNS.find((c) => c.key === field)?.label[lang] ?? field;
}

/** The API reports statuses by their Japanese label (as the template writes them). */
function valueText(change: ImportChange, value: string, lang: Lang): string {
  if (change.field !== 'status') return clip(value);
  const status = STATUSES.find((s) => STATUS_LABELS[s].ja === value);
  return status ? STATUS_LABELS[status][lang] : clip(value);
}

/** The dry run's table: each row's proposed changes, or its problems. */
export function ImportRows({ report }: { report: ImportReport }) {
  const { t, lang } = useI18n();
  const orgs = new Map((useMinistries().data?.items ?? []).map((o) => [o.id, o]));
  const s = report.summary;
  const summary = t('importSummary')
    .replace('{rows}', String(s.rows))
    .replace('{changed}', String(s.changed))
    .replace('{unchanged}', String(s.unchanged))
    .replace('{errors}', String(s.withErrors));
  const shown = report.rows.filter((r) => r.changes.length || r.errors.length);
  return (
    <div>
      <p className="import-summary">{summary}</p>
      {shown.length > 0 && (
        // Focusable, so the keyboard can scroll it when it is wider than a phone's screen.
        <div className="table-wrap" role="region" aria-label={t('importRowsCaption')} tabIndex={0}>
          <table className="import-rows">
            <caption className="visually-hidden">{t('importRowsCaption')}</caption>
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
                  <td className="code">{r.measureId ?? '—'}</td>
                  <td>
                    {r.ministryId
                      ? orgs.has(r.ministryId)
                        ? orgName(orgs.get(r.ministryId), lang)
                        : r.ministryId
                      : '—'}
                  </td>
                  <td>
                    {r.changes.length === 0
                      ? t('noChanges')
                      : r.changes.map((c) => (
                          <div key={c.field} className="import-change">
                            <strong>{fieldLabel(c.field, lang)}</strong>: {valueText(c, c.from, lang)} →{' '}
                            {valueText(c, c.to, lang)}
                          </div>
                        ))}
                  </td>
                  <td>
                    {r.errors.map((e, i) => (
                      <div key={i} className="field-error">
                        {serverText(e.message, lang)}
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
