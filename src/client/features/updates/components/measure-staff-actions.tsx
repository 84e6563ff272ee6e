import { useState } from 'react';
import { lazyForm } from '@/client/components/lazy-form';
import { useSaveNotice } from '@/client/components/save-notice';
import { can } from '@/domain/auth';
import type { Session } from '@/domain/contract';
import { useI18n } from '@/client/lib/i18n';
import './measure-staff-actions.css';

// Loaded when first opened (see lazy-form.tsx).
const MeasureUpdateDialog = lazyForm(() => import('./measure-update-dialog').then((m) => m.MeasureUpdateDialog));

/** The measure-level update (RAG override, deadline) for those allowed to make it; nothing for others. */
export function MeasureStaffActions({
  measureId,
  session,
}: {
  measureId: string;
  session: Session | null | undefined;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const notify = useSaveNotice();
  if (!session || !can(session.user.role, 'measure.update')) return null;
  return (
    <div className="measure-actions">
      <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
        {t('updateMeasure')}
      </button>
      {open && (
        <MeasureUpdateDialog
          measureId={measureId}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            notify(t('updateSaved'));
          }}
        />
      )}
    </div>
  );
}
