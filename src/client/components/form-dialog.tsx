import { zodResolver } from '@hookform/resolvers/zod';
import type { UseQueryResult } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import {
  FormProvider,
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Resolver,
  type SubmitHandler,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '@/client/lib/api-client';
import { fill, useI18n } from '@/client/lib/i18n';
import { issuesByField } from '@/client/lib/server-text';
import { Dialog } from './dialog';
import { FormError } from './form-field';
import { QueryState } from './query-state';

/**
 * The one way to build a form dialog (docs/decisions/012-domain-folders-and-forms.md): a dialog is
 * its fields and its mutation. `useDialogForm` holds the values (react-hook-form, validated by a
 * zod schema built on the contract) and merges the client's errors with the server's 422 issues
 * per field; `FormDialog` gives the header, focus and Escape (Dialog), and cancel; `DialogForm`
 * the error summary, the 412 conflict view in place of the form, pending and the actions.
 */

type MutationState = { error: unknown; isPending: boolean };

/** Issue path → message, flattened ("rag.reason"), for fields and for the form as a whole ("form"). */
export type FormErrors = Record<string, string | undefined>;

export type DialogFormState<T extends FieldValues> = {
  form: UseFormReturn<T>;
  /** The client's errors over the server's, by field. */
  errors: FormErrors;
  /** Server issues no field shows. */
  other: string[];
  /** The failed write, if any (the 412/409 body is in `error.current`). */
  error: ApiError | null;
  /** Whether any server issue found its field. */
  serverClaimed: boolean;
  pending: boolean;
};

export function useDialogForm<T extends FieldValues>({
  schema,
  defaultValues,
  mutation,
  serverFields,
  mapServer,
}: {
  /** Rules a user can fix before the round trip, with messages in the reader's language. */
  schema: z.ZodType<T, T>;
  defaultValues: DefaultValues<T>;
  mutation: MutationState;
  /** The issue paths of the server's 422 that this form shows beside a field. */
  serverFields: readonly string[];
  /** Renames or adds server errors a field shows under another name. */
  mapServer?: (error: ApiError, byField: Record<string, string>) => void;
}): DialogFormState<T> {
  const { lang } = useI18n();
  const form = useForm<T>({
    resolver: zodResolver(schema) as unknown as Resolver<T>,
    defaultValues,
    // Errors change when the user submits, not while they type, and focus stays where it is.
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const { byField, other } = issuesByField(error?.status === 422 ? error : null, serverFields, lang);
  if (error) mapServer?.(error, byField);
  return {
    form,
    errors: { ...byField, ...flatten(form.formState.errors) },
    other,
    error,
    serverClaimed: Object.keys(byField).length > 0,
    pending: mutation.isPending,
  };
}

function flatten(errors: FieldErrors, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if ('message' in value && typeof value.message === 'string') out[path] = value.message;
    else if (!('type' in value)) Object.assign(out, flatten(value as FieldErrors, path));
  }
  return out;
}

const CloseContext = createContext<() => void>(() => undefined);

/** A modal form dialog; with `query` it reads the current state first and shows the form when it has it. */
export function FormDialog<D = never>({
  title,
  onClose,
  wide = false,
  query,
  children,
}: {
  title: ReactNode;
  onClose: () => void;
  wide?: boolean;
} & ({ query?: undefined; children: ReactNode } | { query: UseQueryResult<D>; children: (data: D) => ReactNode })) {
  return (
    <Dialog title={title} onClose={onClose} wide={wide}>
      <CloseContext.Provider value={onClose}>
        {query ? (
          <QueryState query={query} skeletonRows={4}>
            {children as (data: D) => ReactNode}
          </QueryState>
        ) : (
          children
        )}
      </CloseContext.Provider>
    </Dialog>
  );
}

/**
 * The form inside a form dialog (or inline, with its own `actions`): the lead line, a notice, the
 * error summary, the fields, and save/cancel with the pending state. A refused stale write
 * (`conflict`) takes the form's place, side by side with what changed.
 */
export function DialogForm<T extends FieldValues>({
  state,
  onValid,
  onInvalid,
  editing,
  lead,
  notice,
  submitLabel,
  conflict,
  summary,
  actions,
  className = 'dialog-form',
  label,
  children,
}: {
  state: DialogFormState<T>;
  onValid: SubmitHandler<T>;
  onInvalid?: () => void;
  /** The version the form edits, after what it is ("5.2.3(1)-1 · 読み込んだ内容: 第3版"). */
  editing?: { version: number; of?: string };
  lead?: ReactNode;
  notice?: ReactNode;
  submitLabel?: string;
  conflict?: ReactNode;
  /** Replaces the standard error summary. */
  summary?: ReactNode;
  /** Replaces save and cancel. */
  actions?: ReactNode;
  className?: string;
  label?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const onCancel = useContext(CloseContext);
  const ref = useRef<HTMLFormElement>(null);
  // A form that arrives after its dialog opened (it read something first) takes the focus the dialog
  // kept for it, on its first field, unless the user has already moved it somewhere.
  useEffect(() => {
    const active = document.activeElement;
    const holder = ref.current?.closest('[role="dialog"]');
    if (holder && (active === holder || active === document.body))
      ref.current?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea')?.focus();
  }, []);
  if (conflict) return conflict;
  const { form, errors, other, error, serverClaimed, pending } = state;
  const formError = errors.form;
  const failed = error && !serverClaimed ? error : null;
  return (
    <FormProvider {...form}>
      <form
        ref={ref}
        onSubmit={(event) => void form.handleSubmit(onValid, onInvalid)(event)}
        noValidate
        className={className}
        aria-label={label}
      >
        {editing && (
          <p className="sub">
            {editing.of && `${editing.of} · `}
            {fill(t('editingVersion'), { n: editing.version })}
          </p>
        )}
        {lead}
        {notice}
        {summary ??
          ((formError || failed || other.length > 0) && (
            <FormError error={formError ? null : failed} other={other}>
              {formError ? <p>{formError}</p> : undefined}
            </FormError>
          ))}
        {children}
        {actions ?? (
          <div className="form-actions">
            <button type="submit" disabled={pending}>
              {pending ? t('saving') : (submitLabel ?? t('save'))}
            </button>
            <button type="button" className="button-secondary" onClick={onCancel}>
              {t('cancel')}
            </button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}
