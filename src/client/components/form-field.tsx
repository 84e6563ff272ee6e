import type { ReactNode } from 'react';
import { ApiError } from '../lib/api-client';
import { useI18n } from '../lib/i18n';
import { serverText } from '../lib/server-text';
import './form-field.css';

export type ControlProps = {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
};

/**
 * A labelled control with its hint and error, tied together with aria-describedby; the control
 * is rendered by the caller with the props it is given.
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const { t } = useI18n();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field ${error ? 'field--invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required">{t('required')}</span>}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {error && (
        <span id={`${id}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </span>
      )}
    </div>
  );
}

/** A failed write as an alert: the server's message in the reader's language and any issues no field shows. */
export function FormError({ error, other = [], children }: { error: unknown; other?: string[]; children?: ReactNode }) {
  const { lang } = useI18n();
  if (!error && !children) return null;
  const message =
    error instanceof ApiError ? serverText(error.message, lang) : error instanceof Error ? error.message : null;
  return (
    <div className="error-box form-error" role="alert">
      {children ?? <p>{message}</p>}
      {other.length > 0 && (
        <ul>
          {other.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
