import { useQueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { FormDialog } from '@/client/components/form-dialog';
import type { Assignment, MeasureDetail } from '@/domain/contract';
import { useMeasure } from '@/client/features/measures/api/get-measure';
import { invalidatePlan } from '../api/invalidate';

export type AssignmentDialogProps = {
  measureId: string;
  ministryId: string;
  ministryName: string;
  onClose: () => void;
  onSaved: () => void;
};
export type AssignmentFormProps = AssignmentDialogProps & { measure: MeasureDetail; assignment: Assignment };

/**
 * A dialog over one ministry's assignment (staff update, liaison submission): it reads today's
 * state when it opens, whatever date the page shows, and shows the form once it has it.
 */
export function AssignmentDialog({
  title,
  form: Form,
  ...props
}: AssignmentDialogProps & { title: string; form: ComponentType<AssignmentFormProps> }) {
  const query = useMeasure(props.measureId, undefined);
  return (
    <FormDialog title={`${title}: ${props.ministryName}`} onClose={props.onClose} wide query={query}>
      {(m) => {
        const a = m.assignments.find((x) => x.ministryId === props.ministryId);
        return a ? <Form {...props} measure={m} assignment={a} /> : null;
      }}
    </FormDialog>
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
