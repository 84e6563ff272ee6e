import { useId } from 'react';
import './read-only-field.css';

/**
 * A value the reader may not change, as plain text under its label: no box that looks like an input
 * (issue 18, item 6). Line breaks are kept; an empty value says so rather than showing nothing.
 */
export function ReadOnlyField({ label, text, empty }: { label: string; text: string; empty: string }) {
  const id = useId();
  return (
    <div className="read-only-field">
      <span className="read-only-field__label" id={id}>
        {label}
      </span>
      <p className="read-only-field__text" aria-labelledby={id}>
        {text.trim() ? text : <span className="read-only-field__empty">{empty}</span>}
      </p>
    </div>
  );
}
