import { Link } from '@tanstack/react-router';
import type { MinistryAssignmentRowView } from '@/domain/contract';
import { dateLabelShort } from '@/domain/plan';
import { PROVENANCE_LABELS } from '@/domain/plan';
import { HealthBadge, ProgressBar, StatusBadge } from '@/client/components/badges';
import { useI18n } from '@/client/lib/i18n';
import './ministry-assignments-table.css';

/** The ministry's own share of each measure: its status and progress, and the share's health. */
export function MinistryAssignmentsTable({
  id,
  title,
  rows,
  asOf,
}: {
  id: string;
  title: string;
  rows: MinistryAssignmentRowView[];
  asOf: string | undefined;
}) {
  const { t, l, lang } = useI18n();
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>
        {title} <span className="sub-inline">{lang === 'ja' ? `${rows.length}件` : `(${rows.length})`}</span>
      </h2>
      {rows.length === 0 ? (
        <p className="sub">{t('noneAssigned')}</p>
      ) : (
        <div className="table-wrap">
          <table className="ministry-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('title')}</th>
                <th scope="col">{t('ownStatus')}</th>
                <th scope="col">{t('ownProgress')}</th>
                <th scope="col">{t('health')}</th>
                <th scope="col">{t('due')}</th>
                <th scope="col">{t('lastUpdate')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.measureId}>
                  <th scope="row">
                    <Link to="/measures/$measureId" params={{ measureId: r.measureId }} search={{ asOf }}>
                      <span className="code">{r.code}</span> {l(r.title)}
                    </Link>
                    {r.provenance === 'proposed' && !r.confirmed && (
                      <span className="chip chip--proposed">{l(PROVENANCE_LABELS.proposed)}</span>
                    )}
                  </th>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td>
                    <ProgressBar value={r.progress} label={`${t('ownProgress')} ${r.code}`} />
                  </td>
                  <td>
                    <HealthBadge health={r.health} />
                  </td>
                  <td>
                    {r.due.wording ? (
                      <span lang="ja">「{r.due.wording}」</span>
                    ) : (
                      <span className="sub-inline">{t('noDeadlineShort')}</span>
                    )}
                    <span className="sub nowrap">{dateLabelShort(r.dueDate, lang)}</span>
                  </td>
                  <td className="nowrap">{r.lastUpdate ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
