import type { ReactNode } from 'react';
import type { Assignment, MeasureDetail } from '@/domain/contract';
import { ASSIGNMENT_ROLE_LABELS, PROVENANCE_LABELS } from '@/domain/plan';
import { ProgressBar, StatusBadge } from '@/client/components/badges';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import './measure-assignments.css';

/** `actions`: a cell per row for those who may update or submit (features/updates); no column otherwise. */
export function MeasureAssignments({
  measure: m,
  actions,
}: {
  measure: MeasureDetail;
  actions?: (a: Assignment) => ReactNode;
}) {
  const { t, l, lang } = useI18n();
  const ministries = useMinistries();
  const orgs = new Map((ministries.data?.items ?? []).map((o) => [o.id, o]));
  return (
    <section aria-labelledby="assignments-title" className="card">
      <h2 id="assignments-title">{t('assignments')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('ministry')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('provenance')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('progress')}</th>
              <th scope="col">{t('narrative')}</th>
              <th scope="col">{t('lastUpdate')}</th>
              {actions && <th scope="col">{t('actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {m.assignments.map((a) => (
              <tr key={a.ministryId}>
                <th scope="row">{orgName(orgs.get(a.ministryId), lang)}</th>
                <td>{l(ASSIGNMENT_ROLE_LABELS[a.role])}</td>
                <td>
                  <span className={a.provenance === 'proposed' && !a.confirmed ? 'chip chip--proposed' : 'chip'}>
                    {a.provenance === 'proposed' && a.confirmed
                      ? t('proposedConfirmed')
                      : l(PROVENANCE_LABELS[a.provenance])}
                  </span>
                </td>
                <td>
                  <StatusBadge status={a.status} />
                </td>
                <td>
                  <ProgressBar value={a.progress} label={`${t('progress')} ${orgName(orgs.get(a.ministryId), lang)}`} />
                </td>
                <td className="narrative">{a.narrative || '—'}</td>
                <td>{a.lastUpdate ?? '—'}</td>
                {actions && <td>{actions(a)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
