import { useQueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { FormDialog } from '@/client/components/form-dialog';
import { QueryState } from '@/client/components/query-state';
import type { Assignment, MeasureDetail } from '@/domain/contract';
import { useMeasure } from '@/client/features/measures/api/get-measure';
import { useMeta } from '@/client/features/strategy/api/get-meta';
import { invalidatePlan } from '../api/invalidate';

export type AssignmentDialogProps = {
  measureId: string;
  ministryId: string;
  ministryName: string;
  /** The date the page shows (its URL's `asOf`; none means the server's default date). */
  asOf?: string;
  onClose: () => void;
  onSaved: () => void;
};

/**
 * What a form over one assignment is given: the values as of the date the page shows (`assignment`,
 * what the reader was looking at and starts from) and as they stand today (`current`, whose version
 * the write names, so a newer update is never overwritten unseen).
 */
export type AssignmentFormProps = AssignmentDialogProps & {
  measure: MeasureDetail;
  assignment: Assignment;
  current: Assignment;
  /** The date of `assignment`'s values. */
  shownOn: string;
  today: string;
};

/**
 * A dialog over one ministry's assignment (staff update, liaison submission): it reads the
 * assignment as of the page's date and as it stands today when it opens, and shows the form once it
 * has both (issue 18, item 4).
 */
export function AssignmentDialog({
  title,
  form: Form,
  ...props
}: AssignmentDialogProps & { title: string; form: ComponentType<AssignmentFormProps> }) {
  const shown = useMeasure(props.measureId, props.asOf);
  return (
    <FormDialog title={`${title}: ${props.ministryName}`} onClose={props.onClose} wide query={shown}>
      {(m) => <WithCurrent {...props} shown={m} form={Form} />}
    </FormDialog>
  );
}

function WithCurrent({
  shown,
  form: Form,
  ...props
}: AssignmentDialogProps & { shown: MeasureDetail; form: ComponentType<AssignmentFormProps> }) {
  const meta = useMeta().data;
  const today = meta?.today;
  const shownOn = props.asOf ?? meta?.defaults.asOf;
  // When the page shows today the two reads are one (and already cached).
  const now = useMeasure(props.measureId, shownOn === today ? props.asOf : today);
  if (!today || !shownOn) return null;
  return (
    <QueryState query={now} skeletonRows={4}>
      {(m) => {
        const a = shown.assignments.find((x) => x.ministryId === props.ministryId);
        const current = m.assignments.find((x) => x.ministryId === props.ministryId);
        return a && current ? (
          <Form {...props} measure={m} assignment={a} current={current} shownOn={shownOn} today={today} />
        ) : null;
      }}
    </QueryState>
  );
}

/** Discarding a refused change: read the plan again, then close. */
export function useDiscardChange(onClose: () => void) {
  const queryClient = useQueryClient();
  return () => {
    void invalidatePlan(queryClient);
    onClose();
  };
}
