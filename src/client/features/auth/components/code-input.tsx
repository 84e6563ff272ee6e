import type { ControlProps } from '@/client/components/form-field';
import './code-input.css';

/** A 6-digit authenticator code: digits only (anything else typed or pasted is dropped), filled by the OS. */
export function CodeInput({
  value,
  onChange,
  autoFocus,
  ...control
}: ControlProps & { value: string; onChange: (code: string) => void; autoFocus?: boolean }) {
  return (
    <input
      {...control}
      className="input-code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="\d{6}"
      maxLength={6}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      autoFocus={autoFocus}
      required
    />
  );
}
