import { useState, type ReactNode } from 'react';
import { lazyForm } from '@/client/components/lazy-form';
import { useSaveNotice } from '@/client/components/save-notice';
import { can } from '@/domain/auth';
import type { Session } from '@/domain/contract';
import type { Assignment, MeasureDetail } from '@/domain/contract';
import { fill, useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import './assignment-actions.css';

// Loaded when first opened (see lazy-form.tsx).
const AssignmentUpdateDialog = lazyForm(() =>
  import('./assignment-update-dialog').then((m) => m.AssignmentUpdateDialog),
);
const SubmissionDialog = lazyForm(() => import('./submission-dialog').then((m) => m.SubmissionDialog));

type User = Session['user'];

const mayUpdate = (user: User) => can(user.role, 'assignment.update');
const maySubmit = (user: User, ministryId: string) =>
  can(user.role, 'submission.create') && user.ministryId === ministryId;

/**
 * The actions column of the assignments table, or undefined when this user can act on no row
 * (a viewer, a liaison of another ministry): then the table has no such column at all.
 * The server decides in the end; this only mirrors can() so nobody is offered a 403.
 */
export function assignmentActions(
  measure: MeasureDetail,
  session: Session | null | undefined,
  /** The date the page shows (its URL's), which the dialogs open on. */
  asOf?: string,
): ((a: Assignment) => ReactNode) | undefined {
  const user = session?.user;
  if (!user) return undefined;
  if (!mayUpdate(user) && !measure.assignments.some((a) => maySubmit(user, a.ministryId))) return undefined;
  return function renderActions(a: Assignment) {
    return <AssignmentActions measureId={measure.id} assignment={a} user={user} asOf={asOf} />;
  };
}

function AssignmentActions({
  measureId,
  assignment: a,
  user,
  asOf,
}: {
  measureId: string;
  assignment: Assignment;
  user: User;
  asOf?: string;
}) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<'update' | 'submit' | null>(null);
  const notify = useSaveNotice();
  const ministries = useMinistries();
  const ministryName = orgName(
    ministries.data?.items.find((o) => o.id === a.ministryId),
    lang,
  );
  const close = () => setOpen(null);
  const done = (message: string) => () => {
    setOpen(null);
    notify(fill(message, { ministry: ministryName }));
  };
  return (
    <div className="row-actions">
      {mayUpdate(user) && (
        <button
          type="button"
          className="button-small"
          aria-label={`${t('update')}: ${ministryName}`}
          onClick={() => setOpen('update')}
        >
          {t('update')}
        </button>
      )}
      {maySubmit(user, a.ministryId) && (
        <button type="button" className="button-small" onClick={() => setOpen('submit')}>
          {t('submitProgress')}
        </button>
      )}
      {open === 'update' && (
        <AssignmentUpdateDialog
          measureId={measureId}
          ministryId={a.ministryId}
          ministryName={ministryName}
          asOf={asOf}
          onClose={close}
          onSaved={done(t('assignmentSaved'))}
        />
      )}
      {open === 'submit' && (
        <SubmissionDialog
          measureId={measureId}
          ministryId={a.ministryId}
          ministryName={ministryName}
          asOf={asOf}
          onClose={close}
          onSaved={done(t('submissionSentFor'))}
        />
      )}
    </div>
  );
}
