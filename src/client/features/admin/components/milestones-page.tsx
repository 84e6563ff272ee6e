import { useState } from 'react';
import { lazyForm } from '@/client/components/lazy-form';
import type { Milestone } from '@/domain/plan';
import { QueryState } from '@/client/components/query-state';
import { useI18n } from '@/client/lib/i18n';
import { useMilestones } from '@/client/features/strategy/api/get-milestones';
import { AdminNav } from './admin-nav';
import { RequirePermission } from './admin-only';

// Loaded when first opened (see lazy-form.tsx).
const MilestoneDialog = lazyForm(() => import('./milestone-dialog').then((m) => m.MilestoneDialog));

/** Milestones are data with history: moving one (the Games postponed) is an audited edit with a reason. */
export function MilestonesPage() {
  return (
    <RequirePermission permission="milestone.update">
      <Milestones />
    </RequirePermission>
  );
}

function Milestones() {
  const { t, l } = useI18n();
  const query = useMilestones();
  const [moving, setMoving] = useState<Milestone | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <section aria-labelledby="milestones-title">
      <AdminNav />
      <h1 id="milestones-title">{t('milestonesTitle')}</h1>
      <p className="sub">{t('milestonesLead')}</p>
      <p aria-live="polite" className="notice-slot">
        {saved && <span className="notice notice--success">{saved}</span>}
      </p>
      <QueryState query={query} skeletonRows={5}>
        {({ items }) => (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('milestonesTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('milestoneName')}</th>
                  <th scope="col">{t('start')}</th>
                  <th scope="col">{t('milestoneEnd')}</th>
                  <th scope="col">{t('version')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{l(m.title)}</th>
                    <td>{m.start}</td>
                    <td>{m.end}</td>
                    <td>{m.version}</td>
                    <td>
                      <button
                        type="button"
                        className="button-small"
                        aria-label={`${t('moveMilestone')}: ${l(m.title)}`}
                        onClick={() => setMoving(m)}
                      >
                        {t('moveMilestone')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      {moving && (
        <MilestoneDialog
          milestone={moving}
          onClose={() => setMoving(null)}
          onSaved={(m) => {
            setMoving(null);
            setSaved(`${t('milestoneMoved')}: ${l(m.title)} ${m.start} – ${m.end}`);
          }}
        />
      )}
    </section>
  );
}
